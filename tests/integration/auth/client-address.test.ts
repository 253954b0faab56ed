// Behind the web app's proxy every browser reaches the API from the web
// server's address. The proxy forwards the browser's address under a shared
// secret; the API believes it only with that secret, so the login limits are
// per browser, and a forged header sent straight to the API changes nothing.
import { describe, expect, it } from 'vitest';
import { ApiClient, STRONG_PASSWORD, signUp, uniqueEmail } from '../../support/api-client';
import { useTestServer } from '../../support/server';

const PROXY_SECRET = 'proxy-secret-for-tests-that-is-long-enough';
// The default limits: 30 attempts per client address, 10 per account and address.
const server = useTestServer({
  internalProxySecret: PROXY_SECRET,
  loginRateLimits: { perIp: 30, perAccount: 10 },
});

/** A browser behind the web proxy, as the proxy presents it to the API. */
function viaProxy(clientIp: string, secret = PROXY_SECRET): ApiClient {
  return new ApiClient(server.current.url, {
    'x-shipshape-client-ip': clientIp,
    'x-shipshape-proxy-secret': secret,
  });
}

const failedLogin = (client: ApiClient, email = uniqueEmail('stranger')) =>
  client.call('auth.login', { email, password: 'wrong password!' });

describe('[auth][rate-limit][proxy] client addresses behind the web proxy', () => {
  it("31 strangers' failures through the proxy do not lock out another browser", async () => {
    const { user } = await signUp(server.current.url);
    const stranger = viaProxy('203.0.113.10');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await failedLogin(stranger)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);

    const owner = await viaProxy('198.51.100.20').call('auth.login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(owner.status).toBe(200);
  });

  it("a stranger's failures on an account do not lock its owner out from another address", async () => {
    const { user } = await signUp(server.current.url);
    const stranger = viaProxy('203.0.113.11');
    for (let i = 0; i < 10; i++) expect((await failedLogin(stranger, user.email)).status).toBe(401);
    expect((await failedLogin(stranger, user.email)).status).toBe(429);

    const owner = await viaProxy('198.51.100.21').call('auth.login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(owner.status).toBe(200);
  });

  it('a forged client address with a wrong or missing secret is keyed on the socket address', async () => {
    const forged = (i: number): ApiClient =>
      new ApiClient(server.current.url, {
        'x-shipshape-client-ip': `192.0.2.${i + 1}`,
        'x-forwarded-for': `192.0.2.${i + 1}`,
        ...(i % 2 === 0 ? { 'x-shipshape-proxy-secret': `${PROXY_SECRET}x` } : {}),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await failedLogin(forged(i))).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // The direct caller's socket address is now limited, whatever it claims…
    expect((await failedLogin(new ApiClient(server.current.url))).status).toBe(429);
    // …while a browser behind the real proxy is not.
    expect((await failedLogin(viaProxy('198.51.100.22'))).status).toBe(401);
  });

  it('a proxy header with the right secret but no valid address falls back to the socket', async () => {
    const result = await failedLogin(viaProxy('not-an-address'));
    // The socket (127.0.0.1) was limited by the previous test.
    expect(result.status).toBe(429);
  });
});
