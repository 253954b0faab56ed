// Authorization rows for the API-token procedures (merged into
// `authorizationRows`). Any member may make and list their own tokens; revoking
// names a token by id alone, so the fixture gives each caller one of their own
// (the outsider's in their own workspace).
import type { Db } from '@shipshape/db';
import { createHash, randomBytes } from 'node:crypto';
import type { Fixture, MatrixRole, MatrixUsers } from './authz-fixture';
import type { MatrixRow } from './authz-rows';

/** The fixture fields these rows read beyond `Fixture`'s own. */
export interface ApiTokenFixtureFields {
  /** A live API token of the caller (the OWNER's for anonymous). */
  apiTokenIdFor: (role: MatrixRole) => string;
}

/** Makes one token per matrix user; call it in `createFixture`. */
export async function createFixtureApiTokens(
  db: Db,
  users: MatrixUsers,
  where: { workspaceId: string; outsiderWorkspaceId: string },
): Promise<ApiTokenFixtureFields> {
  const ids = new Map<string, string>();
  for (const role of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'outsider'] as const) {
    const token = `shp_${randomBytes(32).toString('base64url')}`;
    const created = await db.apiToken.create({
      data: {
        userId: users.ids[role],
        workspaceId: role === 'outsider' ? where.outsiderWorkspaceId : where.workspaceId,
        name: `Matrix ${role}`,
        scopes: ['read'],
        tokenHash: createHash('sha256').update(token).digest('hex'),
        lastFour: token.slice(-4),
      },
    });
    ids.set(role, created.id);
  }
  return { apiTokenIdFor: (role) => ids.get(role) ?? ids.get('OWNER')! };
}

const tokens = (f: Fixture) => f as Fixture & ApiTokenFixtureFields;

export const apiTokenAuthorizationRows: Record<string, MatrixRow> = {
  'apiToken.create': {
    access: 'VIEWER',
    input: (f) => ({ workspaceId: f.workspaceId, name: 'CI', scopes: ['read', 'write'] }),
  },
  'apiToken.list': { access: 'VIEWER', input: (f) => ({ workspaceId: f.workspaceId }) },
  'apiToken.revoke': {
    access: 'authed',
    input: (f, caller) => ({ id: tokens(f).apiTokenIdFor(caller) }),
  },
};
