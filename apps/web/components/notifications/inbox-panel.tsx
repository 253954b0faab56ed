'use client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { BellOffIcon, CheckCheckIcon, SettingsIcon } from 'lucide-react';
import Link from 'next/link';
import { useCallback, useId, useState } from 'react';
import { groupByProject } from '../../lib/notification-groups';
import { notifyFailure } from '../../lib/notify';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { LoadMore } from '../common/load-more';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { InboxEntry } from './inbox-entry';
import { UNREAD_POLL_MS } from './use-notifications';

const PAGE_SIZE = 20;

/**
 * The inbox: the caller's notifications grouped by project, newest first,
 * page by page; opening one marks it read. `onNavigate` closes the panel.
 */
export function InboxPanel({ unread, onNavigate }: { unread: number; onNavigate: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = useRefreshNotifications();
  const headingId = useId();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const input = { limit: PAGE_SIZE, ...(unreadOnly ? { unreadOnly: true } : {}) };
  // Paged by hand (tRPC's infinite queries add `direction`, which strict inputs refuse).
  const inbox = useInfiniteQuery({
    queryKey: trpc.notification.list.infiniteQueryKey(input),
    queryFn: ({ pageParam }) =>
      client.notification.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
    refetchInterval: UNREAD_POLL_MS,
  });

  const countKey = trpc.notification.unreadCount.queryKey();
  const setCount = (change: (count: number) => number) =>
    queryClient.setQueryData(countKey, (old) => (old ? { count: change(old.count) } : old));
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onMutate: () => setCount((count) => Math.max(0, count - 1)),
      onSettled: () => void refresh(),
    }),
  );
  const markAllRead = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onMutate: () => setCount(() => 0),
      onError: (error) => notifyFailure('Marking all read', error),
      onSettled: () => void refresh(),
    }),
  );

  return (
    <section aria-labelledby={headingId} className="flex flex-col" data-testid="inbox">
      <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <h2 id={headingId} className="mr-auto text-sm font-semibold">
          Notifications
        </h2>
        <Button
          size="sm"
          variant={unreadOnly ? 'secondary' : 'ghost'}
          aria-pressed={unreadOnly}
          onClick={() => setUnreadOnly((only) => !only)}
        >
          Unread only
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={unread === 0 || markAllRead.isPending}
          onClick={() => markAllRead.mutate({})}
        >
          <CheckCheckIcon aria-hidden="true" />
          Mark all read
        </Button>
        <Button size="icon" variant="ghost" className="size-8" asChild>
          <Link
            href="/account/notifications"
            aria-label="Notification settings"
            onClick={onNavigate}
          >
            <SettingsIcon aria-hidden="true" />
          </Link>
        </Button>
      </div>
      <div className="space-y-3 p-2">
        <QueryState
          query={inbox}
          what="Notifications"
          label="Loading notifications…"
          fallback={<Skeleton className="h-40 w-full" />}
        >
          {(data) => {
            const groups = groupByProject(data.pages.flatMap((page) => page.items));
            if (groups.length === 0) {
              return (
                <EmptyState
                  icon={<BellOffIcon />}
                  title={unreadOnly ? 'All caught up' : 'No notifications yet'}
                  className="border-none py-8"
                >
                  {unreadOnly
                    ? 'Nothing unread.'
                    : 'You hear here when someone assigns you an item, mentions you or changes what you watch.'}
                </EmptyState>
              );
            }
            return groups.map((group) => (
              <section key={group.key} aria-label={group.title} data-testid="inbox-group">
                <h3 className="px-2 pt-1 pb-1 text-xs font-medium text-muted-foreground">
                  {group.title}
                </h3>
                <ul className="space-y-0.5">
                  {group.items.map((entry) => (
                    <InboxEntry
                      key={entry.id}
                      entry={entry}
                      onOpen={() => {
                        if (!entry.readAt) markRead.mutate({ ids: [entry.id] });
                        onNavigate();
                      }}
                    />
                  ))}
                </ul>
              </section>
            ));
          }}
        </QueryState>
        <LoadMore query={inbox}>Load more</LoadMore>
      </div>
    </section>
  );
}

/** Refetches the bell's count and every page of the inbox (after marking read). */
function useRefreshNotifications() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() }),
    [queryClient, trpc],
  );
}
