import { describe, expect, it } from 'vitest';
import { buildServer } from '@shipshape/api-server';
import { createDb } from '@shipshape/db';
import type { ProcedureOutput } from '../../support/api-types';
import { freePort } from '../../support/ports';
import { TEST_JWT_SECRET, useTestServer } from '../../support/server';

const server = useTestServer();

describe('[api][health] liveness and readiness', () => {
  it('/healthz and /livez answer 200', async () => {
    for (const path of ['/healthz', '/livez']) {
      const response = await fetch(server.current.url + path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });

  it('/readyz checks the database', async () => {
    const response = await fetch(server.current.url + '/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('/readyz answers 503 while the database is unreachable, liveness stays 200', async () => {
    const port = await freePort();
    const db = createDb({ connectionString: `postgresql://x@127.0.0.1:${port}/none`, poolSize: 1 });
    const app = await buildServer({ db, jwtSecret: TEST_JWT_SECRET, webOrigins: [] });
    try {
      const ready = await app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect((await app.inject({ url: '/livez' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.$disconnect();
    }
  });
});

describe('[api][trpc] the tRPC endpoint', () => {
  it('serves health.ping at /trpc', async () => {
    const response = await fetch(server.current.url + '/trpc/health.ping');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: ProcedureOutput<'health.ping'> } };
    expect(body.result.data.ok).toBe(true);
    expect(Date.parse(body.result.data.time)).not.toBeNaN();
  });

  it('an unknown procedure is a 404 with a request id and no stack trace', async () => {
    const response = await fetch(server.current.url + '/trpc/nope.nothing');
    expect(response.status).toBe(404);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const text = await response.text();
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(JSON.parse(text).error.data.requestId).toBe(requestId);
  });

  it('keeps a sane caller-supplied x-request-id and replaces a hostile one', async () => {
    const kept = await fetch(server.current.url + '/healthz', {
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(server.current.url + '/healthz', {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
