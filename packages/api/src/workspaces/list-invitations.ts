import type { Db } from '@shipshape/db';
import type { ZInvitation } from '@shipshape/domain';
import type { z } from 'zod';
import type { Actor } from '../actor';

/** The workspace's invitations that can still be accepted, newest first. */
export function listInvitations({
  db,
  actor,
}: {
  db: Db;
  actor: Pick<Actor, 'workspaceId'>;
}): Promise<Array<z.infer<typeof ZInvitation>>> {
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
