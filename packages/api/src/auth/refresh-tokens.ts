import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Context } from '../context';

/** An opaque random token; only its SHA-256 is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a refresh token (a new family unless one is given) and sets the cookie. */
export async function issueRefreshToken(
  ctx: Pick<Context, 'db' | 'refreshCookie' | 'auth' | 'client'>,
  userId: string,
  familyId: string = randomUUID(),
): Promise<void> {
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
}
