import {
  ZChangePasswordInput,
  ZLoginInput,
  ZMe,
  ZRegisterInput,
  ZSession,
  passwordWeakness,
  type TPublicUser,
} from '@shipshape/domain';
import { Prisma } from '@shipshape/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords';
import { claimForRotation, issueRefreshToken, sha256 } from '../auth/refresh-tokens';
import { SessionEnded } from '../auth/session-ended';
import type { Context } from '../context';
import { securityLog } from '../security-log';
import { authedProcedure, publicProcedure, router } from '../trpc';

const INVALID_LOGIN = 'Email or password is incorrect.';
const publicUser = { id: true, email: true, name: true } as const;

async function startSession(ctx: Context, user: TPublicUser & { sessionsValidAfter: Date }) {
  const sessionId = await issueRefreshToken(ctx, user.id);
  return sessionFor(ctx, user, sessionId);
}

/** An access token bound to its session (`sid`): logging that session out ends it. */
function sessionFor(
  ctx: Context,
  user: TPublicUser & { sessionsValidAfter: Date },
  sessionId: string,
) {
  return {
    accessToken: ctx.signAccessToken({
      sub: user.id,
      sv: user.sessionsValidAfter.getTime(),
      sid: sessionId,
    }),
    user: { id: user.id, email: user.email, name: user.name },
  };
}

function unauthorized(message: string): TRPCError {
  return new TRPCError({ code: 'UNAUTHORIZED', message });
}

/** A session existed and has ended; the sign-in page says so. */
function sessionEnded(): TRPCError {
  const cause = new SessionEnded();
  return new TRPCError({ code: 'UNAUTHORIZED', message: cause.message, cause });
}

export const authRouter = router({
  register: publicProcedure
    .input(ZRegisterInput)
    .output(ZSession)
    .mutation(async ({ ctx, input }) => {
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
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new TRPCError({
            code: 'CONFLICT',
            message: 'An account with this email already exists.',
          });
        }
        throw error;
      }
    }),

  login: publicProcedure
    .input(ZLoginInput)
    .output(ZSession)
    .mutation(async ({ ctx, input }) => {
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
    }),

  /** Rotates the refresh cookie. A token reused within the grace window (a
   * reload racing a refresh) gets a fresh token in the same session; reused
   * later, it revokes its whole family, since only a thief or a replay would
   * present it then. */
  refresh: publicProcedure
    .input(z.strictObject({}).optional())
    .output(ZSession)
    .mutation(async ({ ctx }) => {
      const presented = ctx.refreshCookie.read();
      if (!presented) throw unauthorized('Sign in to continue.');
      const token = await ctx.db.refreshToken.findUnique({
        where: { tokenHash: sha256(presented) },
        include: { user: { select: { ...publicUser, disabled: true, sessionsValidAfter: true } } },
      });
      if (!token) {
        ctx.refreshCookie.clear();
        securityLog(ctx, 'refresh.failure', { outcome: 'failure', reason: 'unknown-token' });
        throw sessionEnded();
      }
      const now = new Date();
      const claimed = await claimForRotation(ctx.db, token.id, now, ctx.auth.refreshReuseGraceMs);
      if (!claimed) {
        ctx.refreshCookie.clear();
        if (token.rotatedAt && !token.revokedAt) {
          await ctx.db.refreshToken.updateMany({
            where: { familyId: token.familyId, revokedAt: null },
            data: { revokedAt: now },
          });
          securityLog(ctx, 'refresh.reuse', {
            outcome: 'failure',
            userId: token.userId,
            familyId: token.familyId,
          });
        } else {
          securityLog(ctx, 'refresh.failure', { outcome: 'failure', userId: token.userId });
        }
        throw sessionEnded();
      }
      if (token.user.disabled) {
        ctx.refreshCookie.clear();
        throw sessionEnded();
      }
      await issueRefreshToken(ctx, token.userId, token.familyId);
      securityLog(ctx, 'refresh.success', {
        outcome: 'success',
        userId: token.userId,
        ...(token.rotatedAt ? { reuseWithinGrace: true } : {}),
      });
      return sessionFor(ctx, token.user, token.familyId);
    }),

  logout: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      const presented = ctx.refreshCookie.read();
      if (presented) {
        const token = await ctx.db.refreshToken.findUnique({
          where: { tokenHash: sha256(presented) },
          select: { familyId: true, userId: true },
        });
        if (token) {
          await ctx.db.refreshToken.updateMany({
            where: { familyId: token.familyId, revokedAt: null },
            data: { revokedAt: new Date() },
          });
          securityLog(ctx, 'logout', { outcome: 'success', userId: token.userId });
        }
      }
      ctx.refreshCookie.clear();
      return { ok: true as const };
    }),

  /** Ends every session of the caller, access tokens included, at once. */
  logoutAll: authedProcedure
    .input(z.strictObject({}).optional())
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      const now = new Date();
      await ctx.db.$transaction([
        ctx.db.user.update({
          where: { id: ctx.user.id },
          data: { sessionsValidAfter: now, version: { increment: 1 } },
        }),
        ctx.db.refreshToken.updateMany({
          where: { userId: ctx.user.id, revokedAt: null },
          data: { revokedAt: now },
        }),
      ]);
      ctx.refreshCookie.clear();
      securityLog(ctx, 'logout.all', { outcome: 'success', userId: ctx.user.id });
      return { ok: true as const };
    }),

  me: authedProcedure
    .input(z.strictObject({}).optional())
    .output(ZMe)
    .query(async ({ ctx }) => {
      const memberships = await ctx.db.membership.findMany({
        where: { userId: ctx.user.id },
        select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
        orderBy: { workspace: { name: 'asc' } },
      });
      return {
        ...ctx.user,
        workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })),
      };
    }),

  /** Changes the password, ends every other session, and starts a fresh one. */
  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .output(ZSession)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { passwordHash: true },
      });
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        securityLog(ctx, 'password.change.failure', { outcome: 'failure', userId: ctx.user.id });
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'The current password is incorrect.' });
      }
      const weakness = passwordWeakness(input.newPassword, ctx.user.email, ctx.user.name);
      if (weakness) throw new TRPCError({ code: 'BAD_REQUEST', message: `Password ${weakness}.` });
      const now = new Date();
      const passwordHash = await hashPassword(input.newPassword);
      const [updated] = await ctx.db.$transaction([
        ctx.db.user.update({
          where: { id: ctx.user.id },
          data: { passwordHash, sessionsValidAfter: now, version: { increment: 1 } },
          select: { ...publicUser, sessionsValidAfter: true },
        }),
        ctx.db.refreshToken.updateMany({
          where: { userId: ctx.user.id, revokedAt: null },
          data: { revokedAt: now },
        }),
      ]);
      securityLog(ctx, 'password.change', { outcome: 'success', userId: ctx.user.id });
      return startSession(ctx, updated);
    }),
});
