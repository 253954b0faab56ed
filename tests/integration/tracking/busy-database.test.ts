// The embedded database serves one connection at a time: a burst of writes
// must queue for it, not fail. Always runs on the embedded PGlite (started
// here as tests/support/database.ts does), whatever TEST_DATABASE_URL says.
import { buildServer, type FastifyInstance } from '@shipshape/api-server';
import {
  applyMigrations,
  createDb,
  seedBuiltInTemplates,
  startEmbeddedPostgres,
  type Db,
  type EmbeddedPostgres,
} from '@shipshape/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../support/api-client';
import { TEST_JWT_SECRET, TEST_WEB_ORIGIN } from '../../support/server';

let embedded: EmbeddedPostgres;
let db: Db;
let app: FastifyInstance;
let url: string;

async function serve(database: Db): Promise<{ app: FastifyInstance; url: string }> {
  const server = await buildServer({
    db: database,
    jwtSecret: TEST_JWT_SECRET,
    webOrigins: [TEST_WEB_ORIGIN],
    loginRateLimits: { perIp: 10_000, perAccount: 10_000 },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app: server, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ port: 0 });
  await applyMigrations(embedded.connectionString);
  db = createDb({ connectionString: embedded.connectionString, poolSize: 1 });
  await seedBuiltInTemplates(db);
  ({ app, url } = await serve(db));
});

afterAll(async () => {
  await app?.close();
  await db?.$disconnect();
  await embedded?.stop();
});

describe('[projects][embedded] a burst of writes on a pool of one', () => {
  it('50 parallel project.create all succeed: 0 × 5xx', async () => {
    const { client } = await signUp(url, { name: 'Bo Burst' });
    const workspace = await client.ok('workspace.create', { name: 'Burst' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        client.call('project.create', { workspaceId: workspace.id, name: `Burst ${index}` }),
      ),
    );
    const failures = results.filter((result) => !result.ok);
    expect(
      failures.map((result) => `${result.status} ${result.error?.message}`),
      'no call fails',
    ).toEqual([]);
    expect(await db.project.count({ where: { workspaceId: workspace.id } })).toBe(50);
  }, 120_000);
});

describe('[embedded] a database saturated past the wait', () => {
  it('answers 503 with Retry-After and no internal detail, then recovers', async () => {
    // The burst's client goes quiet; this one (the only one in use) waits 300 ms at most.
    await db.$disconnect();
    const short = createDb({
      connectionString: embedded.connectionString,
      poolSize: 1,
      waitMs: 300,
    });
    const server = await serve(short);
    try {
      const { client } = await signUp(server.url, { name: 'Sam Saturated' });
      const workspace = await client.ok('workspace.create', { name: 'Full' });
      let release = () => {};
      const held = short.$transaction(
        async (tx) => {
          await tx.$queryRaw`select 1`;
          await new Promise<void>((resolve) => (release = resolve));
        },
        { maxWait: 5_000, timeout: 20_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [read, write] = await Promise.all([
        client.call('project.list', { workspaceId: workspace.id }),
        client.call('project.create', { workspaceId: workspace.id, name: 'Waits' }),
      ]);
      release();
      await held;
      for (const result of [read, write]) {
        expect(result.status, JSON.stringify(result.error)).toBe(503);
        expect(result.error?.data.code).toBe('SERVICE_UNAVAILABLE');
        expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(JSON.stringify(result.error)).not.toMatch(/prisma|transaction|timeout|pool/i);
      }
      expect((await client.call('project.list', { workspaceId: workspace.id })).status).toBe(200);
    } finally {
      await server.app.close();
      await short.$disconnect();
    }
  }, 60_000);
});
