'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ActivityIcon } from 'lucide-react';
import { useMemo } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { shortStageTitle } from '../../lib/labels';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useDefaultStages } from '../portfolio/use-default-stages';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { describeActivity, type ActivityNames } from './describe-activity';

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
  const names = useActivityNames(workspaceId, projectId);

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
                      <span className="font-medium">{entry.actor?.name ?? 'Someone'}</span>{' '}
                      {describeActivity(entry, names)}
                      {where ? <span className="text-muted-foreground"> in {where}</span> : null}
                    </p>
                    <time
                      className="text-xs text-muted-foreground"
                      dateTime={String(entry.at)}
                      title={formatDateTime(entry.at)}
                    >
                      {formatRelative(entry.at)}
                    </time>
                  </li>
                );
              })}
            </ol>
          );
        }}
      </QueryState>
      {feed.hasNextPage ? (
        <div className="flex justify-center">
          <Button
            pending={feed.isFetchingNextPage}
            variant="outline"
            onClick={() => void feed.fetchNextPage()}
            disabled={feed.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Stage titles and member names for the sentences. In a project's feed, its
 * own stages; in the workspace's, the default checklist's (the portfolio's
 * columns). Until they arrive, or for an unknown key, the key made readable.
 */
function useActivityNames(workspaceId: string, projectId: string | undefined): ActivityNames {
  const trpc = useTRPC();
  const project = useQuery({
    ...trpc.dashboard.project.queryOptions({ projectId: projectId ?? '' }),
    enabled: Boolean(projectId),
  });
  const defaults = useDefaultStages(workspaceId);
  const members = useQuery(trpc.workspace.members.queryOptions({ workspaceId }));
  const stages = projectId ? project.data?.stages : defaults.stages;
  return useMemo(() => {
    const titles = new Map((stages ?? []).map((s) => [s.key, shortStageTitle(s.title)]));
    const people = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
    return {
      stageTitle: (key) => titles.get(key),
      memberName: (id) => people.get(id),
      inProject: Boolean(projectId),
    };
  }, [stages, members.data, projectId]);
}
