// The web app's /trpc route handler, called as Next.js calls it, in front of a
// real API: it forwards each browser's address (as Next.js puts it in
// X-Forwarded-For) under the shared secret, and never a browser's own claim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, signUp, uniqueEmail } from '../../support/api-client';
import { useTestServer } from '../../support/server';

// Loaded by a computed path: the route is type-checked with the web app's
// (Next.js) types, not this project's.
const ROUTE = '../../../apps/web/app/trpc/[...path]/route';
const { POST } = (await import(ROUTE)) as { POST: (request: Request) => Promise<Response> };

const PROXY_SECRET = 'web-proxy-secret-for-tests-long-enough-to-pass';
const server = useTestServer({
  internalProxySecret: PROXY_SECRET,
  loginRateLimits: { perIp: 30, perAccount: 10 },
});

beforeEach(() => {
  process.env.API_INTERNAL_URL = server.current.url;
  process.env.INTERNAL_PROXY_SECRET = PROXY_SECRET;
});
afterEach(() => {
  delete process.env.API_INTERNAL_URL;
  delete process.env.INTERNAL_PROXY_SECRET;
});

/** A sign-in as a browser sends it to the web app (a batch of one). */
async function signIn(
  clientAddress: string,
  input: { email: string; password: string },
  extraHeaders: Record<string, string> = {},
): Promise<number> {
  const response = await POST(
    new Request('http://localhost:3000/trpc/auth.login?batch=1', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        'x-forwarded-for': clientAddress,
        ...extraHeaders,
      },
      body: JSON.stringify({ 0: input }),
    }),
  );
  await response.arrayBuffer();
  return response.status;
}

describe('[web][proxy] forwarding the client address', () => {
  it("31 strangers' failed sign-ins through the web app leave another browser able to sign in", async () => {
    const { user } = await signUp(server.current.url);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        await signIn('203.0.113.30', { email: uniqueEmail(), password: 'wrong password!' }),
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(await signIn('198.51.100.30', { email: user.email, password: STRONG_PASSWORD })).toBe(
      200,
    );
  });

  it("a browser's own client-address and secret headers are replaced, not passed on", async () => {
    // 203.0.113.30 is limited by the previous test; claiming another address does not help.
    const status = await signIn(
      '203.0.113.30',
      { email: uniqueEmail(), password: 'wrong password!' },
      { 'x-shipshape-client-ip': '192.0.2.77', 'x-shipshape-proxy-secret': 'guess' },
    );
    expect(status).toBe(429);
  });

  it('without the secret configured, the web app forwards no client address', async () => {
    delete process.env.INTERNAL_PROXY_SECRET;
    // Keyed on the web server's own address (the socket), which has not failed yet.
    const status = await signIn('203.0.113.30', {
      email: uniqueEmail(),
      password: 'wrong password!',
    });
    expect(status).toBe(401);
  });
});
