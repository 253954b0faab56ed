import type { ZInvitation } from '@shipshape/domain';
import type { z } from 'zod';
import type { ActorArgs } from '../actor';

/** The workspace's invitations that can still be accepted, newest first. */
export function listInvitations({
  db,
  actor,
}: ActorArgs<'workspaceId'>): Promise<Array<z.infer<typeof ZInvitation>>> {
  return db.invitation.findMany({
    where: {
      workspaceId: actor.workspaceId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
}
