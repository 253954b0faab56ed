/** The states a checklist item can be in (mirrors the database enum `ItemStatus`). */
export const ITEM_STATUSES = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'NOT_APPLICABLE'] as const;
export type TItemStatus = (typeof ITEM_STATUSES)[number];

/** Statuses that still need work: they count as open, and only they can be overdue. */
export const OPEN_STATUSES: readonly TItemStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED'];

export function isOpenStatus(status: TItemStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Statuses that need no more work: a parent may be closed when all its children have one. */
export function isClosedStatus(status: TItemStatus): boolean {
  return status === 'DONE' || status === 'NOT_APPLICABLE';
}
