import type { AccessClaims, Context } from '../context';
import { sha256 } from './refresh-tokens';

/**
 * The session a live stream runs in, from the httpOnly refresh cookie: a
 * browser's EventSource cannot send an Authorization header, and an access
 * token in the URL would land in every proxy's access log. Read-only: the
 * token is not rotated (only `auth.refresh` does that), so a stream and a
 * refresh never race. The token must be current (or rotated within the reuse
 * grace window), unrevoked, unexpired and issued after the user's sessions
 * were last ended. The claims are then checked like an access token's, on
 * every membership check of the stream.
 */
export async function streamSessionClaims(
  ctx: Pick<Context, 'db' | 'auth'>,
  presented: string,
): Promise<AccessClaims | null> {
  const rows = await ctx.db.$queryRaw<Array<{ sub: string; sid: string; validAfterMs: number }>>`
    SELECT t."userId"::text AS sub, t."familyId"::text AS sid,
           (extract(epoch FROM u."sessionsValidAfter") * 1000)::float8 AS "validAfterMs"
      FROM refresh_tokens t JOIN users u ON u.id = t."userId"
     WHERE t."tokenHash" = ${sha256(presented)}
       AND t."revokedAt" IS NULL
       AND t."expiresAt" > now()
       AND (t."rotatedAt" IS NULL
            OR t."rotatedAt" > now() - ${ctx.auth.refreshReuseGraceMs} * interval '1 millisecond')
       AND t."createdAt" >= u."sessionsValidAfter"
       AND NOT u.disabled`;
  const row = rows[0];
  return row ? { sub: row.sub, sid: row.sid, sv: Math.round(row.validAfterMs) } : null;
}
