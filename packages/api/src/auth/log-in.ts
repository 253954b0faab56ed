import type { ZLoginInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { ContextArgs } from '../context';
import { securityLog } from '../security-log';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { publicUser, startSession, unauthorized, type Session } from './start-session';

const INVALID_LOGIN = 'Email or password is incorrect.';

/** Signs in with email and password, within the sign-in rate limit. */
export async function logIn({
  ctx,
  input,
}: ContextArgs<z.infer<typeof ZLoginInput>>): Promise<Session> {
  // Counted per call, so a batch or a re-encoded path cannot multiply attempts.
  const attempt = await ctx.countLoginAttempt(input.email);
  if (!attempt.allowed) {
    securityLog(ctx, 'login.failure', {
      outcome: 'failure',
      reason: 'rate-limited',
      limitedBy: attempt.limitedBy,
    });
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many sign-in attempts. Try again in ${attempt.retryAfterSeconds} s.`,
    });
  }
  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: { ...publicUser, passwordHash: true, disabled: true, sessionsValidAfter: true },
  });
  if (!user) {
    await burnPasswordCheck(input.password);
    securityLog(ctx, 'login.failure', { outcome: 'failure', reason: 'unknown-email' });
    throw unauthorized(INVALID_LOGIN);
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  if (!valid || user.disabled) {
    securityLog(ctx, 'login.failure', {
      outcome: 'failure',
      userId: user.id,
      reason: valid ? 'disabled' : 'wrong-password',
    });
    throw unauthorized(INVALID_LOGIN);
  }
  securityLog(ctx, 'login.success', { outcome: 'success', userId: user.id });
  return startSession(ctx, user);
}
