'use client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { LightbulbIcon, PencilIcon, PlusIcon, SearchIcon, Trash2Icon } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { errorInfo } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC, useTRPCClient, type RouterOutputs } from '../../lib/trpc';
import { useDebounced } from '../../lib/use-debounced';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/dialog';
import { EmptyState } from '../ui/empty-state';
import { Input, NativeSelect } from '../ui/input';
import { Label } from '../ui/label';
import { Loading, Skeleton } from '../ui/skeleton';
import { useWorkspace } from '../workspace/workspace-context';
import { LessonDialog, type Lesson } from './lesson-dialog';

type Hit = RouterOutputs['lesson']['list']['items'][number];
type Part = { text: string; match: boolean };

/** Search matches as <mark>, everything as text (never as HTML). */
export function Highlighted({ parts }: { parts: readonly Part[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-warning px-0.5 text-warning-foreground">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function LessonsPage() {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const params = useSearchParams();
  const [q, setQ] = useState('');
  const [projectId, setProjectId] = useState(params.get('project') ?? '');
  const [stageKey, setStageKey] = useState('');
  const [tag, setTag] = useState('');
  const [dialog, setDialog] = useState<{ open: boolean; lesson?: Lesson }>({ open: false });
  const debounced = useDebounced(q.trim(), 250);
  const projects = useQuery(
    trpc.project.list.queryOptions({ workspaceId: workspace.id, limit: 100 }),
  );
  const dashboard = useQuery(trpc.dashboard.workspace.queryOptions({ workspaceId: workspace.id }));
  const tags = useQuery(trpc.lesson.tags.queryOptions({ workspaceId: workspace.id }));
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

      <div
        className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_repeat(3,minmax(0,12rem))]"
        role="search"
      >
        <div className="grid gap-1.5">
          <Label htmlFor="lesson-search">Search lessons</Label>
          <div className="relative">
            <SearchIcon
              aria-hidden="true"
              className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id="lesson-search"
              type="search"
              className="pl-8"
              placeholder='Words, "a phrase", -exclude'
              value={q}
              onChange={(event) => setQ(event.target.value)}
            />
          </div>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="lesson-project">Project</Label>
          <NativeSelect
            id="lesson-project"
            value={projectId}
            onChange={(e) => setProjectId(e.target.value)}
          >
            <option value="">All projects</option>
            {projects.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="lesson-stage">Stage</Label>
          <NativeSelect
            id="lesson-stage"
            value={stageKey}
            onChange={(e) => setStageKey(e.target.value)}
          >
            <option value="">All stages</option>
            {dashboard.data?.stages.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="lesson-tag">Tag</Label>
          <NativeSelect id="lesson-tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.data?.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>

      <p className="min-h-5 text-sm text-muted-foreground" aria-live="polite">
        {lessons.data
          ? `${hits.length}${lessons.hasNextPage ? '+' : ''} ${hits.length === 1 ? 'lesson' : 'lessons'}${
              debounced ? ` matching “${debounced}”, best match first` : ''
            }`
          : ''}
        {lessons.isFetching && lessons.data ? ' · searching…' : ''}
      </p>

      {lessons.error ? (
        <Alert variant="destructive" role="alert">
          Lessons could not be loaded: {errorInfo(lessons.error).message}
        </Alert>
      ) : lessons.isPending ? (
        <Loading label="Loading lessons…">
          <Skeleton className="h-40 w-full" />
        </Loading>
      ) : hits.length === 0 ? (
        <EmptyState
          icon={<LightbulbIcon />}
          title={debounced || projectId || stageKey || tag ? 'No lessons match' : 'No lessons yet'}
        >
          {debounced || projectId || stageKey || tag
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
      )}
      {lessons.hasNextPage ? (
        <div className="flex justify-center">
          <Button
            pending={lessons.isFetchingNextPage}
            variant="outline"
            onClick={() => void lessons.fetchNextPage()}
            disabled={lessons.isFetchingNextPage}
          >
            More lessons
          </Button>
        </div>
      ) : null}
      <LessonDialog
        open={dialog.open}
        onOpenChange={(open) => setDialog((old) => ({ ...old, open }))}
        lesson={dialog.lesson}
      />
    </div>
  );
}

function LessonCard({
  hit,
  stageTitle,
  defaultOpen,
  canEdit,
  onEdit,
}: {
  hit: Hit;
  stageTitle: string | undefined;
  defaultOpen: boolean;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const remove = useMutation(
    trpc.lesson.delete.mutationOptions({
      onSuccess: () => {
        notifySuccess('Lesson deleted');
        void queryClient.invalidateQueries({ queryKey: trpc.lesson.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      },
      onError: (error) => notifyFailure('Deleting the lesson', error),
    }),
  );
  return (
    <li
      className="rounded-xl border bg-card p-4"
      data-testid="lesson-result"
      id={`lesson-${hit.id}`}
    >
      <details open={defaultOpen} className="group">
        <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
          <h2 className="font-semibold break-words" data-testid="lesson-title">
            {hit.match ? <Highlighted parts={hit.match.title} /> : hit.title}
          </h2>
          <p className="text-xs text-muted-foreground">
            {hit.project.name}
            {stageTitle ? ` · ${stageTitle}` : ''}
            {hit.item ? ` · ${hit.item.title}` : ''} · {hit.author?.name ?? 'Former member'} ·{' '}
            {formatDate(hit.createdAt)}
          </p>
          <p
            className="mt-1 text-sm break-words text-muted-foreground group-open:hidden"
            data-testid="lesson-snippet"
          >
            {hit.match && hit.match.snippet.length ? (
              <Highlighted parts={hit.match.snippet} />
            ) : (
              `${hit.learnt.slice(0, 240)}${hit.learnt.length > 240 ? '…' : ''}`
            )}
          </p>
        </summary>
        <dl className="mt-3 grid gap-3 text-sm md:grid-cols-3">
          <div>
            <dt className="font-medium">What we tried</dt>
            <dd className="whitespace-pre-wrap break-words text-muted-foreground">{hit.tried}</dd>
          </div>
          <div>
            <dt className="font-medium">What happened</dt>
            <dd className="whitespace-pre-wrap break-words text-muted-foreground">
              {hit.happened}
            </dd>
          </div>
          <div>
            <dt className="font-medium">What we learnt</dt>
            <dd className="whitespace-pre-wrap break-words text-muted-foreground">{hit.learnt}</dd>
          </div>
        </dl>
        {canEdit ? (
          <div className="mt-3 flex gap-2">
            <Button size="sm" variant="outline" onClick={onEdit}>
              <PencilIcon /> Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setConfirm(true)}
              disabled={remove.isPending}
            >
              <Trash2Icon /> Delete
            </Button>
          </div>
        ) : null}
      </details>
      {hit.tags.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
          {hit.tags.map((t) => (
            <li key={t}>
              <Badge variant="outline">{t}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="Delete this lesson?"
        description={`“${hit.title}” will be removed for everyone.`}
        confirmLabel="Delete lesson"
        destructive
        onConfirm={() => remove.mutate({ lessonId: hit.id, expectedVersion: hit.version })}
      />
    </li>
  );
}
