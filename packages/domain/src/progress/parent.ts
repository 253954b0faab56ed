import { isClosedStatus, type TItemStatus } from './status';

/**
 * Whether a parent item may be marked DONE: every child is DONE or NOT_APPLICABLE.
 * A parent without children has nothing to wait for, so the answer is true.
 */
export function canMarkParentDone(children: ReadonlyArray<{ status: TItemStatus }>): boolean {
  return children.every((child) => isClosedStatus(child.status));
}
