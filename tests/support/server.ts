// A real API server on a loopback port, over the test file's own database.
import type { FastifyInstance } from '@shipshape/api-server';
import { afterAll, beforeAll } from 'vitest';
import { ActivityHub } from '@shipshape/api';
import { buildServer } from '@shipshape/api-server';
import type { ActivityNotices } from '@shipshape/db';
import { useTestDatabase, type TestDatabase } from './database';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  /** The server's live-update fan-out. */
  live: ActivityHub;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
export const TEST_WEB_ORIGIN = 'http://localhost:3000';

export function useTestServer(options: Partial<Parameters<typeof buildServer>[0]> = {}): {
  readonly current: TestServer;
} {
  const database = useTestDatabase();
  let server: TestServer | undefined;
  let notices: ActivityNotices | undefined;
  beforeAll(async () => {
    notices = database.current.listen();
    const live = new ActivityHub(notices);
    const app = await buildServer({
      db: database.current.db,
      jwtSecret: TEST_JWT_SECRET,
      webOrigins: [TEST_WEB_ORIGIN],
      loginRateLimits: { perIp: 10_000, perAccount: 10_000 },
      live,
      ...options,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    server = { url: `http://127.0.0.1:${port}`, app, database: database.current, live };
  });
  afterAll(async () => {
    await server?.app.close();
    await notices?.close();
  });
  return {
    get current() {
      if (!server) throw new Error('useTestServer: the server is not ready (use it inside tests).');
      return server;
    },
  };
}
