import type { ZMember, ZSetRoleInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Audit, ServiceArgs } from '../actor';
import { forbidden } from '../errors';
import { ensureOwnerRemains } from './ensure-owner-remains';
import { findMember } from './find-member';

/** Changes a member's role; only owners make or unmake owners, and one always remains. */
export async function setMemberRole({
  db,
  actor,
  input,
  audit,
}: ServiceArgs<z.infer<typeof ZSetRoleInput>, 'id' | 'workspaceId' | 'role'> & {
  audit: Audit;
}): Promise<z.infer<typeof ZMember>> {
  const member = await db.$transaction(async (tx) => {
    const target = await findMember(tx, actor.workspaceId, input.userId);
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
    await recordActivity(tx, actor, {
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
