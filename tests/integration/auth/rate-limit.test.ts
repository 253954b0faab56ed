import { describe, expect, it } from 'vitest';
import { ApiClient, postRaw, signUp, uniqueEmail } from '../../support/api-client';
import { useTestServer } from '../../support/server';

const server = useTestServer({ loginRateLimits: { perAccount: 3, perIp: 6 } });

const post = (path: string, body: unknown) => postRaw(server.current.url, path, body);

describe('[auth][rate-limit] login attempts', () => {
  it('answers 429 with Retry-After per account and per IP; X-Forwarded-For does not reset it', async () => {
    const { user } = await signUp(server.current.url);
    const client = new ApiClient(server.current.url);
    const attempt = (email: string, headers: Record<string, string> = {}) =>
      client.call('auth.login', { email, password: 'wrong password!' }, { headers });

    for (let i = 0; i < 3; i++) expect((await attempt(user.email)).status).toBe(401);
    const limited = await attempt(user.email);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.error?.data.code).toBe('TOO_MANY_REQUESTS');
    // The account limit holds whatever case the email is typed in…
    expect((await attempt(user.email.toUpperCase())).status).toBe(429);
    // …and a spoofed client address changes nothing.
    expect((await attempt(user.email, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    // …nor does an encoding of the path that the router decodes twice.
    const encoded = await post('auth%252Elogin', { email: user.email, password: 'guess 1234567' });
    expect(encoded.status).toBe(429);

    // Another account from the same IP runs into the per-IP limit (6 attempts).
    const other = uniqueEmail();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt(other)).status);
    expect(statuses).toContain(429);
  });
});
