import type { TPublicUser, ZSession } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { Context } from '../context';
import { issueRefreshToken } from './refresh-tokens';
import { SessionEnded } from './session-ended';

export const publicUser = { id: true, email: true, name: true } as const;

export type SessionUser = TPublicUser & { sessionsValidAfter: Date };
export type Session = z.infer<typeof ZSession>;

/** A new session (refresh cookie set) and its first access token. */
export async function startSession(ctx: Context, user: SessionUser): Promise<Session> {
  const sessionId = await issueRefreshToken(ctx, user.id);
  return sessionFor(ctx, user, sessionId);
}

/** An access token bound to its session (`sid`): logging that session out ends it. */
export function sessionFor(ctx: Context, user: SessionUser, sessionId: string): Session {
  return {
    accessToken: ctx.signAccessToken({
      sub: user.id,
      sv: user.sessionsValidAfter.getTime(),
      sid: sessionId,
    }),
    user: { id: user.id, email: user.email, name: user.name },
  };
}

export function unauthorized(message: string): TRPCError {
  return new TRPCError({ code: 'UNAUTHORIZED', message });
}

/** A session existed and has ended; the sign-in page says so. */
export function sessionEnded(): TRPCError {
  const cause = new SessionEnded();
  return new TRPCError({ code: 'UNAUTHORIZED', message: cause.message, cause });
}
