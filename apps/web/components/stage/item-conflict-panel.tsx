'use client';
import { STATUS_LABEL, type Item, type ItemStatus } from '../../lib/items';
import { ConflictAlert } from '../conflict/conflict-alert';
import { useStage, type Member } from './stage-context';
import type { ItemChanges, ItemConflict } from './use-item-update';

function describe(field: keyof ItemChanges, item: Item | ItemChanges, members: readonly Member[]) {
  const value = (item as Record<string, unknown>)[field];
  if (field === 'status') return STATUS_LABEL[value as ItemStatus] ?? String(value);
  if (field === 'assigneeId') {
    if ('assignee' in item) return item.assignee?.name ?? 'Nobody';
    return value ? (members.find((m) => m.userId === value)?.name ?? 'Someone') : 'Nobody';
  }
  if (value === null || value === undefined || value === '') return '(empty)';
  return String(value);
}

const CONFLICT_LABEL: Partial<Record<keyof ItemChanges, string>> = {
  status: 'Status',
  assigneeId: 'Assignee',
  dueDate: 'Due date',
  notes: 'Notes',
  notApplicableReason: 'Not-applicable reason',
};

/** Someone saved the item first: their value, mine, and what to do about it. */
export function ItemConflictPanel({ conflict }: { conflict: ItemConflict }) {
  const stage = useStage();
  const fields = (Object.keys(CONFLICT_LABEL) as Array<keyof ItemChanges>).filter(
    (field) => conflict.mine[field] !== undefined,
  );
  return (
    <ConflictAlert
      title="Someone else changed this item first"
      rows={fields.map((field) => ({
        field,
        label: CONFLICT_LABEL[field] ?? field,
        theirs: describe(field, conflict.theirs, stage.members),
        mine: describe(field, conflict.mine, stage.members),
      }))}
      onReapply={() => stage.save(conflict.itemId, conflict.mine)}
      onKeepTheirs={() => stage.dismissConflict(conflict.itemId)}
      compact
      className="my-1"
      testId="item-conflict"
    >
      Your change was not saved. Their version is shown now.
    </ConflictAlert>
  );
}
