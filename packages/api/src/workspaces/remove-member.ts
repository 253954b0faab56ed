import { recordActivity } from '../activity/record-activity';
import type { Audit, ServiceArgs } from '../actor';
import { forbidden } from '../errors';
import { ensureOwnerRemains } from './ensure-owner-remains';
import { findMember } from './find-member';

/**
 * Ends a membership: an admin removing someone, or the caller leaving
 * (`userId` is their own). Only owners remove owners; one always remains.
 * Their assigned items become unassigned.
 */
export async function removeMember({
  db,
  actor,
  input,
  audit,
}: ServiceArgs<{ userId: string }, 'id' | 'workspaceId' | 'role'> & {
  audit: Audit;
}): Promise<{ ok: true }> {
  const { userId } = input;
  await db.$transaction(async (tx) => {
    const target = await findMember(tx, actor.workspaceId, userId);
    const self = userId === actor.id;
    if (!self && target.role === 'OWNER' && actor.role !== 'OWNER') {
      throw forbidden('Only an owner can remove an owner.');
    }
    if (target.role === 'OWNER') await ensureOwnerRemains(tx, actor.workspaceId, userId);
    await tx.membership.delete({ where: { id: target.id } });
    await tx.projectItem.updateMany({
      where: { workspaceId: actor.workspaceId, assigneeId: userId },
      data: { assigneeId: null, version: { increment: 1 } },
    });
    await recordActivity(tx, actor, {
      action: self ? 'member.left' : 'member.removed',
      entityType: 'membership',
      entityId: userId,
      before: { role: target.role },
    });
  });
  audit('member.removed', {
    outcome: 'success',
    userId: actor.id,
    workspaceId: actor.workspaceId,
    targetUserId: userId,
  });
  return { ok: true };
}
