'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ActivityIcon } from 'lucide-react';
import { useMemo } from 'react';
import { describeAction, describeChange } from '../../lib/activity';
import { errorInfo } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Loading, Skeleton } from '../ui/skeleton';

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
  const projects = useQuery({
    ...trpc.project.list.queryOptions({ workspaceId, limit: 100 }),
    enabled: !projectId,
  });
  const names = useMemo(
    () => new Map((projects.data?.items ?? []).map((p) => [p.id, p.name])),
    [projects.data],
  );
  const entries = feed.data?.pages.flatMap((page) => page.items) ?? [];

  if (feed.error) {
    return (
      <Alert variant="destructive" role="alert">
        Activity could not be loaded: {errorInfo(feed.error).message}
      </Alert>
    );
  }
  if (feed.isPending) {
    return (
      <Loading label="Loading activity…">
        <Skeleton className="h-64 w-full" />
      </Loading>
    );
  }
  if (entries.length === 0) {
    return <EmptyState icon={<ActivityIcon />} title="No activity yet" />;
  }
  return (
    <section aria-label="Activity" className="space-y-3">
      <h2 className="text-lg font-semibold">Activity</h2>
      <ol className="divide-y rounded-xl border bg-card" data-testid="activity-feed">
        {entries.map((entry) => {
          const detail = describeChange(entry);
          return (
            <li key={entry.id} className="px-4 py-2.5 text-sm" data-testid="activity-entry">
              <p>
                <span className="font-medium">{entry.actor?.name ?? 'Someone'}</span>{' '}
                {describeAction(entry.action)}
                {!projectId && entry.projectId && names.get(entry.projectId) ? (
                  <span className="text-muted-foreground"> in {names.get(entry.projectId)}</span>
                ) : null}
              </p>
              {detail ? (
                <p className="break-words text-xs text-muted-foreground">{detail}</p>
              ) : null}
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
