import { createHash, createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiClient, STRONG_PASSWORD, signUp, uniqueEmail } from '../../support/api-client';
import { TEST_JWT_SECRET, useTestServer } from '../../support/server';

const server = useTestServer();
const url = () => server.current.url;

function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: string | Buffer = TEST_JWT_SECRET,
  hmac = 'sha256',
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(payload)}`;
  return `${unsigned}.${createHmac(hmac, key).update(unsigned).digest('base64url')}`;
}

function validPayload(
  userId: string,
  sv: number,
  sid: string,
  overrides: Record<string, unknown> = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    sv,
    sid,
    typ: 'access',
    iss: 'shipshape',
    aud: 'shipshape-api',
    iat: now,
    exp: now + 900,
    ...overrides,
  };
}

const db = () => server.current.database.db;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session (refresh-token family) a user's only session belongs to. */
async function sessionIdOf(userId: string): Promise<string> {
  const row = await db().refreshToken.findFirstOrThrow({ where: { userId } });
  return row.familyId;
}

/** Moves a refresh token's rotation back in time, past the reuse grace window. */
async function rotatedSecondsAgo(token: string, seconds: number): Promise<void> {
  await db().refreshToken.update({
    where: { tokenHash: sha256(token) },
    data: { rotatedAt: new Date(Date.now() - seconds * 1000) },
  });
}

describe('[auth][register] accounts', () => {
  it('registers, returns an access token and sets an httpOnly SameSite=Lax refresh cookie', async () => {
    const client = new ApiClient(url());
    const email = uniqueEmail('Reg');
    const result = await client.call('auth.register', {
      email: `  ${email.toUpperCase()} `,
      password: STRONG_PASSWORD,
      name: 'Ada Lovelace',
    });
    expect(result.status).toBe(200);
    expect(result.data.user.email).toBe(email.toLowerCase());
    expect(result.data.accessToken.split('.')).toHaveLength(3);
    const cookie = result.headers.getSetCookie().find((c) => c.startsWith('shipshape_refresh='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(JSON.stringify(result.data)).not.toMatch(/passwordHash|argon2/);
  });

  it('emails are unique case-insensitively', async () => {
    const email = uniqueEmail('dup');
    await signUp(url(), { email });
    const again = await new ApiClient(url()).call('auth.register', {
      email: email.toUpperCase(),
      password: STRONG_PASSWORD,
      name: 'Someone Else',
    });
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe('An account with this email already exists.');
  });

  it('refuses short passwords and passwords made of the email or name, with field messages', async () => {
    const client = new ApiClient(url());
    const short = await client.call('auth.register', {
      email: uniqueEmail(),
      password: 'short',
      name: 'X',
    });
    expect(short.status).toBe(400);
    expect(short.error?.data.fieldErrors?.password?.[0]).toBe('must be at least 10 characters');

    const email = uniqueEmail('grace');
    const withEmail = await client.call('auth.register', {
      email,
      password: `${email.split('@')[0]}!!`,
      name: 'Grace Hopper',
    });
    expect(withEmail.status).toBe(400);
    expect(withEmail.error?.message).toBe('Password must not contain your email address.');

    const withName = await client.call('auth.register', {
      email: uniqueEmail(),
      password: 'hopper-is-great-2024',
      name: 'Grace Hopper',
    });
    expect(withName.error?.message).toBe('Password must not contain your name.');
  });

  it('refuses unknown keys (mass assignment) and malformed emails', async () => {
    const client = new ApiClient(url());
    const extra = await client.callRaw('auth.register', {
      email: uniqueEmail(),
      password: STRONG_PASSWORD,
      name: 'Mallory',
      disabled: false,
      role: 'OWNER',
    });
    expect(extra.status).toBe(400);
    expect(extra.error?.data.fieldErrors).toMatchObject({
      disabled: ['is not an accepted field'],
      role: ['is not an accepted field'],
    });
    const bad = await client.call('auth.register', {
      email: 'nope',
      password: STRONG_PASSWORD,
      name: 'N',
    });
    expect(bad.error?.data.fieldErrors?.email?.[0]).toBe('must be a valid email address');
  });
});

describe('[auth][login] signing in', () => {
  it('logs in with the right password and answers the same error for unknown email and wrong password', async () => {
    const { user } = await signUp(url());
    const client = new ApiClient(url());
    const good = await client.call('auth.login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(good.status).toBe(200);
    expect(good.data.user).toEqual(user);

    const wrong = await client.call('auth.login', {
      email: user.email,
      password: 'wrong password!',
    });
    const unknown = await client.call('auth.login', {
      email: uniqueEmail(),
      password: 'wrong password!',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error?.message).toBe('Email or password is incorrect.');
    expect(unknown.error?.message).toBe(wrong.error?.message);
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const { user } = await signUp(url());
    const client = new ApiClient(url());
    const time = async (email: string) => {
      const start = performance.now();
      await client.call('auth.login', { email, password: 'wrong password!' });
      return performance.now() - start;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrong.push(await time(user.email));
      unknown.push(await time(uniqueEmail()));
    }
    // Without the dummy hash an unknown email answers ~30x faster; allow noise.
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('a disabled account cannot log in', async () => {
    const { user } = await signUp(url());
    await server.current.database.db.user.update({
      where: { id: user.id },
      data: { disabled: true },
    });
    const result = await new ApiClient(url()).call('auth.login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(result.status).toBe(401);
  });
});

describe('[auth][refresh] rotation and reuse detection', () => {
  it('rotates the refresh token on every use', async () => {
    const { client } = await signUp(url());
    const first = client.cookies.get('shipshape_refresh');
    const refreshed = await client.call('auth.refresh');
    expect(refreshed.status).toBe(200);
    const second = client.cookies.get('shipshape_refresh');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    client.accessToken = refreshed.data.accessToken;
    expect((await client.call('auth.me')).status).toBe(200);
    // Stored hashed: the raw token appears nowhere in the database.
    const stored = await server.current.database.db.refreshToken.findMany({
      where: { userId: refreshed.data.user.id },
    });
    expect(stored.length).toBe(2);
    for (const row of stored) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect([first, second]).not.toContain(row.tokenHash);
    }
  });

  it('reusing a rotated refresh token after the grace window revokes the whole family', async () => {
    const { client } = await signUp(url());
    const stolen = client.cookies.get('shipshape_refresh')!;
    const rotated = await client.ok('auth.refresh'); // the legitimate user rotates
    client.accessToken = rotated.accessToken;
    await rotatedSecondsAgo(stolen, 11);
    const thief = new ApiClient(url());
    thief.cookies.set('shipshape_refresh', stolen);
    const replay = await thief.call('auth.refresh');
    expect(replay.status).toBe(401);
    // The legitimate user's current token is now revoked too, access included.
    expect((await client.call('auth.me')).status).toBe(401);
    const after = await client.call('auth.refresh');
    expect(after.status).toBe(401);
  });

  it('a reuse within the grace window (a reload racing a refresh) gets a session and revokes nothing', async () => {
    const { client, user } = await signUp(url());
    const sessionId = await sessionIdOf(user.id);
    const old = client.cookies.get('shipshape_refresh')!;
    await client.ok('auth.refresh');
    await rotatedSecondsAgo(old, 8);
    const reloaded = new ApiClient(url());
    reloaded.cookies.set('shipshape_refresh', old);
    const again = await reloaded.call('auth.refresh');
    expect(again.status).toBe(200);
    reloaded.accessToken = again.data.accessToken;
    expect((await reloaded.call('auth.me')).status).toBe(200);
    // Both descendants stay usable, in the same session; nothing was revoked.
    expect((await client.call('auth.refresh')).status).toBe(200);
    expect((await reloaded.call('auth.refresh')).status).toBe(200);
    const rows = await db().refreshToken.findMany({ where: { userId: user.id } });
    expect(rows.every((row) => row.familyId === sessionId && row.revokedAt === null)).toBe(true);
  });

  it('two concurrent uses of one refresh token both succeed within the grace window', async () => {
    const { client } = await signUp(url());
    const token = client.cookies.get('shipshape_refresh')!;
    const tabs = [new ApiClient(url()), new ApiClient(url())];
    for (const tab of tabs) tab.cookies.set('shipshape_refresh', token);
    const results = await Promise.all(tabs.map((tab) => tab.call('auth.refresh')));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    for (const [i, tab] of tabs.entries()) {
      tab.accessToken = results[i]!.data.accessToken;
      expect((await tab.call('auth.me')).status).toBe(200);
    }
  });

  it('a refused refresh says whether a session ended, so the sign-in page can tell the user', async () => {
    const none = await new ApiClient(url()).call('auth.refresh');
    expect(none.status).toBe(401);
    expect(none.error?.data).not.toHaveProperty('reason');

    const { client } = await signUp(url());
    const token = client.cookies.get('shipshape_refresh')!;
    await client.ok('auth.logout');
    const ended = new ApiClient(url());
    ended.cookies.set('shipshape_refresh', token);
    const result = await ended.call('auth.refresh');
    expect(result.status).toBe(401);
    expect(result.error?.data).toMatchObject({ reason: 'session-ended' });
  });

  it('without a cookie, refresh is refused', async () => {
    expect((await new ApiClient(url()).call('auth.refresh')).status).toBe(401);
  });
});

describe('[auth][logout] ending sessions', () => {
  it('logout revokes the refresh token and clears the cookie', async () => {
    const { client } = await signUp(url());
    const token = client.cookies.get('shipshape_refresh')!;
    const result = await client.call('auth.logout');
    expect(result.status).toBe(200);
    expect(client.cookies.has('shipshape_refresh')).toBe(false);
    const replay = new ApiClient(url());
    replay.cookies.set('shipshape_refresh', token);
    expect((await replay.call('auth.refresh')).status).toBe(401);
  });

  it("logout ends that session's access token at once, and only that session's", async () => {
    const { client, user } = await signUp(url());
    const workspace = await client.ok('workspace.create', { name: 'Logout' });
    const laptop = new ApiClient(url());
    laptop.accessToken = (
      await laptop.ok('auth.login', { email: user.email, password: STRONG_PASSWORD })
    ).accessToken;
    const stale = new ApiClient(url());
    stale.accessToken = client.accessToken;

    await client.ok('auth.logout');
    const me = await stale.call('auth.me');
    expect(me.status).toBe(401);
    expect(me.error?.data.code).toBe('UNAUTHORIZED');
    // Workspace procedures check the session in their one statement too.
    expect((await stale.call('workspace.get', { workspaceId: workspace.id })).status).toBe(401);
    // The laptop's session is another one, and goes on.
    expect((await laptop.call('auth.me')).status).toBe(200);
    expect((await laptop.call('workspace.get', { workspaceId: workspace.id })).status).toBe(200);
  });

  it('logoutAll refuses access tokens issued before it at once', async () => {
    const { client } = await signUp(url());
    const other = new ApiClient(url());
    other.accessToken = client.accessToken;
    expect((await other.call('auth.me')).status).toBe(200);
    await client.ok('auth.logoutAll');
    expect((await other.call('auth.me')).status).toBe(401);
  });

  it('changing the password revokes every other session and keeps the caller signed in', async () => {
    const { client, user } = await signUp(url());
    const laptop = new ApiClient(url());
    const laptopSession = await laptop.ok('auth.login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    laptop.accessToken = laptopSession.accessToken;

    const wrongCurrent = await client.call('auth.changePassword', {
      currentPassword: 'not my password',
      newPassword: 'a brand new passphrase',
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.error?.message).toBe('The current password is incorrect.');

    const changed = await client.call('auth.changePassword', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(200);
    client.accessToken = changed.data.accessToken;
    expect((await client.call('auth.me')).status).toBe(200);
    expect((await laptop.call('auth.me')).status).toBe(401);
    expect((await laptop.call('auth.refresh')).status).toBe(401);
    const oldPassword = await new ApiClient(url()).call('auth.login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(oldPassword.status).toBe(401);
    const newPassword = await new ApiClient(url()).call('auth.login', {
      email: user.email,
      password: 'a brand new passphrase',
    });
    expect(newPassword.status).toBe(200);
  });
});

describe('[auth][tokens] forged and misused access tokens are refused', () => {
  it('accepts a well-formed token signed with the secret (control)', async () => {
    const { user } = await signUp(url());
    const row = await server.current.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const client = new ApiClient(url());
    client.accessToken = signJwt(
      { alg: 'HS256', typ: 'JWT' },
      validPayload(user.id, row.sessionsValidAfter.getTime(), await sessionIdOf(user.id)),
    );
    expect((await client.call('auth.me')).status).toBe(200);
  });

  it.each([
    [
      'alg none',
      (id: string, sv: number, sid: string) => {
        const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(validPayload(id, sv, sid))}.`;
      },
    ],
    [
      'another HMAC algorithm',
      (id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS512', typ: 'JWT' }, validPayload(id, sv, sid), TEST_JWT_SECRET, 'sha512'),
    ],
    [
      'RS256 confusion (HMAC keyed with a public key)',
      (id: string, sv: number, sid: string) => {
        const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const pem = publicKey.export({ type: 'spki', format: 'pem' });
        return signJwt({ alg: 'RS256', typ: 'JWT' }, validPayload(id, sv, sid), pem);
      },
    ],
    [
      'the wrong secret',
      (id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv, sid), 'x'.repeat(48)),
    ],
    [
      'expired',
      (id: string, sv: number, sid: string) => {
        const past = Math.floor(Date.now() / 1000) - 3600;
        return signJwt(
          { alg: 'HS256', typ: 'JWT' },
          validPayload(id, sv, sid, { iat: past - 900, exp: past }),
        );
      },
    ],
    [
      'too old (iat beyond max age)',
      (id: string, sv: number, sid: string) => {
        const now = Math.floor(Date.now() / 1000);
        return signJwt(
          { alg: 'HS256', typ: 'JWT' },
          validPayload(id, sv, sid, { iat: now - 7200, exp: now + 600 }),
        );
      },
    ],
    [
      'the wrong audience',
      (id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv, sid, { aud: 'another-app' })),
    ],
    [
      'the wrong issuer',
      (id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv, sid, { iss: 'evil' })),
    ],
    [
      'not an access token',
      (id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv, sid, { typ: 'refresh' })),
    ],
    [
      'an unknown user',
      (_id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(randomUUID(), sv, sid)),
    ],
    [
      'a token version from before the last password change',
      (id: string, sv: number, sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv - 1, sid)),
    ],
    [
      "a session id that is not one of the user's sessions",
      (id: string, sv: number, _sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv, randomUUID())),
    ],
    [
      'no session id',
      (id: string, sv: number, _sid: string) =>
        signJwt({ alg: 'HS256', typ: 'JWT' }, validPayload(id, sv, '', { sid: undefined })),
    ],
  ])('%s', async (_name, forge) => {
    const { user } = await signUp(url());
    const row = await server.current.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const client = new ApiClient(url());
    client.accessToken = forge(
      user.id,
      row.sessionsValidAfter.getTime(),
      await sessionIdOf(user.id),
    );
    const result = await client.call('auth.me');
    expect(result.status).toBe(401);
    expect(result.error?.data.code).toBe('UNAUTHORIZED');
  });

  it('a refresh token used as an access token is refused', async () => {
    const { client } = await signUp(url());
    const misuse = new ApiClient(url());
    misuse.accessToken = client.cookies.get('shipshape_refresh');
    expect((await misuse.call('auth.me')).status).toBe(401);
  });
});

describe('[auth][csrf] cross-site requests', () => {
  it('refuses form and octet-stream POSTs to tRPC', async () => {
    for (const contentType of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
    ]) {
      const response = await fetch(`${url()}/trpc/auth.logout`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: 'a=b',
      });
      expect(response.status, contentType).toBe(415);
    }
  });

  it('refuses a foreign Origin and Sec-Fetch-Site: cross-site; allows the web origin', async () => {
    const { client } = await signUp(url());
    const foreign = await client.call('auth.refresh', undefined, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await client.call('auth.refresh', undefined, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const fromWeb = await client.call('auth.refresh', undefined, {
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(fromWeb.status).toBe(200);
  });

  it('sends security headers and CORS only for the web origin', async () => {
    const allowed = await fetch(`${url()}/healthz`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    const other = await fetch(`${url()}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
