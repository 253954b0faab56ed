'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorInfo } from '../../lib/errors';
import type { Item } from '../../lib/items';
import { notifyFailure } from '../../lib/notify';
import { useTRPC, type RouterInputs } from '../../lib/trpc';

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
 * Saves checklist items of one stage optimistically: the change shows at once
 * and is rolled back (with a message) if the API refuses it. On a version
 * conflict the other person's item replaces the cached one and a conflict is
 * kept for it, so the user can compare and apply their change again.
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
  const [conflicts, setConflicts] = useState<Record<string, ItemConflict>>({});

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

  const mutation = useMutation(
    trpc.item.update.mutationOptions({
      onMutate: async (input) => {
        const { itemId, expectedVersion: _version, ...changes } = input;
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData(key)?.items.find((i) => i.id === itemId);
        patch(itemId, (item) => applyChanges(item, changes, people));
        return { previous, changes };
      },
      onError: (error, input, context) => {
        const info = errorInfo(error);
        if (info.code === 'CONFLICT' && isItem(info.current)) {
          const theirs = info.current;
          patch(input.itemId, () => theirs);
          setConflicts((all) => ({
            ...all,
            [input.itemId]: { itemId: input.itemId, mine: context?.changes ?? {}, theirs },
          }));
          return;
        }
        const previous = context?.previous;
        if (previous) patch(input.itemId, () => previous);
        if (info.code === 'FORBIDDEN') {
          void queryClient.invalidateQueries(trpc.workspace.list.queryFilter());
        }
        notifyFailure('Saving the item', error);
      },
      onSuccess: (item) => {
        patch(item.id, () => item);
      },
      onSettled: () => {
        // Progress, dashboards and lists elsewhere; this stage once nothing else is in flight.
        if (queryClient.isMutating({ mutationKey: trpc.item.update.mutationKey() }) <= 1) {
          void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.item.pathKey() });
        }
      },
    }),
  );

  // Saves run one after another, each naming the version the previous one
  // produced, so quick successive edits never conflict with each other.
  // `save` and `dismiss` keep their identity, so the stage's context stays the same.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const { mutateAsync } = mutation;
  const save = useCallback(
    (itemId: string, changes: ItemChanges, onDone?: (ok: boolean) => void) => {
      setConflicts(({ [itemId]: _dropped, ...rest }) => rest);
      queue.current = queue.current.then(async () => {
        const current = queryClient.getQueryData(key)?.items.find((i) => i.id === itemId);
        if (!current) return;
        try {
          await mutateAsync({ itemId, expectedVersion: current.version, ...changes });
          onDone?.(true);
        } catch {
          // Reported (and rolled back) by onError.
          onDone?.(false);
        }
      });
    },
    [queryClient, key, mutateAsync],
  );

  const dismiss = useCallback(
    (itemId: string) => setConflicts(({ [itemId]: _dropped, ...rest }) => rest),
    [],
  );

  return { save, conflicts, dismiss, patch };
}
