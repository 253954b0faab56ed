'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ActivityIcon } from 'lucide-react';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useDefaultStages } from '../portfolio/use-default-stages';
import { LoadMore } from '../common/load-more';
import { RelativeTime } from '../common/relative-time';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { ActivitySentence } from './activity-sentence';
import { useActivityNames } from './use-activity-names';

/** The workspace's activity (or one project's), newest first, page by page. */
export function ActivityFeed({
  workspaceId,
  projectId,
}: {
  workspaceId: string;
  projectId?: string;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { workspaceId, ...(projectId ? { projectId } : {}), limit: 50 };
  // Paged by hand (tRPC's infinite queries add `direction`, which strict inputs refuse).
  const feed = useInfiniteQuery({
    queryKey: trpc.activity.list.infiniteQueryKey(input),
    queryFn: ({ pageParam }) =>
      client.activity.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const names = useActivityNames(
    workspaceId,
    useFeedStages(workspaceId, projectId),
    Boolean(projectId),
  );

  return (
    <section aria-label="Activity" className="space-y-3">
      <h2 className="text-lg font-semibold">Activity</h2>
      <QueryState
        query={feed}
        what="Activity"
        label="Loading activity…"
        fallback={<Skeleton className="h-64 w-full" />}
      >
        {(data) => {
          const entries = data.pages.flatMap((page) => page.items);
          if (entries.length === 0) {
            return <EmptyState icon={<ActivityIcon />} title="No activity yet" />;
          }
          return (
            <ol className="divide-y rounded-xl border bg-card" data-testid="activity-feed">
              {entries.map((entry) => {
                const where =
                  !projectId && entry.projectName && !entry.action.startsWith('project.')
                    ? entry.projectName
                    : null;
                return (
                  <li key={entry.id} className="px-4 py-2.5 text-sm" data-testid="activity-entry">
                    <p className="break-words" data-testid="activity-sentence">
                      <ActivitySentence entry={entry} names={names} where={where} />
                    </p>
                    <RelativeTime at={entry.at} className="text-xs text-muted-foreground" />
                  </li>
                );
              })}
            </ol>
          );
        }}
      </QueryState>
      <LoadMore query={feed}>Load more</LoadMore>
    </section>
  );
}

/**
 * The stages the feed's entries name: in a project's feed, its own; in the
 * workspace's, the default checklist's (the portfolio's columns).
 */
function useFeedStages(workspaceId: string, projectId: string | undefined) {
  const trpc = useTRPC();
  const project = useQuery({
    ...trpc.dashboard.project.queryOptions({ projectId: projectId ?? '' }),
    enabled: Boolean(projectId),
  });
  const defaults = useDefaultStages(workspaceId);
  return projectId ? project.data?.stages : defaults.stages;
}
