'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { errorInfo } from '../../lib/errors';
import { notifyFailure } from '../../lib/notify';
import { useTRPC, type RouterInputs } from '../../lib/trpc';
import { useRefreshPortfolio } from '../portfolio/use-refresh-portfolio';
import { isProject, patchProjectInLists, restoreQueries, type Project } from './project-cache';

export type ProjectChanges = Omit<
  RouterInputs['project']['update'],
  'projectId' | 'expectedVersion'
>;

export interface ProjectConflict {
  /** What this user tried to save. */
  mine: ProjectChanges;
  /** The project as someone else left it (now shown everywhere). */
  theirs: Project;
}

/**
 * Saves project fields optimistically: the change shows at once everywhere the
 * project is cached, and is rolled back with a message if the API refuses it.
 * On a version conflict the other person's version replaces the cache and is
 * returned as `conflict`, so the user can compare and re-apply theirs.
 */
export function useProjectUpdate(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshPortfolio = useRefreshPortfolio();
  const [conflict, setConflict] = useState<ProjectConflict | null>(null);
  const getKey = trpc.project.get.queryKey({ projectId });
  const listKey = trpc.project.list.pathKey();

  const mutation = useMutation(
    trpc.project.update.mutationOptions({
      onMutate: async (input) => {
        const { projectId: _id, expectedVersion: _version, ...changes } = input;
        await queryClient.cancelQueries({ queryKey: getKey });
        const previous = queryClient.getQueryData(getKey);
        if (previous) queryClient.setQueryData(getKey, { ...previous, ...changes });
        const lists = patchProjectInLists(queryClient, listKey, projectId, (project) => ({
          ...project,
          ...changes,
        }));
        return { previous, lists, changes };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(getKey, context.previous);
        if (context?.lists) restoreQueries(queryClient, context.lists);
        const info = errorInfo(error);
        if (info.code === 'CONFLICT' && isProject(info.current)) {
          const theirs = info.current;
          queryClient.setQueryData(getKey, theirs);
          patchProjectInLists(queryClient, listKey, projectId, () => theirs);
          setConflict({ mine: context?.changes ?? {}, theirs });
          return;
        }
        if (info.code === 'FORBIDDEN') {
          void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        }
        notifyFailure('Saving the project', error);
      },
      onSuccess: (project) => {
        queryClient.setQueryData(getKey, project);
        patchProjectInLists(queryClient, listKey, projectId, () => project);
        setConflict(null);
      },
      onSettled: () => refreshPortfolio(),
    }),
  );

  // Saves run one after another, each naming the version the previous one
  // produced, so quick successive edits never conflict with each other.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = (
    changes: ProjectChanges,
    options?: { onSuccess?: (project: Project) => void; onError?: (error: unknown) => void },
  ) => {
    setConflict(null);
    queue.current = queue.current.then(async () => {
      const current = queryClient.getQueryData(getKey);
      if (!current) return;
      try {
        const saved = await mutation.mutateAsync({
          projectId,
          expectedVersion: current.version,
          ...changes,
        });
        options?.onSuccess?.(saved);
      } catch (error) {
        // Reported (and rolled back) by onError above.
        options?.onError?.(error);
      }
    });
  };

  return { save, mutation, conflict, dismissConflict: () => setConflict(null) };
}
