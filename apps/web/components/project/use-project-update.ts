'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterInputs } from '../../lib/trpc';
import { useVersionedMutation } from '../../lib/use-versioned-mutation';
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
  const getKey = trpc.project.get.queryKey({ projectId });
  const listKey = trpc.project.list.pathKey();

  const { save, mutation, conflicts, dismiss } = useVersionedMutation({
    mutation: trpc.project.update.mutationOptions(),
    queryKeys: () => [getKey],
    version: () => queryClient.getQueryData(getKey)?.version,
    snapshot: () => ({
      previous: queryClient.getQueryData(getKey),
      lists: queryClient.getQueriesData({ queryKey: listKey }),
    }),
    apply: ({ projectId: _id, ...changes }) => {
      const previous = queryClient.getQueryData(getKey);
      if (previous) queryClient.setQueryData(getKey, { ...previous, ...changes });
      patchProjectInLists(queryClient, listKey, projectId, (project) => ({
        ...project,
        ...changes,
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
    failure: 'Saving the project',
    onSettled: () => refreshPortfolio(),
  });

  const found = conflicts[''];
  const conflict: ProjectConflict | null = found
    ? { mine: withoutId(found.mine), theirs: found.theirs }
    : null;

  return {
    save: (
      changes: ProjectChanges,
      options?: { onSuccess?: (project: Project) => void; onError?: (error: unknown) => void },
    ) => {
      void save({ projectId, ...changes }).then((result) => {
        if (!result) return;
        if (result.ok) options?.onSuccess?.(result.record);
        else options?.onError?.(result.error);
      });
    },
    mutation,
    conflict,
    dismissConflict: () => dismiss(),
  };
}

function withoutId({ projectId: _id, ...changes }: { projectId: string } & ProjectChanges) {
  return changes;
}
