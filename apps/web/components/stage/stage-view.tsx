'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftIcon, LightbulbIcon, PlusIcon, TargetIcon } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { errorInfo } from '../../lib/errors';
import { formatMeasure, formatNumber, formatPercent, formatRelative } from '../../lib/format';
import {
  ITEM_STATUSES,
  STATUS_LABEL,
  buildItemTree,
  type Item,
  type ItemStatus,
} from '../../lib/items';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../lib/trpc';
import { ProgressBar } from '../dashboard/progress-bar';
import { LessonDialog } from '../lesson/lesson-dialog';
import { STAGE_STATE_LABEL } from '../portfolio/stage-cell';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Input, NativeSelect } from '../ui/input';
import { Label } from '../ui/label';
import { Loading, Skeleton } from '../ui/skeleton';
import { Spinner } from '../ui/spinner';
import { useWorkspace } from '../workspace/workspace-context';
import { ItemTree, StageContext, type Member, type StageContextValue } from './item-row';
import { useItemUpdate } from './use-item-update';

export function StageView({
  projectId,
  stageKey,
  archived,
}: {
  projectId: string;
  stageKey: string;
  archived: boolean;
}) {
  const { workspace, can } = useWorkspace();
  const trpc = useTRPC();
  const canEdit = can('MEMBER') && !archived;
  const stageQuery = useQuery(trpc.dashboard.stage.queryOptions({ projectId, stageKey }));
  const membersQuery = useQuery(trpc.workspace.members.queryOptions({ workspaceId: workspace.id }));
  const members: Member[] = useMemo(
    () =>
      (membersQuery.data ?? [])
        .filter((m) => m.role !== 'VIEWER')
        .map((m) => ({ userId: m.userId, name: m.name })),
    [membersQuery.data],
  );
  const people = useMemo(
    () => new Map((membersQuery.data ?? []).map((m) => [m.userId, m.name])),
    [membersQuery.data],
  );
  const { save, conflicts, dismiss, patch } = useItemUpdate(projectId, stageKey, people);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [lesson, setLesson] = useState<{ open: boolean; itemId?: string }>({ open: false });
  const tree = useMemo(() => buildItemTree(stageQuery.data?.items ?? []), [stageQuery.data?.items]);

  // Arriving at #item-… opens and shows that item.
  useEffect(() => {
    if (!stageQuery.data) return;
    const match = /^#item-([0-9a-f-]{36})$/.exec(window.location.hash);
    if (!match) return;
    setOpenId(match[1]!);
    document.getElementById(`item-${match[1]}`)?.scrollIntoView({ block: 'center' });
  }, [stageQuery.data]);

  const context: StageContextValue = {
    canEdit,
    members,
    save,
    conflicts,
    dismissConflict: dismiss,
    replaceItem: (item) => patch(item.id, () => item),
    selected,
    toggleSelected: (itemId) =>
      setSelected((old) => {
        const next = new Set(old);
        if (next.has(itemId)) next.delete(itemId);
        else next.add(itemId);
        return next;
      }),
    openId,
    setOpenId,
    onLogLesson: (item: Item) => setLesson({ open: true, itemId: item.id }),
  };

  if (stageQuery.error) {
    const info = errorInfo(stageQuery.error);
    return (
      <Alert variant="destructive" role="alert">
        {info.code === 'BAD_REQUEST'
          ? 'This project has no such stage.'
          : `The stage could not be loaded: ${info.message}`}
      </Alert>
    );
  }
  if (stageQuery.isPending) {
    return (
      <Loading label="Loading the stage…">
        <Skeleton className="mb-3 h-10 w-80 max-w-full" />
        <div className="space-y-2">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-9 w-full" />
          ))}
        </div>
      </Loading>
    );
  }
  const { stage, items, kpis, lessons } = stageQuery.data;
  const base = `/w/${workspace.slug}/p/${projectId}`;

  return (
    <StageContext.Provider value={context}>
      <div className="space-y-4" data-testid="stage-view">
        <div>
          <Link
            href={base}
            className="mb-1 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
          >
            <ArrowLeftIcon className="size-3.5" aria-hidden="true" /> Overview
          </Link>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div className="min-w-0">
              <h2 className="text-xl font-semibold break-words" data-testid="stage-heading">
                {stage.title}
                {stage.isCurrent ? (
                  <Badge className="ml-2 align-middle" variant="default">
                    Current stage
                  </Badge>
                ) : null}
              </h2>
              <p className="text-sm text-muted-foreground" data-testid="stage-summary">
                {formatNumber(stage.done)} of {formatNumber(stage.applicable)} applicable items done
                · {formatPercent(stage.percentDone)} · {STAGE_STATE_LABEL[stage.state]}
                {stage.overdue > 0 ? ` · ${formatNumber(stage.overdue)} overdue` : ''}
              </p>
            </div>
            {canEdit ? (
              <Button variant="outline" onClick={() => setLesson({ open: true })}>
                <LightbulbIcon /> Log a lesson
              </Button>
            ) : null}
          </div>
          <ProgressBar percent={stage.percentDone} state={stage.state} className="mt-2 h-2.5" />
        </div>

        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <section aria-label="Checklist" className="min-w-0 space-y-3">
            {canEdit && selected.size > 0 ? (
              <BulkBar
                items={items.filter((i) => selected.has(i.id))}
                members={members}
                projectId={projectId}
                stageKey={stageKey}
                onDone={() => setSelected(new Set())}
              />
            ) : null}
            <div className="rounded-xl border bg-card p-2 sm:p-3" data-testid="checklist">
              {tree.length === 0 ? (
                <EmptyState title="No items in this stage" className="border-0" />
              ) : (
                <ItemTree nodes={tree} />
              )}
            </div>
            {canEdit ? (
              <AddItemForm projectId={projectId} stageKey={stageKey} items={items} />
            ) : null}
          </section>

          <aside className="min-w-0 space-y-4" aria-label="About this stage">
            <SidePanel title="KPIs for this stage" icon={<TargetIcon />}>
              {kpis.length === 0 ? (
                <p className="text-sm text-muted-foreground">No KPIs tied to this stage.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {kpis.map((kpi) => (
                    <li key={kpi.id} className="flex items-baseline justify-between gap-2">
                      <span className="min-w-0 truncate">{kpi.name}</span>
                      <span className="shrink-0 tabular-nums">
                        {formatMeasure(kpi.latest, kpi.unit)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <Link
                href={`${base}/kpis`}
                className="mt-2 inline-block text-sm text-primary hover:underline"
              >
                All KPIs
              </Link>
            </SidePanel>
            <SidePanel title="Lessons from this stage" icon={<LightbulbIcon />}>
              {lessons.length === 0 ? (
                <p className="text-sm text-muted-foreground">None logged yet.</p>
              ) : (
                <ul className="space-y-2 text-sm" data-testid="stage-lessons">
                  {lessons.map((l) => (
                    <li key={l.id}>
                      <Link
                        href={`/w/${workspace.slug}/lessons?lesson=${l.id}`}
                        className="font-medium hover:underline"
                      >
                        {l.title}
                      </Link>
                      <span className="block text-xs text-muted-foreground">
                        {l.author?.name ?? 'Someone'} · {formatRelative(l.createdAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </SidePanel>
            <LearntElsewhere
              workspaceId={workspace.id}
              stageKey={stageKey}
              projectId={projectId}
              slug={workspace.slug}
            />
          </aside>
        </div>
      </div>
      <LessonDialog
        open={lesson.open}
        onOpenChange={(open) => setLesson((old) => ({ ...old, open }))}
        projectId={projectId}
        stageKey={stageKey}
        itemId={lesson.itemId}
      />
    </StageContext.Provider>
  );
}

function SidePanel({
  title,
  icon,
  children,
}: {
  title: string;
  icon: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section className="rounded-xl border bg-card p-4" aria-label={title}>
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold [&_svg]:size-4 [&_svg]:text-muted-foreground">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

function LearntElsewhere({
  workspaceId,
  stageKey,
  projectId,
  slug,
}: {
  workspaceId: string;
  stageKey: string;
  projectId: string;
  slug: string;
}) {
  const trpc = useTRPC();
  const lessons = useQuery(
    trpc.lesson.forStage.queryOptions({ workspaceId, stageKey, excludeProjectId: projectId }),
  );
  return (
    <section
      className="rounded-xl border bg-card p-4"
      aria-label="Learnt elsewhere"
      data-testid="learnt-elsewhere"
    >
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <LightbulbIcon className="size-4 text-muted-foreground" aria-hidden="true" />
        Learnt elsewhere
      </h3>
      {lessons.isPending ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : lessons.error ? (
        <p className="text-sm text-destructive">{errorInfo(lessons.error).message}</p>
      ) : lessons.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Other projects have not logged lessons for this stage yet.
        </p>
      ) : (
        <ul className="space-y-2 text-sm">
          {lessons.data.slice(0, 8).map((lesson) => (
            <li key={lesson.id}>
              <Link
                href={`/w/${slug}/lessons?lesson=${lesson.id}`}
                className="font-medium hover:underline"
              >
                {lesson.title}
              </Link>
              <span className="block text-xs text-muted-foreground">
                {lesson.project.name} · {lesson.learnt.slice(0, 120)}
                {lesson.learnt.length > 120 ? '…' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BulkBar({
  items,
  members,
  projectId,
  stageKey,
  onDone,
}: {
  items: Item[];
  members: readonly Member[];
  projectId: string;
  stageKey: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ItemStatus | ''>('');
  const [assignee, setAssignee] = useState<string>('');
  const key = trpc.dashboard.stage.queryKey({ projectId, stageKey });
  const bulk = useMutation(
    trpc.item.bulkUpdate.mutationOptions({
      onSuccess: (result) => {
        const byId = new Map(result.items.map((i) => [i.id, i]));
        queryClient.setQueryData(key, (old) =>
          old ? { ...old, items: old.items.map((i) => byId.get(i.id) ?? i) } : old,
        );
        notifySuccess(`${formatNumber(result.items.length)} items updated`);
        setStatus('');
        setAssignee('');
        onDone();
      },
      onError: (error) => {
        const info = errorInfo(error);
        if (info.code === 'CONFLICT') {
          toast.warning('Someone else changed some of these items first', {
            description: 'Nothing was changed. The list now shows their versions; try again.',
          });
        } else {
          notifyFailure('Updating the items', error);
        }
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    }),
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!status && !assignee) return;
    if (status === 'NOT_APPLICABLE') {
      toast.error('Mark items not applicable one by one, each with its reason.');
      return;
    }
    bulk.mutate({
      itemIds: items.map((i) => i.id),
      expectedVersions: items.map((i) => i.version),
      ...(status ? { status, allowOpenChildren: status === 'DONE' } : {}),
      ...(assignee ? { assigneeId: assignee === 'nobody' ? null : assignee } : {}),
    });
  };
  return (
    <form
      onSubmit={apply}
      className="sticky top-2 z-20 flex flex-wrap items-end gap-2 rounded-xl border bg-accent p-3 shadow-sm"
      data-testid="bulk-bar"
      aria-label="Change selected items"
    >
      <p className="mr-auto self-center text-sm font-medium">
        {formatNumber(items.length)} selected
      </p>
      <div className="grid gap-1">
        <Label htmlFor="bulk-status" className="text-xs">
          Set status
        </Label>
        <NativeSelect
          id="bulk-status"
          className="h-8 w-36"
          value={status}
          onChange={(event) => setStatus(event.target.value as ItemStatus | '')}
        >
          <option value="">Keep</option>
          {ITEM_STATUSES.filter((s) => s !== 'NOT_APPLICABLE').map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="bulk-assignee" className="text-xs">
          Assign to
        </Label>
        <NativeSelect
          id="bulk-assignee"
          className="h-8 w-40"
          value={assignee}
          onChange={(event) => setAssignee(event.target.value)}
        >
          <option value="">Keep</option>
          <option value="nobody">Nobody</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button
        pending={bulk.isPending}
        type="submit"
        size="sm"
        disabled={bulk.isPending || (!status && !assignee)}
      >
        Apply to selected
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
    </form>
  );
}

function AddItemForm({
  projectId,
  stageKey,
  items,
}: {
  projectId: string;
  stageKey: string;
  items: Item[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(
    trpc.item.addCustom.mutationOptions({
      onSuccess: (item) => {
        setTitle('');
        setError(null);
        notifySuccess(`“${item.title}” added`);
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      },
      onError: (err) => setError(errorInfo(err).message),
    }),
  );
  const roots = items.filter((i) => i.parentId === null).sort((a, b) => a.position - b.position);
  return (
    <form
      className="flex flex-col gap-2 rounded-xl border border-dashed p-3 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) return;
        add.mutate({
          projectId,
          stageKey,
          title: title.trim(),
          ...(parentId ? { parentId } : {}),
        });
      }}
    >
      <div className="grid flex-1 gap-1">
        <Label htmlFor="new-item-title">New item</Label>
        <Input
          id="new-item-title"
          value={title}
          placeholder="Something this project needs that the checklist lacks"
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="grid gap-1 sm:w-56">
        <Label htmlFor="new-item-parent">Under</Label>
        <NativeSelect
          id="new-item-parent"
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
        >
          <option value="">Top level</option>
          {roots.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title.length > 60 ? `${item.title.slice(0, 60)}…` : item.title}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" disabled={add.isPending || !title.trim()}>
        {add.isPending ? <Spinner /> : <PlusIcon />}
        Add item
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
