import type { User } from '../actor';
import type { Context } from '../context';
import { securityLog } from '../security-log';
import { sha256 } from './refresh-tokens';

/** Ends this browser's session (the refresh cookie's family). */
export async function logOut({ ctx }: { ctx: Context }): Promise<{ ok: true }> {
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
  return { ok: true };
}

/** Ends every session of the caller, access tokens included, at once. */
export async function logOutEverywhere({
  ctx,
  user,
}: {
  ctx: Context;
  user: Pick<User, 'id'>;
}): Promise<{ ok: true }> {
  const now = new Date();
  await ctx.db.$transaction([
    ctx.db.user.update({
      where: { id: user.id },
      data: { sessionsValidAfter: now, version: { increment: 1 } },
    }),
    ctx.db.refreshToken.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    }),
  ]);
  ctx.refreshCookie.clear();
  securityLog(ctx, 'logout.all', { outcome: 'success', userId: user.id });
  return { ok: true };
}
