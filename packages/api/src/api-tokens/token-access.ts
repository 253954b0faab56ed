import type { TRole } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import { createHash } from 'node:crypto';
import {
  membershipOf,
  projectOf,
  workspaceOf,
  type CallerInWorkspace,
  type Locator,
} from '../access';
import type { Context } from '../context';
import { RateLimited } from '../errors';
import { securityLog } from '../security-log';
import { API_TOKEN_PREFIX } from './manage-api-tokens';

/** A per-token fixed window: at most `max` calls per `windowMs`, counted in
 * Postgres, so every API process shares it. */
export interface ApiTokenRateLimit {
  max: number;
  windowMs: number;
}

export const defaultApiTokenRateLimit: ApiTokenRateLimit = { max: 600, windowMs: 60_000 };

/** An `Authorization: Bearer shp_…` credential, as the context carries it: the
 * token's hash, never the token. */
export interface ApiTokenCredential {
  tokenHash: string;
  rateLimit: ApiTokenRateLimit;
}

const TOKEN_SHAPE = /^shp_[A-Za-z0-9_-]{20,200}$/;

/** The credential of a request's Authorization header, when it carries an API token. */
export function apiTokenCredential(
  authorization: string | undefined,
  rateLimit: ApiTokenRateLimit = defaultApiTokenRateLimit,
): ApiTokenCredential | null {
  if (!authorization?.startsWith(`Bearer ${API_TOKEN_PREFIX}`)) return null;
  const token = authorization.slice('Bearer '.length).trim();
  // A malformed token still counts as presented (and is refused): never fall back to no credential.
  const hashed = TOKEN_SHAPE.test(token) ? token : `malformed:${token.slice(0, 300)}`;
  return { tokenHash: createHash('sha256').update(hashed).digest('hex'), rateLimit };
}

/**
 * The statement of `findTokenCallerInWorkspace`: $1 token hash, $2 the locator's
 * id, $3 window length (ms). One round trip counts the call in the token's
 * window, stamps its last use, and reads the owner, their membership in the
 * token's workspace (only if it began before the token: a member who left and
 * came back has no old tokens) and the versions reads key on. No row when the
 * token was made before its owner last signed out everywhere.
 */
export function tokenCallerInWorkspaceSql(kind: Locator['kind']): string {
  return `WITH used AS (
      UPDATE api_tokens t
         SET "lastUsedAt" = now(),
             "windowCount" = CASE WHEN t."windowStartedAt" > now() - $3::float8 * interval '1 millisecond'
                                  THEN t."windowCount" + 1 ELSE 1 END,
             "windowStartedAt" = CASE WHEN t."windowStartedAt" > now() - $3::float8 * interval '1 millisecond'
                                      THEN t."windowStartedAt" ELSE now() END
       WHERE t."tokenHash" = $1
         AND t."revokedAt" IS NULL
         AND (t."expiresAt" IS NULL OR t."expiresAt" > now())
      RETURNING t.id, t."userId", t."workspaceId", t.scopes::text[] AS scopes, t."createdAt",
                t."windowCount", t."windowStartedAt")
    SELECT used.id AS "tokenId", used.scopes, used."windowCount",
           greatest(1, ceil(extract(epoch FROM
             used."windowStartedAt" + $3::float8 * interval '1 millisecond' - now())))::int AS "retryAfter",
           u.id AS "userId", u.email, u.name, u.disabled,
           EXISTS (SELECT 1 FROM memberships o
                    WHERE o."userId" = u.id AND o."workspaceId" = used."workspaceId"
                      AND o."createdAt" <= used."createdAt") AS "ownerIsMember",
           m."workspaceId", m.role::text AS role, w."dataVersion",
           w."sharedVersion" || '.' || p."dataVersion" AS "projectVersion"
      FROM used
      -- "Sign out everywhere" and a password change end the tokens made before them too.
      JOIN users u ON u.id = used."userId" AND used."createdAt" >= u."sessionsValidAfter"
      LEFT JOIN memberships m ON m."userId" = u.id AND m."workspaceId" = used."workspaceId"
                             AND m."createdAt" <= used."createdAt"
                             AND m."workspaceId" = ${workspaceOf[kind]}
      LEFT JOIN workspaces w ON w.id = m."workspaceId"
      LEFT JOIN projects p ON p.id = ${projectOf[kind]} AND p."workspaceId" = w.id`;
}

interface TokenCallerRow {
  tokenId: string;
  scopes: Array<'read' | 'write'>;
  windowCount: number;
  retryAfter: number;
  userId: string;
  email: string;
  name: string;
  disabled: boolean;
  ownerIsMember: boolean;
  workspaceId: string | null;
  role: TRole | null;
  dataVersion: number | null;
  projectVersion: string | null;
}

/**
 * The caller behind an API token, inside the workspace the locator points into:
 * the owner, with the owner's current role there, if the token is live (not
 * revoked, not expired, owner still a member, account enabled), within its rate
 * limit and has the scope the call needs (`read` for queries, `write` for
 * mutations). `membership` is null outside the token's own workspace.
 */
export async function findTokenCallerInWorkspace(
  ctx: Pick<Context, 'db' | 'log' | 'requestId' | 'client'>,
  credential: ApiTokenCredential,
  locator: Locator,
  call: { type: 'query' | 'mutation' | 'subscription'; path: string },
): Promise<CallerInWorkspace> {
  const rows = await ctx.db.$queryRawUnsafe<TokenCallerRow[]>(
    tokenCallerInWorkspaceSql(locator.kind),
    credential.tokenHash,
    locator.id,
    credential.rateLimit.windowMs,
  );
  const row = rows[0];
  if (!row || row.disabled || !row.ownerIsMember) {
    securityLog(ctx, 'api_token.refused', { outcome: 'failure', path: call.path });
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'This API token is not valid: it was revoked, has expired, or its owner left.',
    });
  }
  const fields = { userId: row.userId, tokenId: row.tokenId, path: call.path };
  if (row.windowCount > credential.rateLimit.max) {
    securityLog(ctx, 'api_token.rate_limited', { ...fields, outcome: 'failure' });
    const cause = new RateLimited(row.retryAfter);
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message, cause });
  }
  const needed = call.type === 'mutation' ? 'write' : call.type === 'query' ? 'read' : null;
  if (!needed || !row.scopes.includes(needed)) {
    securityLog(ctx, 'access.denied', { ...fields, outcome: 'failure', scopes: row.scopes });
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: needed
        ? `This API token lacks the "${needed}" scope this call needs.`
        : 'API tokens cannot open live streams.',
    });
  }
  securityLog(ctx, 'api_token.used', { ...fields, outcome: 'success' });
  return {
    user: { id: row.userId, email: row.email, name: row.name },
    sessionValid: true,
    membership: membershipOf(row),
  };
}
