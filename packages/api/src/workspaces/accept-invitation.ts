import type { Db } from '@shipshape/db';
import type { TRole, ZAcceptInviteInput, ZWorkspace } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { roleAtLeast } from '../access';
import { recordActivity } from '../activity/record-activity';
import type { Audit, User } from '../actor';
import { sha256 } from '../auth/refresh-tokens';
import { forbidden, notFound } from '../errors';
import { workspaceFields } from './workspace-view';

function alreadyUsed(): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: 'This invitation has already been used.' });
}

/** Joins the invitation's workspace with its role (or keeps a higher one). */
export async function acceptInvitation({
  db,
  user,
  input,
  audit,
}: {
  db: Db;
  user: User;
  input: z.infer<typeof ZAcceptInviteInput>;
  audit: Audit;
}): Promise<z.infer<typeof ZWorkspace>> {
  const result = await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: sha256(input.token) },
    });
    if (!invitation || invitation.revokedAt) throw notFound('Invitation');
    if (invitation.acceptedAt) throw alreadyUsed();
    if (invitation.expiresAt <= new Date()) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'This invitation has expired. Ask for a new one.',
      });
    }
    if (invitation.email !== user.email) {
      throw forbidden(
        'This invitation was sent to another email address. Sign in with that address to accept it.',
      );
    }
    // Only one acceptance can win, even when two arrive at once.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (claimed.count === 0) throw alreadyUsed();
    const membershipKey = {
      workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id },
    };
    const existing = await tx.membership.findUnique({ where: membershipKey });
    // An existing member keeps the higher of the two roles.
    const role: TRole =
      existing && roleAtLeast(existing.role, invitation.role) ? existing.role : invitation.role;
    await tx.membership.upsert({
      where: membershipKey,
      create: { workspaceId: invitation.workspaceId, userId: user.id, role },
      update: { role, version: { increment: 1 } },
    });
    const joiner = { id: user.id, workspaceId: invitation.workspaceId };
    await recordActivity(tx, joiner, {
      action: 'member.joined',
      entityType: 'membership',
      entityId: user.id,
      after: { userId: user.id, role },
    });
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: invitation.workspaceId },
      select: workspaceFields,
    });
    return { ...workspace, role };
  });
  audit('invitation.accepted', {
    outcome: 'success',
    userId: user.id,
    workspaceId: result.id,
    role: result.role,
  });
  return result;
}
