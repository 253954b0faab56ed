'use client';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useTRPC } from '../../lib/trpc';
import { useVersionedMutation } from '../../lib/use-versioned-mutation';
import { isProject, patchProjectInLists, restoreQueries } from './project-cache';

/** Moves the project's current stage, optimistically. */
export function useSetStage(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const getKey = trpc.project.get.queryKey({ projectId });
  const listKey = trpc.project.list.pathKey();
  const { save, mutation } = useVersionedMutation({
    mutation: trpc.project.setStage.mutationOptions(),
    queryKeys: () => [getKey],
    version: () => queryClient.getQueryData(getKey)?.version,
    snapshot: () => ({
      previous: queryClient.getQueryData(getKey),
      lists: queryClient.getQueriesData({ queryKey: listKey }),
    }),
    apply: ({ stageKey }) => {
      const previous = queryClient.getQueryData(getKey);
      if (previous) queryClient.setQueryData(getKey, { ...previous, currentStageKey: stageKey });
      patchProjectInLists(queryClient, listKey, projectId, (p) => ({
        ...p,
        currentStageKey: stageKey,
      }));
    },
    restore: ({ previous, lists }) => {
      if (previous) queryClient.setQueryData(getKey, previous);
      restoreQueries(queryClient, lists);
    },
    commit: (project) => {
      queryClient.setQueryData(getKey, project);
      patchProjectInLists(queryClient, listKey, projectId, () => project);
    },
    isRecord: isProject,
    failure: 'Changing the current stage',
    onConflict: ({ mine }) => {
      toast.warning('Someone else changed this project first', {
        description: 'The page now shows their version. Your stage change was not saved.',
        action: { label: 'Set stage again', onClick: () => void save(mine) },
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listKey }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
      ]),
  });
  const setStage = (stageKey: string) => {
    const current = queryClient.getQueryData(getKey);
    if (!current || current.currentStageKey === stageKey) return;
    void save({ projectId, stageKey });
  };
  return { setStage, mutation };
}
