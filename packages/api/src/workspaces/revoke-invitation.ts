import type { ZInvitationRef } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { notFound } from '../errors';

/** Kills an invitation's link; one already accepted or revoked is NOT_FOUND. */
export async function revokeInvitation({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZInvitationRef>, 'workspaceId'>): Promise<{ ok: true }> {
  const revoked = await db.invitation.updateMany({
    where: {
      id: input.invitationId,
      workspaceId: actor.workspaceId,
      acceptedAt: null,
      revokedAt: null,
    },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw notFound('Invitation');
  return { ok: true };
}
