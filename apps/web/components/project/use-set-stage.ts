'use client';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useTRPC } from '../../lib/trpc';
import { useVersionedMutation } from '../../lib/use-versioned-mutation';
import { useProjectCacheSteps } from './use-project-cache-steps';

/** Moves the project's current stage, optimistically. */
export function useSetStage(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cache = useProjectCacheSteps(projectId);
  const { save, mutation } = useVersionedMutation({
    mutation: trpc.project.setStage.mutationOptions(),
    ...cache.steps,
    apply: ({ stageKey }) => cache.show({ currentStageKey: stageKey }),
    failure: 'Changing the current stage',
    onConflict: ({ mine }) => {
      toast.warning('Someone else changed this project first', {
        description: 'The page now shows their version. Your stage change was not saved.',
        action: { label: 'Set stage again', onClick: () => void save(mine) },
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: cache.listKey }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
      ]),
  });
  const setStage = (stageKey: string) => {
    const current = cache.current();
    if (!current || current.currentStageKey === stageKey) return;
    void save({ projectId, stageKey });
  };
  return { setStage, mutation };
}
