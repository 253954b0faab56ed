// Every tRPC procedure × anonymous, VIEWER, MEMBER, ADMIN, OWNER and a member
// of another workspace. Procedures are enumerated from the router, so one
// without a row fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, allProcedurePaths } from '../../support/api-client';
import {
  MATRIX_ROLES,
  createFixture,
  createMatrixUsers,
  renewSessions,
  type MatrixRole,
  type MatrixUsers,
} from '../../support/authz-fixture';
import { authorizationRows, type Access } from '../../support/authz-rows';
import { useTestServer } from '../../support/server';

const server = useTestServer();
let users: MatrixUsers;

beforeAll(async () => {
  users = await createMatrixUsers(server.current.url, new ApiClient(server.current.url));
});

const rank: Record<string, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** What must happen: 'allowed' means the call passes authorization (it may
 * still fail business rules, which answer 400/409). */
function expected(access: Access, role: MatrixRole): 'any' | 'allowed' | 401 | 403 | 404 {
  // Public procedures answer on their own terms (a wrong password is 401).
  if (access === 'public') return 'any';
  if (role === 'anonymous') return 401;
  if (access === 'authed') return 'allowed';
  if (role === 'outsider') return 404;
  return rank[role]! >= rank[access]! ? 'allowed' : 403;
}

describe('[authz] authorization matrix', () => {
  it('every procedure has a row', () => {
    const missing = allProcedurePaths().filter((path) => !(path in authorizationRows));
    expect(missing, 'procedures without an authorization row').toEqual([]);
    const procedures = new Set<string>(allProcedurePaths());
    const stale = Object.keys(authorizationRows).filter((path) => !procedures.has(path));
    expect(stale, 'rows for procedures that no longer exist').toEqual([]);
  });

  it('each role gets exactly what its row allows, and nothing leaks', async () => {
    const failures: string[] = [];
    let leaks = 0;
    let checks = 0;
    for (const path of allProcedurePaths()) {
      const row = authorizationRows[path];
      if (!row) continue;
      for (const role of MATRIX_ROLES) {
        const fixture = await createFixture(server.current.database.db, users);
        const client = users.clients[role];
        const result = await client.callRaw(path, row.input(fixture, role));
        checks += 1;
        const want = expected(row.access, role);
        const denied = [401, 403, 404].includes(result.status);
        if (result.status >= 500) failures.push(`${path} as ${role}: ${result.status}`);
        if (row.endsSessions) await renewSessions(users);
        if (want === 'any') continue;
        if (want === 'allowed') {
          if (denied)
            failures.push(
              `${path} as ${role}: wanted access, got ${result.status} ${result.error?.message}`,
            );
        } else if (result.status !== want) {
          if (result.ok) leaks += 1;
          failures.push(`${path} as ${role}: wanted ${want}, got ${result.status}`);
        }
      }
    }
    console.log(
      `authorization matrix: ${allProcedurePaths().length} procedures × ${MATRIX_ROLES.length} roles = ${checks} checks, ${leaks} leaks, ${failures.length} mismatches`,
    );
    expect(failures).toEqual([]);
    expect(leaks).toBe(0);
  }, 120_000);

  it("a member of another workspace cannot reach this one's data by id, even through their own workspace", async () => {
    const fixture = await createFixture(server.current.database.db, users);
    const outsider = users.clients.outsider;
    const own = await outsider.call('workspace.members', {
      workspaceId: fixture.outsiderWorkspaceId,
    });
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.data)).not.toContain(users.emails.OWNER);
    const theirs = await outsider.call('workspace.members', { workspaceId: fixture.workspaceId });
    const missing = await outsider.call('workspace.members', {
      workspaceId: '00000000-0000-7000-8000-000000000000',
    });
    // Not found, worded exactly as for an id that does not exist.
    expect(theirs.status).toBe(404);
    expect(theirs.error?.message).toBe(missing.error?.message);
  });
});
