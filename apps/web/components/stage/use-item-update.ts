'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Item } from '../../lib/items';
import { useTRPC, type RouterInputs } from '../../lib/trpc';
import { useVersionedMutation } from '../../lib/use-versioned-mutation';

export type ItemChanges = Omit<RouterInputs['item']['update'], 'itemId' | 'expectedVersion'>;

export interface ItemConflict {
  itemId: string;
  /** What this user tried to save. */
  mine: ItemChanges;
  /** The item as the other person left it (now shown). */
  theirs: Item;
}

function isItem(value: unknown): value is Item {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'version' in value &&
    'status' in value &&
    'stageKey' in value
  );
}

/** What an item looks like once `changes` are applied (for the optimistic view). */
function applyChanges(item: Item, changes: ItemChanges, people: ReadonlyMap<string, string>): Item {
  const next: Item = { ...item };
  if (changes.status !== undefined) {
    next.status = changes.status;
    if (changes.status !== 'NOT_APPLICABLE') next.notApplicableReason = null;
  }
  if (changes.notApplicableReason !== undefined)
    next.notApplicableReason = changes.notApplicableReason;
  if (changes.assigneeId !== undefined) {
    next.assignee = changes.assigneeId
      ? { id: changes.assigneeId, name: people.get(changes.assigneeId) ?? '…' }
      : null;
  }
  if (changes.dueDate !== undefined) next.dueDate = changes.dueDate;
  if (changes.notes !== undefined) next.notes = changes.notes;
  return next;
}

/**
 * Saves checklist items of one stage through `useVersionedMutation`: the change
 * shows at once and is rolled back (with a message) if the API refuses it. On a
 * version conflict the other person's item replaces the cached one and a
 * conflict is kept for it, so the user can compare and apply their change again.
 * `save`, `dismiss` and `patch` keep their identity, so the stage's context does too.
 */
export function useItemUpdate(
  projectId: string,
  stageKey: string,
  people: ReadonlyMap<string, string>,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = useMemo(
    () => trpc.dashboard.stage.queryKey({ projectId, stageKey }),
    [trpc, projectId, stageKey],
  );
  const find = (itemId: string) =>
    queryClient.getQueryData(key)?.items.find((item) => item.id === itemId);

  const patch = useCallback(
    (itemId: string, change: (item: Item) => Item) => {
      queryClient.setQueryData(key, (old) =>
        old
          ? { ...old, items: old.items.map((item) => (item.id === itemId ? change(item) : item)) }
          : old,
      );
    },
    [queryClient, key],
  );

  const updateKey = trpc.item.update.mutationKey();
  const {
    save: saveDraft,
    conflicts: found,
    dismiss,
  } = useVersionedMutation({
    mutation: trpc.item.update.mutationOptions(),
    queryKeys: () => [key],
    recordKey: ({ itemId }) => itemId,
    version: ({ itemId }) => find(itemId)?.version,
    snapshot: ({ itemId }) => find(itemId),
    apply: ({ itemId, ...changes }) => patch(itemId, (item) => applyChanges(item, changes, people)),
    restore: (previous, { itemId }) => {
      if (previous) patch(itemId, () => previous);
    },
    commit: (item) => patch(item.id, () => item),
    isRecord: isItem,
    failure: 'Saving the item',
    onSettled: () => {
      // Progress, dashboards and lists elsewhere; this stage once nothing else is in flight.
      if (queryClient.isMutating({ mutationKey: updateKey }) <= 1) {
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.item.pathKey() });
      }
    },
  });

  const conflicts = useMemo(() => {
    const byItem: Record<string, ItemConflict> = {};
    for (const [itemId, { mine, theirs }] of Object.entries(found)) {
      const { itemId: _id, ...changes } = mine;
      byItem[itemId] = { itemId, mine: changes, theirs };
    }
    return byItem;
  }, [found]);

  const save = useCallback(
    (
      itemId: string,
      changes: ItemChanges,
      onDone?: (ok: boolean) => void,
      /** The version a form's edit started from (`useEditBase`). */
      basedOn?: number,
    ) => {
      void saveDraft({ itemId, ...changes }, { basedOn }).then((result) => {
        if (result) onDone?.(result.ok);
      });
    },
    [saveDraft],
  );

  return { save, conflicts, dismiss, patch };
}
