import { passwordWeakness, type ZChangePasswordInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { User } from '../actor';
import type { ContextArgs } from '../context';
import { securityLog } from '../security-log';
import { hashPassword, verifyPassword } from './passwords';
import { publicUser, startSession, type Session } from './start-session';

/** Changes the password, ends every other session, and starts a fresh one. */
export async function changePassword({
  ctx,
  user,
  input,
}: ContextArgs<z.infer<typeof ZChangePasswordInput>> & { user: User }): Promise<Session> {
  const stored = await ctx.db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    securityLog(ctx, 'password.change.failure', { outcome: 'failure', userId: user.id });
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The current password is incorrect.' });
  }
  const weakness = passwordWeakness(input.newPassword, user.email, user.name);
  if (weakness) throw new TRPCError({ code: 'BAD_REQUEST', message: `Password ${weakness}.` });
  const now = new Date();
  const passwordHash = await hashPassword(input.newPassword);
  const [updated] = await ctx.db.$transaction([
    ctx.db.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionsValidAfter: now, version: { increment: 1 } },
      select: { ...publicUser, sessionsValidAfter: true },
    }),
    ctx.db.refreshToken.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    }),
  ]);
  securityLog(ctx, 'password.change', { outcome: 'success', userId: user.id });
  return startSession(ctx, updated);
}
