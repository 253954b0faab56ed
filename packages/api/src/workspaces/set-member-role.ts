import type { Db } from '@shipshape/db';
import type { ZMember, ZSetRoleInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor, Audit } from '../actor';
import { forbidden, notFound } from '../errors';
import { ensureOwnerRemains } from './ensure-owner-remains';

/** Changes a member's role; only owners make or unmake owners, and one always remains. */
export async function setMemberRole({
  db,
  actor,
  input,
  audit,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId' | 'role'>;
  input: z.infer<typeof ZSetRoleInput>;
  audit: Audit;
}): Promise<z.infer<typeof ZMember>> {
  const member = await db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: input.userId } },
      include: { user: { select: { id: true, name: true, email: true } } },
    });
    if (!target) throw notFound('Member');
    if ((target.role === 'OWNER' || input.role === 'OWNER') && actor.role !== 'OWNER') {
      throw forbidden('Only an owner can make or unmake owners.');
    }
    if (target.role === 'OWNER' && input.role !== 'OWNER') {
      await ensureOwnerRemains(tx, actor.workspaceId, input.userId);
    }
    const updated = await tx.membership.update({
      where: { id: target.id },
      data: { role: input.role, version: { increment: 1 } },
    });
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: input.userId,
      before: { role: target.role },
      after: { role: input.role },
    });
    return {
      userId: target.user.id,
      name: target.user.name,
      email: target.user.email,
      role: updated.role,
      joinedAt: updated.createdAt,
    };
  });
  audit('member.role_changed', {
    outcome: 'success',
    userId: actor.id,
    workspaceId: actor.workspaceId,
    targetUserId: input.userId,
    role: input.role,
  });
  return member;
}
