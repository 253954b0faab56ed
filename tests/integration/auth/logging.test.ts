import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildServer } from '@shipshape/api-server';
import { createDb } from '@shipshape/db';
import { ApiClient, STRONG_PASSWORD, signUp } from '../../support/api-client';
import type { ApiError } from '../../support/api-types';
import { freePort } from '../../support/ports';
import { TEST_JWT_SECRET, useTestServer } from '../../support/server';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const logger = pino(
  { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
  sink,
);
const server = useTestServer({ logger });

describe('[logs] security events and errors', () => {
  it('logs one structured line per security event, with user, request id and outcome, and no secrets', async () => {
    const { user } = await signUp(server.current.url);
    const client = new ApiClient(server.current.url);
    await client.call('auth.login', { email: user.email, password: 'wrong password!' });
    await client.call('auth.login', { email: user.email, password: STRONG_PASSWORD });
    const events = lines.filter((line) => typeof line.security === 'string');
    const failure = events.find((e) => e.security === 'login.failure' && e.userId === user.id);
    const success = events.find((e) => e.security === 'login.success' && e.userId === user.id);
    expect(failure).toMatchObject({ outcome: 'failure', reason: 'wrong-password' });
    expect(success).toMatchObject({ outcome: 'success' });
    expect(success?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(STRONG_PASSWORD);
    expect(everything).not.toContain('wrong password!');
    expect(everything).not.toMatch(/Bearer ey/);
  });

  it('an unexpected error answers 500 with a request id, no stack or SQL, and is logged with that id', async () => {
    const port = await freePort();
    const brokenDb = createDb({
      connectionString: `postgresql://x@127.0.0.1:${port}/none`,
      poolSize: 1,
    });
    const errorLines: Array<Record<string, unknown>> = [];
    const app = await buildServer({
      db: brokenDb,
      jwtSecret: TEST_JWT_SECRET,
      webOrigins: [],
      logger: pino(
        new Writable({
          write(chunk: Buffer, _e, done) {
            for (const line of chunk.toString().split('\n').filter(Boolean))
              errorLines.push(JSON.parse(line));
            done();
          },
        }),
      ),
    });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json' },
        payload: { email: 'someone@example.test', password: 'whatever password' },
      });
      expect(response.statusCode).toBe(500);
      const body = response.json() as { error: ApiError };
      expect(body.error.message).toBe('Something went wrong on our side.');
      expect(response.body).not.toMatch(/SELECT|prisma|ECONNREFUSED|\.ts:\d+/i);
      const logged = errorLines.find((line) => line.msg === 'unexpected error');
      expect(logged?.requestId).toBe(body.error.data.requestId);
    } finally {
      await app.close();
      await brokenDb.$disconnect();
    }
  });
});
