import type { Db } from '@shipshape/db';
import type { TInvitationPreview } from '@shipshape/domain';
import { sha256 } from '../auth/refresh-tokens';
import { notFound } from '../errors';

/** What an invitation offers (workspace, inviter, role), found by its token,
 * so the invitee can see it before signing in or accepting. A revoked or
 * unknown token is NOT_FOUND, as for acceptInvite. */
export async function previewInvitation({
  db,
  input,
}: {
  db: Db;
  input: { token: string };
}): Promise<TInvitationPreview> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: sha256(input.token) },
    select: {
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation || invitation.revokedAt) throw notFound('Invitation');
  return {
    workspaceName: invitation.workspace.name,
    inviterName: invitation.invitedBy.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    status: invitation.acceptedAt
      ? 'accepted'
      : invitation.expiresAt <= new Date()
        ? 'expired'
        : 'pending',
  };
}
