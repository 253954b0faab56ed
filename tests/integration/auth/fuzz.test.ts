// Thousands of malformed inputs to every procedure: each is refused with a
// 4xx, none hangs or crashes the server, and the database is unchanged.
import fc from 'fast-check';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@shipshape/api';
import { ApiClient, allProcedurePaths, procedureType } from '../../support/api-client';
import {
  createFixture,
  createMatrixUsers,
  type Fixture,
  type MatrixUsers,
} from '../../support/authz-fixture';
import { authorizationRows } from '../../support/authz-rows';
import { subscribeOnce } from '../../support/live-stream';
import { hostileFieldInputs, malformedInputs } from '../../support/malformed';
import { useTestServer } from '../../support/server';

const server = useTestServer();
let users: MatrixUsers;
let fixture: Fixture;

beforeAll(async () => {
  users = await createMatrixUsers(server.current.url, new ApiClient(server.current.url));
  fixture = await createFixture(server.current.database.db, users);
});

/** A fingerprint of every table's contents. */
async function databaseFingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'",
    );
    const fingerprint: Record<string, string> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ digest: string | null }>(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${tablename}" t`,
      );
      fingerprint[tablename] = rows[0]?.digest ?? '';
    }
    return fingerprint;
  } finally {
    await client.end();
  }
}

async function send(
  path: string,
  body: string,
  token: string | undefined,
): Promise<{ status: number; text(): Promise<string> }> {
  if (procedureType(path) === 'subscription') {
    // Refused before it starts: 200 and an error event naming the status.
    const { status, text } = await subscribeOnce(server.current.url, path, body, token);
    return { status, text: async () => text };
  }
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const signal = AbortSignal.timeout(10_000);
  if (procedureType(path) === 'query') {
    return fetch(`${server.current.url}/trpc/${path}?input=${encodeURIComponent(body)}`, {
      headers,
      signal,
    });
  }
  return fetch(`${server.current.url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
    signal,
  });
}

describe('[fuzz] malformed input to every procedure', () => {
  it('is refused with a 4xx, never crashes or hangs, and changes nothing', async () => {
    const before = await databaseFingerprint(server.current.database.url);
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const path of allProcedurePaths()) {
      const row = authorizationRows[path];
      if (!row) throw new Error(`no authorization row for ${path}`);
      const valid = row.input(fixture, 'OWNER');
      await fc.assert(
        fc.asyncProperty(malformedInputs(valid), async (body) => {
          const response = await send(path, body, users.clients.OWNER.accessToken);
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const text = await response.text();
          expect(
            response.status,
            `${path} ${body.slice(0, 200)} → ${text.slice(0, 300)}`,
          ).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
        }),
        { numRuns: 100, seed: 20261122 },
      );
    }
    console.log(
      `fuzz: ${sent} malformed requests to ${allProcedurePaths().length} procedures; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(await databaseFingerprint(server.current.database.url)).toEqual(before);
    // Still serving.
    expect((await fetch(`${server.current.url}/readyz`)).status).toBe(200);
  }, 300_000);
});

/** No stack, SQL, ORM or validation internals: what a body may never show. */
const INTERNAL_DETAIL =
  /\bat .+\.(ts|js|mjs):\d+|prisma|postgres|\bSQL\b|\bSELECT\b|invalid_type|Output validation|node_modules/i;

function inputSchemaOf(path: string): unknown {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: unknown[] } }
  >;
  return procedures[path]?._def.inputs[0];
}

describe('[fuzz] one hostile field in an otherwise valid input, for every procedure', () => {
  it('NUL, extreme dates and numbers, bad cursors, huge and deep values: 0 × 5xx, 0 internal details', async () => {
    const requests = allProcedurePaths().flatMap((path) => {
      const row = authorizationRows[path];
      if (!row) throw new Error(`no authorization row for ${path}`);
      // Ending the caller's sessions would turn every later call into a 401.
      if (row.endsSessions) return [];
      return hostileFieldInputs(inputSchemaOf(path), row.input(fixture, 'OWNER')).map((body) => ({
        path,
        body,
      }));
    });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const { path, body } = requests[next++]!;
        const response = await send(path, body, users.clients.OWNER.accessToken);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = await response.text();
        if (response.status >= 500 || INTERNAL_DETAIL.test(text)) {
          failures.push(`${path} ${body.slice(0, 120)} → ${response.status} ${text.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    console.log(
      `fuzz: ${requests.length} hostile-field requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect((await fetch(`${server.current.url}/readyz`)).status).toBe(200);
  }, 120_000);
});
