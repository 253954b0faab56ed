'use client';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { LightbulbIcon, PlusIcon } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useDebounced } from '../../lib/use-debounced';
import { LoadMore } from '../common/load-more';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { useWorkspace } from '../workspace/workspace-context';
import { LessonCard } from './lesson-card';
import { LessonDialog, type Lesson } from './lesson-dialog';
import { LessonFilters, type LessonFilterValues } from './lesson-filters';

/** The workspace's lessons: full-text search with filters, results page by page. */
export function LessonsPage() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const params = useSearchParams();
  const [filters, setFilters] = useState<LessonFilterValues>({
    q: '',
    projectId: params.get('project') ?? '',
    stageKey: '',
    tag: '',
  });
  const { q, projectId, stageKey, tag } = filters;
  const [dialog, setDialog] = useState<{ open: boolean; lesson?: Lesson }>({ open: false });
  const debounced = useDebounced(q.trim(), 250);
  const dashboard = useQuery(trpc.dashboard.workspace.queryOptions({ workspaceId: workspace.id }));
  const input = {
    workspaceId: workspace.id,
    limit: 20,
    ...(debounced ? { q: debounced } : {}),
    ...(projectId ? { projectId } : {}),
    ...(stageKey ? { stageKey } : {}),
    ...(tag ? { tag } : {}),
  };
  const lessons = useInfiniteQuery({
    queryKey: trpc.lesson.list.infiniteQueryKey(input),
    queryFn: ({ pageParam }) =>
      client.lesson.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const hits = lessons.data?.pages.flatMap((p) => p.items) ?? [];
  const stageTitles = useMemo(
    () => new Map((dashboard.data?.stages ?? []).map((s) => [s.key, s.title])),
    [dashboard.data],
  );
  const focus = params.get('lesson');
  const canEdit = can('MEMBER');
  const filtered = Boolean(debounced || projectId || stageKey || tag);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Lessons learnt</h1>
          <p className="text-sm text-muted-foreground">
            What was tried, what happened and what was learnt, across every project.
          </p>
        </div>
        {canEdit ? (
          <Button onClick={() => setDialog({ open: true })}>
            <PlusIcon /> Log a lesson
          </Button>
        ) : null}
      </div>

      <LessonFilters
        value={filters}
        onChange={(change) => setFilters((old) => ({ ...old, ...change }))}
        stages={dashboard.data?.stages ?? []}
      />

      <p className="min-h-5 text-sm text-muted-foreground" aria-live="polite">
        {lessons.data
          ? `${hits.length}${lessons.hasNextPage ? '+' : ''} ${hits.length === 1 ? 'lesson' : 'lessons'}${
              debounced ? ` matching “${debounced}”, best match first` : ''
            }`
          : ''}
        {lessons.isFetching && lessons.data ? ' · searching…' : ''}
      </p>

      <QueryState
        query={lessons}
        what="Lessons"
        label="Loading lessons…"
        fallback={<Skeleton className="h-40 w-full" />}
      >
        {() =>
          hits.length === 0 ? (
            <EmptyState
              icon={<LightbulbIcon />}
              title={filtered ? 'No lessons match' : 'No lessons yet'}
            >
              {filtered
                ? 'Try other words or fewer filters.'
                : 'When something does not work, log what you tried and what you learnt.'}
            </EmptyState>
          ) : (
            <ul className="space-y-3" data-testid="lesson-results">
              {hits.map((hit) => (
                <LessonCard
                  key={hit.id}
                  hit={hit}
                  stageTitle={hit.stageKey ? stageTitles.get(hit.stageKey) : undefined}
                  defaultOpen={focus === hit.id}
                  canEdit={canEdit}
                  onEdit={() => setDialog({ open: true, lesson: hit })}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
      <LoadMore query={lessons}>More lessons</LoadMore>
      <LessonDialog
        open={dialog.open}
        onOpenChange={(open) => setDialog((old) => ({ ...old, open }))}
        lesson={dialog.lesson}
      />
    </div>
  );
}
