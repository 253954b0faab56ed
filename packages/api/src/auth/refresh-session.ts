import type { Context } from '../context';
import { securityLog } from '../security-log';
import { claimForRotation, issueRefreshToken, sha256 } from './refresh-tokens';
import { publicUser, sessionEnded, sessionFor, unauthorized, type Session } from './start-session';

/** Rotates the refresh cookie. A token reused within the grace window (a
 * reload racing a refresh) gets a fresh token in the same session; reused
 * later, it revokes its whole family, since only a thief or a replay would
 * present it then. */
export async function refreshSession({ ctx }: { ctx: Context }): Promise<Session> {
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
}
