'use client';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { EyeIcon, EyeOffIcon } from 'lucide-react';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';

/** Watch or unwatch an item: its comments and status changes then reach you. */
export function ItemWatchButton({ itemId }: { itemId: string }) {
  const trpc = useTRPC();
  const state = useQuery(trpc.notification.itemWatch.queryOptions({ itemId }));
  const key = trpc.notification.itemWatch.queryKey({ itemId });
  const watch = useMutation(
    trpc.notification.watchItem.mutationOptions(useWatchOptions(key, true)),
  );
  const unwatch = useMutation(
    trpc.notification.unwatchItem.mutationOptions(useWatchOptions(key, false)),
  );
  return (
    <WatchToggle
      what="this item"
      watching={state.data?.watching}
      onChange={(next) => (next ? watch : unwatch).mutate({ itemId })}
    />
  );
}

/** Watch or unwatch a whole project: every item's comments and status changes, and its KPIs. */
export function ProjectWatchButton({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const state = useQuery(trpc.notification.projectWatch.queryOptions({ projectId }));
  const key = trpc.notification.projectWatch.queryKey({ projectId });
  const watch = useMutation(
    trpc.notification.watchProject.mutationOptions(useWatchOptions(key, true)),
  );
  const unwatch = useMutation(
    trpc.notification.unwatchProject.mutationOptions(useWatchOptions(key, false)),
  );
  return (
    <WatchToggle
      what="this project"
      watching={state.data?.watching}
      onChange={(next) => (next ? watch : unwatch).mutate({ projectId })}
    />
  );
}

function WatchToggle({
  what,
  watching,
  onChange,
}: {
  what: string;
  watching: boolean | undefined;
  onChange: (watching: boolean) => void;
}) {
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      aria-pressed={watching ?? false}
      disabled={watching === undefined}
      title={
        watching
          ? `You are notified of changes to ${what}; click to stop`
          : `Get notified of changes to ${what}`
      }
      onClick={() => onChange(!watching)}
      data-testid="watch-toggle"
    >
      {watching ? <EyeIcon aria-hidden="true" /> : <EyeOffIcon aria-hidden="true" />}
      {watching ? 'Watching' : 'Watch'}
    </Button>
  );
}

/** Shows the new state at once, keeps the stored one, and goes back when refused. */
function useWatchOptions(key: QueryKey, watching: boolean) {
  const queryClient = useQueryClient();
  return {
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, { watching });
    },
    onSuccess: (stored: { watching: boolean }) => queryClient.setQueryData(key, stored),
    onError: (error: unknown) => {
      void queryClient.invalidateQueries({ queryKey: key });
      notifyFailure('Changing what you watch', error);
    },
  };
}
