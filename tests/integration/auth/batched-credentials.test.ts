// One HTTP request may carry many tRPC calls (`?batch=1`); a batch of sign-ins
// must not try many passwords for the price of one attempt.
import { describe, expect, it } from 'vitest';
import { ApiClient, postRaw, signUp } from '../../support/api-client';
import type { ApiError } from '../../support/api-types';
import { useTestServer } from '../../support/server';

const server = useTestServer({ loginRateLimits: { perAccount: 3, perIp: 1000 } });

type BatchEntry = { error?: ApiError };

const post = (target: string, body: unknown) => postRaw(server.current.url, target, body);

describe('[auth][rate-limit] batched credential calls', () => {
  it.each([
    ['plain', 'auth.login', '?batch=1', 9],
    ['with a repeated batch flag', 'auth.login', '?batch=1&batch=1', 9],
    ['with a path the router decodes twice', 'auth%252Elogin', '?batch=1', 5],
  ])(
    'a batch of sign-ins (%s) is refused with 400 and tries no password',
    async (_name, path, query, count) => {
      const { user, password } = await signUp(server.current.url);
      const body = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          String(i),
          { email: user.email, password: `guess number ${i}!` },
        ]),
      );
      const result = await post(`${Array(count).fill(path).join(',')}${query}`, body);
      expect(result.status).toBe(400);
      const entries = result.body as BatchEntry[];
      expect(entries).toHaveLength(count);
      for (const entry of entries) {
        expect(entry.error?.data.code).toBe('BAD_REQUEST');
        expect(entry.error?.message).toMatch(/one at a time/);
      }
      // Nothing was tried, so nothing was counted: the owner still signs in.
      const owner = await new ApiClient(server.current.url).call('auth.login', {
        email: user.email,
        password,
      });
      expect(owner.status).toBe(200);
    },
  );

  it('counts every sign-in call, however the path is encoded', async () => {
    const { user } = await signUp(server.current.url);
    const statuses: number[] = [];
    for (const path of ['auth.login', 'auth%2Elogin', 'auth%252Elogin', 'auth.login']) {
      const result = await post(path, { email: user.email, password: 'wrong password!' });
      statuses.push(result.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it.each(['auth.register', 'auth.changePassword', 'auth.refresh'])(
    '%s batched with another call is refused with 400',
    async (path) => {
      const result = await post(`${path},auth.logout?batch=1`, { 0: {}, 1: {} });
      expect(result.status).toBe(400);
      expect((result.body as BatchEntry[])[0]?.error?.message).toMatch(/one at a time/);
    },
  );

  it('a batch of one sign-in (what the web client sends) still works', async () => {
    const { user, password } = await signUp(server.current.url);
    const result = await post('auth.login?batch=1', { 0: { email: user.email, password } });
    expect(result.status).toBe(200);
  });
});
