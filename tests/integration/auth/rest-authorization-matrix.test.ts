// Every REST route × anonymous, VIEWER, MEMBER, ADMIN, OWNER and a member of
// another workspace, each with a session's access token and with an API token
// (read and write): the same answer as its procedure's row in the tRPC matrix.
// Then malformed input to every route: always a 4xx, and nothing changes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { restRoutes } from '@shipshape/api';
import { ApiClient } from '../../support/api-client';
import {
  MATRIX_ROLES,
  createFixture,
  createMatrixUsers,
  type Fixture,
  type MatrixRole,
  type MatrixUsers,
} from '../../support/authz-fixture';
import { authorizationRows, type Access } from '../../support/authz-rows';
import { malformedInputs } from '../../support/malformed';
import { callRoute, rest, restRequestOf } from '../../support/rest';
import { insertApiToken } from '../../support/rest-tokens';
import { useTestServer } from '../../support/server';

const server = useTestServer();
let users: MatrixUsers;

beforeAll(async () => {
  users = await createMatrixUsers(server.current.url, new ApiClient(server.current.url));
});

const rank: Record<string, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

function expected(access: Access, role: MatrixRole): 'allowed' | 401 | 403 | 404 {
  if (role === 'anonymous') return 401;
  if (role === 'outsider') return 404;
  return rank[role]! >= rank[access]! ? 'allowed' : 403;
}

/** The caller's credential: none, the session's access token, or an API token of theirs. */
async function credentialOf(
  fixture: Fixture,
  role: MatrixRole,
  kind: 'session' | 'token',
): Promise<string | undefined> {
  if (role === 'anonymous') return undefined;
  if (kind === 'session') return users.clients[role].accessToken;
  return insertApiToken(server.current.database.db, {
    userId: users.ids[role],
    workspaceId: role === 'outsider' ? fixture.outsiderWorkspaceId : fixture.workspaceId,
  });
}

describe('[authz][rest] authorization matrix of the REST routes', () => {
  it('each role gets exactly what its procedure row allows, by session and by API token', async () => {
    const failures: string[] = [];
    let checks = 0;
    for (const route of restRoutes) {
      const row = authorizationRows[route.procedure];
      if (!row) throw new Error(`no authorization row for ${route.procedure}`);
      if (row.access === 'public' || row.access === 'authed') {
        failures.push(`${route.procedure} is not a workspace procedure`);
        continue;
      }
      for (const role of MATRIX_ROLES) {
        for (const kind of ['session', 'token'] as const) {
          const fixture = await createFixture(server.current.database.db, users);
          const token = await credentialOf(fixture, role, kind);
          const input = row.input(fixture, role) as Record<string, unknown>;
          const result = await callRoute(server.current.url, route, input, token);
          checks += 1;
          const want = expected(row.access, role);
          const label = `${route.method} ${route.path} as ${role} (${kind})`;
          if (result.status >= 500) failures.push(`${label}: ${result.status}`);
          if (want === 'allowed') {
            if ([401, 403, 404].includes(result.status)) {
              failures.push(
                `${label}: wanted access, got ${result.status} ${result.body?.message}`,
              );
            }
          } else if (result.status !== want) {
            failures.push(`${label}: wanted ${want}, got ${result.status}`);
          }
        }
      }
    }
    console.log(`REST authorization matrix: ${checks} checks, ${failures.length} mismatches`);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('[fuzz][rest] malformed input to every REST route', () => {
  it('is refused with a 4xx, never a 5xx or a stack, and the database is unchanged', async () => {
    const fixture = await createFixture(server.current.database.db, users);
    const count = () =>
      server.current.database.db.activityLog.count({ where: { workspaceId: fixture.workspaceId } });
    const before = await count();
    const statuses = new Map<number, number>();
    for (const route of restRoutes) {
      const valid = authorizationRows[route.procedure]!.input(fixture, 'OWNER') as Record<
        string,
        unknown
      >;
      const { path } = restRequestOf(route, valid);
      await fc.assert(
        fc.asyncProperty(malformedInputs(valid), async (body) => {
          const asQuery = route.method === 'GET' || route.method === 'DELETE';
          let query: Record<string, string> = {};
          if (asQuery) {
            const parsed: unknown = JSON.parse(body);
            const fields =
              parsed && typeof parsed === 'object' && !Array.isArray(parsed)
                ? parsed
                : { x: parsed };
            query = Object.fromEntries(
              Object.entries(fields).map(([key, value]) => [key, JSON.stringify(value) ?? '']),
            );
          }
          const result = await rest(server.current.url, route.method, path, {
            token: users.clients.OWNER.accessToken,
            ...(asQuery ? { query } : { rawBody: body }),
          });
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
          const text = JSON.stringify(result.body);
          expect(
            result.status,
            `${route.method} ${path} ${body.slice(0, 200)} → ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          expect(text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+|prisma|\bSELECT\b/i);
        }),
        { numRuns: 40, seed: 20261129 },
      );
    }
    console.log(`REST fuzz statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(await count()).toBe(before);
    expect((await fetch(`${server.current.url}/readyz`)).status).toBe(200);
  }, 300_000);
});
