import type { Prisma } from '@shipshape/db';
import { canMarkParentDone, type TItemStatus } from '@shipshape/domain';
import { badRequest } from '../errors';

export interface ItemChanges {
  status?: TItemStatus | undefined;
  assigneeId?: string | null | undefined;
  dueDate?: Date | null | undefined;
  notes?: string | null | undefined;
  notApplicableReason?: string | undefined;
  allowOpenChildren?: boolean | undefined;
}

interface CurrentItem {
  id: string;
  title: string;
  status: TItemStatus;
  notApplicableReason: string | null;
}

/**
 * Turns requested changes into the columns to write, enforcing the rules of
 * the checklist: N/A needs a reason, DONE records who and when, a parent is
 * not DONE while a sub-item is open unless the request says so.
 */
export async function itemUpdateData(
  tx: Prisma.TransactionClient,
  item: CurrentItem,
  changes: ItemChanges,
  actorId: string,
): Promise<Prisma.ProjectItemUncheckedUpdateManyInput> {
  const data: Prisma.ProjectItemUncheckedUpdateManyInput = {};
  if (changes.assigneeId !== undefined) data.assigneeId = changes.assigneeId;
  if (changes.dueDate !== undefined) data.dueDate = changes.dueDate;
  if (changes.notes !== undefined) data.notes = changes.notes;
  const status = changes.status ?? item.status;
  if (status === 'NOT_APPLICABLE') {
    const reason = changes.notApplicableReason ?? item.notApplicableReason;
    if (!reason) {
      throw badRequest(`"${item.title}": a reason is required to mark an item not applicable.`);
    }
    data.notApplicableReason = reason;
  } else if (changes.notApplicableReason !== undefined) {
    throw badRequest('A not-applicable reason only goes with the status NOT_APPLICABLE.');
  }
  if (changes.status !== undefined && changes.status !== item.status) {
    data.status = changes.status;
    if (changes.status !== 'NOT_APPLICABLE') data.notApplicableReason = null;
    data.completedAt = changes.status === 'DONE' ? new Date() : null;
    data.completedById = changes.status === 'DONE' ? actorId : null;
    if (changes.status === 'DONE' && !changes.allowOpenChildren) {
      const children = await tx.projectItem.findMany({
        where: { parentId: item.id },
        select: { status: true },
      });
      if (!canMarkParentDone(children)) {
        throw badRequest(
          `"${item.title}" has open sub-items. Finish them first, or mark it done anyway (allowOpenChildren).`,
        );
      }
    }
  }
  return data;
}

/** An assignee must be a member of the item's workspace; returns who it is. */
export async function assertAssignable(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  assigneeId: string | null | undefined,
): Promise<{ id: string; name: string } | null> {
  if (!assigneeId) return null;
  const member = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: assigneeId } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (!member) throw badRequest('The assignee must be a member of this workspace.');
  return member.user;
}
