'use client';
import { GitCompareArrowsIcon } from 'lucide-react';
import { STATUS_LABEL, type Item, type ItemStatus } from '../../lib/items';
import { Alert, AlertTitle } from '../ui/alert';
import { Button } from '../ui/button';
import { ConflictTable } from '../ui/conflict-table';
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
    <Alert variant="warning" role="alert" data-testid="item-conflict" className="my-1">
      <div className="flex gap-3">
        <GitCompareArrowsIcon className="mt-0.5 size-5 shrink-0" aria-hidden="true" />
        <div className="min-w-0 flex-1 space-y-2">
          <AlertTitle>Someone else changed this item first</AlertTitle>
          <p>Your change was not saved. Their version is shown now.</p>
          <ConflictTable
            rows={fields.map((field) => ({
              field,
              label: CONFLICT_LABEL[field] ?? field,
              theirs: describe(field, conflict.theirs, stage.members),
              mine: describe(field, conflict.mine, stage.members),
            }))}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => stage.save(conflict.itemId, conflict.mine)}>
              Apply my change again
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => stage.dismissConflict(conflict.itemId)}
            >
              Keep their version
            </Button>
          </div>
        </div>
      </div>
    </Alert>
  );
}
