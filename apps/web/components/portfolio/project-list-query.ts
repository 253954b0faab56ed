'use client';
import type { RouterInputs, useTRPC, useTRPCClient } from '../../lib/trpc';

export type ProjectListInput = Omit<RouterInputs['project']['list'], 'cursor'>;

/** The portfolio's first screen: active projects, 50 at a time. */
export const PORTFOLIO_PAGE_SIZE = 50;

/**
 * The portfolio's project list as an infinite query, paged by hand: tRPC's
 * infinite queries add `direction` to the input, which the API's strict input
 * schema refuses. The key sits under project.list, so invalidating
 * project.list refreshes it too. Shared by the page and its prefetch.
 */
export function projectListQuery(
  trpc: ReturnType<typeof useTRPC>,
  client: ReturnType<typeof useTRPCClient>,
  input: ProjectListInput,
) {
  return {
    queryKey: trpc.project.list.infiniteQueryKey(input),
    queryFn: ({ pageParam }: { pageParam: string | null }) =>
      client.project.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
  };
}
