import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Context } from '../context';

/** An opaque random token; only its SHA-256 is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a refresh token (a new family, i.e. a new session, unless one is
 * given) and sets the cookie. Returns the family id: the session id. */
export async function issueRefreshToken(
  ctx: Pick<Context, 'db' | 'refreshCookie' | 'auth' | 'client'>,
  userId: string,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = newOpaqueToken();
  const expiresAt = new Date(Date.now() + ctx.auth.refreshTokenTtlMs);
  await ctx.db.refreshToken.create({
    data: {
      userId,
      familyId,
      tokenHash: sha256(token),
      expiresAt,
      userAgent: ctx.client.userAgent?.slice(0, 500) ?? null,
    },
  });
  ctx.refreshCookie.write(token, expiresAt);
  return familyId;
}

/**
 * Claims a refresh token for rotation in one atomic statement. A token not
 * yet rotated is marked rotated now. One rotated less than `graceMs` ago (a
 * reload or a second tab racing a refresh) is claimed again without moving
 * its rotation time, so the window never stretches. False when the token is
 * revoked, expired, or was rotated longer ago than that.
 */
export async function claimForRotation(
  db: Context['db'],
  tokenId: string,
  now: Date,
  graceMs: number,
): Promise<boolean> {
  const graceStart = new Date(now.getTime() - graceMs);
  const claimed = await db.$executeRaw`
    UPDATE refresh_tokens
       SET "rotatedAt" = COALESCE("rotatedAt", ${now}::timestamptz)
     WHERE id = ${tokenId}::uuid
       AND "revokedAt" IS NULL
       AND "expiresAt" > ${now}::timestamptz
       AND ("rotatedAt" IS NULL OR "rotatedAt" >= ${graceStart}::timestamptz)`;
  return claimed === 1;
}
