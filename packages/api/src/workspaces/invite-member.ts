import type { ZInviteInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Audit, ServiceArgs } from '../actor';
import { newOpaqueToken, sha256 } from '../auth/refresh-tokens';
import { forbidden } from '../errors';

/** Creates an invitation and returns the one-time token of its link; only its hash is kept. */
export async function inviteMember({
  db,
  actor,
  input,
  audit,
  ttlMs,
}: ServiceArgs<z.infer<typeof ZInviteInput>, 'id' | 'workspaceId' | 'role'> & {
  audit: Audit;
  /** How long the link stays valid. */
  ttlMs: number;
}): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  if (input.role === 'OWNER' && actor.role !== 'OWNER') {
    throw forbidden('Only an owner can invite another owner.');
  }
  const token = newOpaqueToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        expiresAt,
        invitedById: actor.id,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordActivity(tx, actor, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  audit('invitation.created', {
    outcome: 'success',
    userId: actor.id,
    workspaceId: actor.workspaceId,
    role: input.role,
  });
  return { invitationId: invitation.id, token, expiresAt };
}
