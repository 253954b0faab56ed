// A real API server over its own fresh test database, whose client counts
// (and can capture, with parameters) every SQL statement it sends: for tests
// of what reads cost and how Postgres plans them.
import { afterAll, beforeAll } from 'vitest';
import { buildServer, type FastifyInstance } from '@shipshape/api-server';
import { createDb, type Db } from '@shipshape/db';
import { createTestDatabase, type TestDatabase } from './database';
import { TEST_JWT_SECRET } from './server';

export interface SentStatement {
  query: string;
  params: unknown[];
}

/** An API server on a loopback port over `db` (sign-in limits out of the way). */
export async function listenOn(db: Db): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer({
    db,
    jwtSecret: TEST_JWT_SECRET,
    webOrigins: [],
    loginRateLimits: { perIp: 10_000, perAccount: 10_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    app,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  };
}

export interface CountedServer {
  readonly url: string;
  readonly database: TestDatabase;
  /** Statements the server has sent since the last `count` (or reset to 0 by hand). */
  statements: number;
  /** What one call costs, in statements (whatever it runs concurrently included). */
  count(call: () => Promise<unknown>): Promise<number>;
}

export function useCountedServer(
  options: { capture?: (sent: SentStatement) => void } = {},
): CountedServer {
  let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
  let counted: Db | undefined;
  let app: FastifyInstance | undefined;
  let url = '';
  const server: CountedServer = {
    get url() {
      return url;
    },
    get database() {
      if (!database) throw new Error('useCountedServer: used before beforeAll ran');
      return database;
    },
    statements: 0,
    async count(call) {
      server.statements = 0;
      await call();
      return server.statements;
    },
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    counted = createDb({
      connectionString: database.url,
      // The embedded fallback serves one connection at a time.
      poolSize: database.poolSize,
      onQuery: () => (server.statements += 1),
    });
    if (options.capture) {
      // createDb's onQuery hands over the SQL text only; a second listener on
      // the same events also gets the parameters (a JSON array).
      const on = counted.$on as unknown as (
        event: 'query',
        listener: (e: { query: string; params: string }) => void,
      ) => void;
      const capture = options.capture;
      on.call(counted, 'query', (e) => capture({ query: e.query, params: JSON.parse(e.params) }));
    }
    ({ app, url } = await listenOn(counted));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await counted?.$disconnect();
    await database?.drop();
  });
  return server;
}
