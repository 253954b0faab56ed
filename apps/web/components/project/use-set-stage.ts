'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { errorInfo } from '../../lib/errors';
import { notifyFailure } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { isProject, patchProjectInLists, restoreQueries } from './project-cache';

/** Moves the project's current stage, optimistically. */
export function useSetStage(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const getKey = trpc.project.get.queryKey({ projectId });
  const listKey = trpc.project.list.pathKey();
  const mutation = useMutation(
    trpc.project.setStage.mutationOptions({
      onMutate: async ({ stageKey }) => {
        await queryClient.cancelQueries({ queryKey: getKey });
        const previous = queryClient.getQueryData(getKey);
        if (previous) queryClient.setQueryData(getKey, { ...previous, currentStageKey: stageKey });
        const lists = patchProjectInLists(queryClient, listKey, projectId, (p) => ({
          ...p,
          currentStageKey: stageKey,
        }));
        return { previous, lists };
      },
      onError: (error, input, context) => {
        if (context?.previous) queryClient.setQueryData(getKey, context.previous);
        if (context?.lists) restoreQueries(queryClient, context.lists);
        const info = errorInfo(error);
        if (info.code === 'CONFLICT' && isProject(info.current)) {
          const theirs = info.current;
          queryClient.setQueryData(getKey, theirs);
          toast.warning('Someone else changed this project first', {
            description: 'The page now shows their version. Your stage change was not saved.',
            action: {
              label: 'Set stage again',
              onClick: () =>
                mutation.mutate({
                  projectId,
                  stageKey: input.stageKey,
                  expectedVersion: theirs.version,
                }),
            },
          });
          return;
        }
        if (info.code === 'FORBIDDEN') {
          void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        }
        notifyFailure('Changing the current stage', error);
      },
      onSuccess: (project) => {
        queryClient.setQueryData(getKey, project);
        patchProjectInLists(queryClient, listKey, projectId, () => project);
      },
      onSettled: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: listKey }),
          queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
        ]);
      },
    }),
  );
  const setStage = (stageKey: string) => {
    const current = queryClient.getQueryData(getKey);
    if (!current || current.currentStageKey === stageKey) return;
    mutation.mutate({ projectId, stageKey, expectedVersion: current.version });
  };
  return { setStage, mutation };
}
