import type { TApiToken, TApiTokenCreateInput } from '@shipshape/domain';
import { randomBytes } from 'node:crypto';
import type { Audit, ServiceArgs, User } from '../actor';
import type { Db } from '@shipshape/db';
import { sha256 } from '../auth/refresh-tokens';
import { badRequest, notFound } from '../errors';

/** Every token starts so: secret scanners and people recognise it. */
export const API_TOKEN_PREFIX = 'shp_';

const DAY_MS = 24 * 60 * 60 * 1000;

const listed = {
  id: true,
  workspaceId: true,
  name: true,
  scopes: true,
  lastFour: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
} as const;

/** A new token for the caller in this workspace; answered once, only its SHA-256 is kept
 * (256 random bits need no slow hash). */
/** Live (unrevoked, unexpired) tokens one person may hold in one workspace. */
export const MAX_LIVE_TOKENS = 20;

export async function createApiToken({
  db,
  actor,
  input,
  audit,
}: ServiceArgs<TApiTokenCreateInput> & { audit: Audit }): Promise<{ id: string; token: string }> {
  // Each token has its own rate limit: an unbounded number would be no limit.
  const live = await db.apiToken.count({
    where: {
      userId: actor.id,
      workspaceId: actor.workspaceId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
    },
  });
  if (live >= MAX_LIVE_TOKENS) {
    throw badRequest(
      `You have ${live} API tokens in this workspace, the most allowed; revoke one you no longer use first.`,
    );
  }
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const created = await db.apiToken.create({
    data: {
      userId: actor.id,
      workspaceId: actor.workspaceId,
      name: input.name,
      scopes: input.scopes,
      tokenHash: sha256(token),
      lastFour: token.slice(-4),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
    },
    select: { id: true },
  });
  audit('api_token.created', {
    outcome: 'success',
    userId: actor.id,
    workspaceId: actor.workspaceId,
    tokenId: created.id,
    scopes: input.scopes,
  });
  return { id: created.id, token };
}

/** The caller's live tokens in this workspace, newest first. */
export async function listApiTokens({ db, actor }: ServiceArgs<unknown>): Promise<TApiToken[]> {
  return db.apiToken.findMany({
    where: { userId: actor.id, workspaceId: actor.workspaceId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: listed,
  });
}

/** Revokes one of the caller's own tokens (in any workspace, even one they
 * left): it stops on its next request. Another person's token is NOT_FOUND. */
export async function revokeApiToken({
  db,
  user,
  input,
  audit,
}: {
  db: Db;
  user: Pick<User, 'id'>;
  input: { id: string };
  audit: Audit;
}): Promise<{ ok: true }> {
  const revoked = await db.apiToken.updateManyAndReturn({
    where: { id: input.id, userId: user.id, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { workspaceId: true },
  });
  if (revoked.length === 0) throw notFound('API token');
  audit('api_token.revoked', {
    outcome: 'success',
    userId: user.id,
    workspaceId: revoked[0]?.workspaceId,
    tokenId: input.id,
  });
  return { ok: true };
}
