'use client';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FIRST_SCREEN_ITEMS, firstNodes, useFirstScreen } from '../../lib/first-screen';
import {
  OPEN_STATUSES,
  buildItemTree,
  reuseNodes,
  type Item,
  type ItemNode,
  type ItemStatus,
} from '../../lib/items';
import { useTRPC } from '../../lib/trpc';
import { LessonDialog } from '../lesson/lesson-dialog';
import { EmptyState } from '../ui/empty-state';
import { SavedIndicator } from '../ui/saved-indicator';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { useWorkspace } from '../workspace/workspace-context';
import { AddItemForm } from './add-item-form';
import { BulkBar } from './bulk-bar';
import { ItemSheet } from './item-sheet';
import { StageHeader } from './stage-header';
import { ItemTree } from './item-tree';
import {
  StageContext,
  StageRowStateContext,
  type Member,
  type StageContextValue,
  type StageRowState,
} from './stage-context';
import { StageSidePanels } from './stage-side-panels';
import { StatusDialogs, type StatusRequest } from './status-dialogs';
import { useItemUpdate, type ItemChanges } from './use-item-update';

/** Whether any item below `itemId` (at any depth) is still open. */
function hasOpenDescendant(items: readonly Item[], itemId: string): boolean {
  const below = items.filter((i) => i.parentId === itemId);
  return below.some((i) => OPEN_STATUSES.has(i.status) || hasOpenDescendant(items, i.id));
}

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
  const { save: saveItem, conflicts, dismiss, patch } = useItemUpdate(projectId, stageKey, people);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [lesson, setLesson] = useState<{ open: boolean; itemId?: string }>({ open: false });
  const [statusRequest, setStatusRequest] = useState<StatusRequest | null>(null);
  /** The last stored change: which item, when, and whether its sheet was open. */
  const [saved, setSaved] = useState<{ itemId: string; at: number; inSheet: boolean } | null>(null);
  const items = stageQuery.data?.items;
  // Rows whose item did not change keep their node, so only the changed row renders again.
  const previousTree = useRef<ItemNode[]>([]);
  const tree = useMemo(() => reuseNodes(previousTree.current, buildItemTree(items ?? [])), [items]);
  useEffect(() => {
    previousTree.current = tree;
  }, [tree]);
  // The first screen of items paints first, the rest right after.
  const allShown = useFirstScreen(items ? `${projectId}/${stageKey}` : null);
  const shownTree = useMemo(() => firstNodes(tree, allShown, FIRST_SCREEN_ITEMS), [tree, allShown]);
  // The latest items, for actions that must not change identity when they do.
  const itemsRef = useRef<readonly Item[]>([]);
  const openIdRef = useRef<string | null>(null);
  useEffect(() => {
    itemsRef.current = items ?? [];
    openIdRef.current = openId;
  }, [items, openId]);

  // Arriving at #item-… opens and shows that item (once: not again after each save),
  // once every item is in the page.
  const arrived = useRef(false);
  useEffect(() => {
    if (!stageQuery.data || !allShown || arrived.current) return;
    arrived.current = true;
    const match = /^#item-([0-9a-f-]{36})$/.exec(window.location.hash);
    if (!match) return;
    setOpenId(match[1]!);
    document.getElementById(`item-${match[1]}`)?.scrollIntoView({ block: 'center' });
  }, [stageQuery.data, allShown]);

  // Every stored change gives a brief "Saved".
  const save = useCallback(
    (itemId: string, changes: ItemChanges, onDone?: (ok: boolean) => void, basedOn?: number) =>
      saveItem(
        itemId,
        changes,
        (ok) => {
          if (ok) setSaved({ itemId, at: Date.now(), inSheet: openIdRef.current === itemId });
          onDone?.(ok);
        },
        basedOn,
      ),
    [saveItem],
  );
  const changeStatus = useCallback(
    (item: Item, status: ItemStatus) => {
      if (status === item.status) return;
      if (
        status === 'NOT_APPLICABLE' ||
        (status === 'DONE' && hasOpenDescendant(itemsRef.current, item.id))
      ) {
        setStatusRequest({ item, status });
        return;
      }
      save(item.id, { status });
    },
    [save],
  );
  const context: StageContextValue = useMemo(
    () => ({
      canEdit,
      members,
      save,
      changeStatus,
      dismissConflict: dismiss,
      replaceItem: (item) => patch(item.id, () => item),
      toggleSelected: (itemId) =>
        setSelected((old) => {
          const next = new Set(old);
          if (next.has(itemId)) next.delete(itemId);
          else next.add(itemId);
          return next;
        }),
      setOpenId,
      onLogLesson: (item) => setLesson({ open: true, itemId: item.id }),
    }),
    [canEdit, members, save, changeStatus, dismiss, patch],
  );
  const rowState: StageRowState = useMemo(
    () => ({ selected, openId, conflicts }),
    [selected, openId, conflicts],
  );

  const base = `/w/${workspace.slug}/p/${projectId}`;

  return (
    <QueryState
      query={stageQuery}
      what="The stage"
      label="Loading the stage…"
      fallback={
        <>
          <Skeleton className="mb-3 h-10 w-80 max-w-full" />
          <div className="space-y-2">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        </>
      }
    >
      {({ stage, kpis, lessons, items: all }) => {
        const openItem = openId ? all.find((i) => i.id === openId) : undefined;
        return (
          <StageContext.Provider value={context}>
            <div className="space-y-4" data-testid="stage-view">
              <StageHeader
                stage={stage}
                base={base}
                onLogLesson={canEdit ? () => setLesson({ open: true }) : undefined}
              />

              <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
                <section aria-label="Checklist" className="min-w-0 space-y-3">
                  {canEdit && selected.size > 0 ? (
                    <BulkBar
                      items={all.filter((i) => selected.has(i.id))}
                      members={members}
                      projectId={projectId}
                      stageKey={stageKey}
                      onDone={() => setSelected(new Set())}
                    />
                  ) : null}
                  <div className="rounded-xl border bg-card p-1 sm:p-3" data-testid="checklist">
                    {tree.length === 0 ? (
                      <EmptyState title="No items in this stage" className="border-0" />
                    ) : (
                      <StageRowStateContext.Provider value={rowState}>
                        <ItemTree nodes={shownTree} />
                      </StageRowStateContext.Provider>
                    )}
                  </div>
                  {canEdit ? (
                    <AddItemForm projectId={projectId} stageKey={stageKey} items={all} />
                  ) : null}
                </section>

                <StageSidePanels
                  kpis={kpis}
                  lessons={lessons}
                  base={base}
                  slug={workspace.slug}
                  workspaceId={workspace.id}
                  projectId={projectId}
                  stageKey={stageKey}
                />
              </div>
            </div>
            {/* Outside the open sheet, changes made in the list are confirmed here. */}
            <SavedIndicator
              signal={saved && !saved.inSheet ? saved.at : null}
              data-testid="stage-saved"
              className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-full border bg-card px-3 py-1.5 shadow-md"
            />
            <ItemSheet
              item={openItem}
              conflict={openId ? conflicts[openId] : undefined}
              savedSignal={saved?.inSheet && saved.itemId === openId ? saved.at : null}
              onClose={() => setOpenId(null)}
            />
            <StatusDialogs
              request={statusRequest}
              onClose={() => setStatusRequest(null)}
              save={save}
            />
            <LessonDialog
              open={lesson.open}
              onOpenChange={(open) => setLesson((old) => ({ ...old, open }))}
              projectId={projectId}
              stageKey={stageKey}
              itemId={lesson.itemId}
            />
          </StageContext.Provider>
        );
      }}
    </QueryState>
  );
}
