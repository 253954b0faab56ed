'use client';
import type { QueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '../../lib/trpc';

export type Project = RouterOutputs['project']['get'];

type ListPage = { items: Project[]; nextCursor: string | null };
type ListData = ListPage | { pages: ListPage[]; pageParams: unknown[] };

/** Applies `patch` to a project wherever project lists are cached (plain or infinite). */
export function patchProjectInLists(
  queryClient: QueryClient,
  listKey: readonly unknown[],
  projectId: string,
  patch: (project: Project) => Project | null,
): Array<[readonly unknown[], unknown]> {
  const snapshot = queryClient.getQueriesData({ queryKey: listKey });
  const patchPage = (page: ListPage): ListPage => ({
    ...page,
    items: page.items.flatMap((item) => {
      if (item.id !== projectId) return [item];
      const next = patch(item);
      return next ? [next] : [];
    }),
  });
  queryClient.setQueriesData<ListData>({ queryKey: listKey }, (data) => {
    if (!data) return data;
    if ('pages' in data) return { ...data, pages: data.pages.map(patchPage) };
    return patchPage(data);
  });
  return snapshot;
}

export function restoreQueries(
  queryClient: QueryClient,
  snapshot: Array<[readonly unknown[], unknown]>,
): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

export function isProject(value: unknown): value is Project {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'version' in value &&
    'name' in value
  );
}
