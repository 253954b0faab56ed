import { isOverdue, type TDatedItem } from './overdue';
import { isOpenStatus } from './status';

/** The key under which items without an assignee are counted. */
export const UNASSIGNED = 'unassigned';

export interface TWorkloadCounts {
  /** TODO, IN_PROGRESS and BLOCKED items. */
  open: number;
  /** Open items past their due date (a subset of `open`). */
  overdue: number;
  done: number;
}

export interface TAssignedItem extends TDatedItem {
  assigneeId: string | null;
}

/**
 * Counts each assignee's open, overdue and done items; NOT_APPLICABLE items are not work and
 * are left out. Assignees appear in the order of their first item. Keys are user ids
 * (UUIDs), so they cannot clash with `UNASSIGNED`.
 */
export function workload(
  items: readonly TAssignedItem[],
  today: Date,
): Record<string, TWorkloadCounts> {
  const byAssignee = new Map<string, TWorkloadCounts>();
  for (const item of items) {
    if (item.status === 'NOT_APPLICABLE') continue;
    const key = item.assigneeId ?? UNASSIGNED;
    const counts = byAssignee.get(key) ?? { open: 0, overdue: 0, done: 0 };
    if (isOpenStatus(item.status)) counts.open += 1;
    if (isOverdue(item, today)) counts.overdue += 1;
    if (item.status === 'DONE') counts.done += 1;
    byAssignee.set(key, counts);
  }
  // fromEntries defines own properties, so even a key like "__proto__" stays a plain entry.
  return Object.fromEntries(byAssignee);
}
