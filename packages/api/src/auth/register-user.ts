import { passwordWeakness, type ZRegisterInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { ContextArgs } from '../context';
import { isUniqueViolation } from '../errors';
import { securityLog } from '../security-log';
import { hashPassword } from './passwords';
import { publicUser, startSession, type Session } from './start-session';

/** A new account, signed in at once. */
export async function registerUser({
  ctx,
  input,
}: ContextArgs<z.infer<typeof ZRegisterInput>>): Promise<Session> {
  const weakness = passwordWeakness(input.password, input.email, input.name);
  if (weakness) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Password ${weakness}.` });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await ctx.db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { ...publicUser, sessionsValidAfter: true },
    });
    securityLog(ctx, 'register', { outcome: 'success', userId: user.id });
    return await startSession(ctx, user);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'An account with this email already exists.',
      });
    }
    throw error;
  }
}
