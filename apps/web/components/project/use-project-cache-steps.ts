'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { isProject, patchProjectInLists, restoreQueries, type Project } from './project-cache';

/**
 * The cache half of every versioned project write (update, set stage…), for
 * `useVersionedMutation`: the project is kept in step wherever it is cached
 * (its own query and every project list), undone from a snapshot, and
 * replaced by the server's record. Each hook adds only what its change does.
 */
export function useProjectCacheSteps(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const getKey = trpc.project.get.queryKey({ projectId });
  const listKey = trpc.project.list.pathKey();
  const patch = (change: (project: Project) => Project) => {
    const previous = queryClient.getQueryData(getKey);
    if (previous) queryClient.setQueryData(getKey, change(previous));
    patchProjectInLists(queryClient, listKey, projectId, change);
  };
  return {
    listKey,
    /** The project as the cache holds it now. */
    current: () => queryClient.getQueryData(getKey),
    /** Shows a change at once, everywhere the project is cached. */
    show: (changes: Partial<Project>) => patch((project) => ({ ...project, ...changes })),
    steps: {
      queryKeys: () => [getKey],
      version: () => queryClient.getQueryData(getKey)?.version,
      snapshot: () => ({
        previous: queryClient.getQueryData(getKey),
        lists: queryClient.getQueriesData({ queryKey: listKey }),
      }),
      restore: ({
        previous,
        lists,
      }: {
        previous: Project | undefined;
        lists: Array<[readonly unknown[], unknown]>;
      }) => {
        if (previous) queryClient.setQueryData(getKey, previous);
        restoreQueries(queryClient, lists);
      },
      commit: (project: Project) => patch(() => project),
      isRecord: isProject,
    },
  };
}
