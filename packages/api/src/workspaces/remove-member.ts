import type { Db } from '@shipshape/db';
import { recordActivity } from '../activity/record-activity';
import type { Actor, Audit } from '../actor';
import { forbidden, notFound } from '../errors';
import { ensureOwnerRemains } from './ensure-owner-remains';

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
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId' | 'role'>;
  input: { userId: string };
  audit: Audit;
}): Promise<{ ok: true }> {
  const { userId } = input;
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } },
    });
    if (!target) throw notFound('Member');
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
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
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
