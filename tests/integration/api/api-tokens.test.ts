// Personal API tokens: shown once, stored hashed, acting as their owner inside
// one workspace with at most their scopes and the owner's current role, dead
// at once when revoked, expired or the owner leaves, and rate-limited in
// Postgres across API processes.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type FastifyInstance } from '@shipshape/api-server';
import { ApiClient, type SignedUp } from '../../support/api-client';
import { rest } from '../../support/rest';
import { TEST_JWT_SECRET, useTestServer } from '../../support/server';
import { teamWithTwoProjects } from '../../support/teams';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const logger = pino({ level: 'info', redact: ['req.headers.authorization'] }, sink);
const RATE = { max: 40, windowMs: 60_000 };
const server = useTestServer({ logger, apiTokenRateLimit: RATE });

let team: Awaited<ReturnType<typeof teamWithTwoProjects>>;
let itemId: string;
let kpiId: string;

beforeAll(async () => {
  team = await teamWithTwoProjects(server.current);
  const items = await team.owner.client.ok('item.list', { projectId: team.churn.id });
  itemId = items.items.find((item) => item.parentId === null)!.id;
  const kpi = await team.owner.client.ok('kpi.create', {
    projectId: team.churn.id,
    name: 'AUC',
    kind: 'MODEL',
    unit: '',
    direction: 'HIGHER_IS_BETTER',
  });
  kpiId = kpi.id;
});

type Scope = 'read' | 'write';

async function mint(person: SignedUp, scopes: Scope[], workspaceId = team.workspaceId) {
  return person.client.ok('apiToken.create', { workspaceId, name: `CI ${scopes}`, scopes });
}

/** A tRPC client whose bearer credential is the API token. */
function asToken(token: string): ApiClient {
  const client = new ApiClient(server.current.url);
  client.accessToken = token;
  return client;
}

const record = (token: string, value = 0.8) =>
  rest(server.current.url, 'POST', `/kpis/${kpiId}/measurements`, { token, body: { value } });

describe('[tokens] creating and listing', () => {
  it('[tokens][viewer] a token is answered once, starts shp_, is stored as its SHA-256 and listed by its last four', async () => {
    const { id, token } = await mint(team.viewer, ['read']);
    expect(token).toMatch(/^shp_[A-Za-z0-9_-]{43}$/);
    const row = await server.current.database.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const listed = await team.viewer.client.ok('apiToken.list', { workspaceId: team.workspaceId });
    const mine = listed.find((entry) => entry.id === id);
    expect(mine).toMatchObject({ name: 'CI read', scopes: ['read'], lastFour: token.slice(-4) });
    expect(mine).toHaveProperty('createdAt');
    expect(mine).toMatchObject({ expiresAt: null, lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token.slice(4));
    // Others' tokens are not listed.
    const theirs = await team.owner.client.ok('apiToken.list', { workspaceId: team.workspaceId });
    expect(theirs.map((entry) => entry.id)).not.toContain(id);
  });

  it('[tokens] scopes must be a non-empty subset of read and write', async () => {
    for (const scopes of [[], ['admin'], ['read', 'read']]) {
      const result = await team.owner.client.callRaw('apiToken.create', {
        workspaceId: team.workspaceId,
        name: 'Bad',
        scopes,
      });
      expect(result.status, JSON.stringify(scopes)).toBe(400);
    }
  });

  it('[tokens] expiresInDays sets the expiry', async () => {
    const { id } = await team.owner.client.ok('apiToken.create', {
      workspaceId: team.workspaceId,
      name: 'Nightly',
      scopes: ['read'],
      expiresInDays: 30,
    });
    const listed = await team.owner.client.ok('apiToken.list', { workspaceId: team.workspaceId });
    const expiresAt = new Date(listed.find((entry) => entry.id === id)!.expiresAt!).getTime();
    expect(Math.abs(expiresAt - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
  });
});

describe('[tokens] scopes and roles', () => {
  it('[tokens][read] reads on tRPC and REST and cannot write', async () => {
    const { id, token } = await mint(team.member, ['read']);
    expect((await asToken(token).call('item.get', { itemId })).status).toBe(200);
    const viaRest = await rest(server.current.url, 'GET', `/items/${itemId}`, { token });
    expect(viaRest.status).toBe(200);
    expect(viaRest.body.id).toBe(itemId);
    const write = await asToken(token).call('kpi.record', { kpiId, value: 0.5 });
    expect(write.status).toBe(403);
    expect((await record(token)).status).toBe(403);
    const row = await server.current.database.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('[tokens][write] a write-only token writes and cannot read', async () => {
    const { token } = await mint(team.member, ['write']);
    expect((await record(token)).status).toBe(201);
    expect((await rest(server.current.url, 'GET', `/kpis/${kpiId}`, { token })).status).toBe(403);
  });

  it("[tokens] act with the owner's current role: demoted to VIEWER the write token cannot write, restored it can", async () => {
    const { token } = await mint(team.member, ['read', 'write']);
    expect((await record(token)).status).toBe(201);
    const db = server.current.database.db;
    const where = {
      workspaceId_userId: { workspaceId: team.workspaceId, userId: team.member.user.id },
    };
    await db.membership.update({ where, data: { role: 'VIEWER' } });
    expect((await record(token)).status).toBe(403);
    expect((await rest(server.current.url, 'GET', `/kpis/${kpiId}`, { token })).status).toBe(200);
    await db.membership.update({ where, data: { role: 'MEMBER' } });
    expect((await record(token)).status).toBe(201);
    // A VIEWER's write token is still a VIEWER.
    const viewers = await mint(team.viewer, ['read', 'write']);
    expect((await record(viewers.token)).status).toBe(403);
  });

  it('[tokens] can do nothing in another workspace, even one its owner is in', async () => {
    const other = await team.owner.client.ok('workspace.create', { name: 'Other team' });
    const project = await team.owner.client.ok('project.create', {
      workspaceId: other.id,
      name: 'Elsewhere',
    });
    const { token } = await mint(team.owner, ['read', 'write']);
    const client = asToken(token);
    expect((await client.call('project.get', { projectId: project.id })).status).toBe(404);
    expect((await client.call('workspace.get', { workspaceId: other.id })).status).toBe(404);
    const viaRest = await rest(server.current.url, 'GET', `/projects/${project.id}`, { token });
    expect(viaRest.status).toBe(404);
    const create = await rest(server.current.url, 'POST', `/workspaces/${other.id}/projects`, {
      token,
      body: { name: 'Sneaky' },
    });
    expect(create.status).toBe(404);
  });

  it('[tokens] cannot reach sign-in, token management or anything outside a workspace', async () => {
    const { id, token } = await mint(team.owner, ['read', 'write']);
    const client = asToken(token);
    for (const [path, input] of [
      ['auth.me', undefined],
      ['auth.logoutAll', undefined],
      ['auth.changePassword', { currentPassword: 'x'.repeat(12), newPassword: 'y'.repeat(12) }],
      ['apiToken.create', { workspaceId: team.workspaceId, name: 'Child', scopes: ['read'] }],
      ['apiToken.list', { workspaceId: team.workspaceId }],
      ['apiToken.revoke', { id }],
      ['workspace.list', undefined],
      ['workspace.create', { name: 'Token-made' }],
    ] as const) {
      expect((await client.callRaw(path, input)).status, path).toBe(403);
    }
    expect((await client.call('item.get', { itemId })).status).toBe(200);
  });
});

describe('[tokens] stopping', () => {
  it('[tokens] a revoked token is refused at once, on tRPC and REST; only its owner can revoke it', async () => {
    const { id, token } = await mint(team.member, ['read']);
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(200);
    expect((await team.owner.client.call('apiToken.revoke', { id })).status).toBe(404);
    await team.member.client.ok('apiToken.revoke', { id });
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(401);
    expect((await asToken(token).call('item.get', { itemId })).status).toBe(401);
    expect((await team.member.client.call('apiToken.revoke', { id })).status).toBe(404);
    const listed = await team.member.client.ok('apiToken.list', { workspaceId: team.workspaceId });
    expect(listed.map((entry) => entry.id)).not.toContain(id);
  });

  it('[tokens] "sign out everywhere" ends the tokens made before it, not those made after', async () => {
    const { addMember } = await import('../../support/teams');
    const person = await addMember(server.current, team.workspaceId, 'MEMBER', 'Leaving laptop');
    const before = await mint(person, ['read']);
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, before)).status).toBe(200);
    await person.client.ok('auth.logoutAll', {});
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, before)).status).toBe(401);
    expect((await asToken(before.token).call('item.get', { itemId })).status).toBe(401);
    // Signed in again, a new token works.
    const again = await person.client.ok('auth.login', {
      email: person.user.email,
      password: person.password,
    });
    person.client.accessToken = again.accessToken;
    const after = await mint(person, ['read']);
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, after)).status).toBe(200);
  });

  it('[tokens] one person holds at most 20 live tokens in a workspace (each has its own limit)', async () => {
    const { addMember } = await import('../../support/teams');
    const person = await addMember(server.current, team.workspaceId, 'MEMBER', 'Token hoarder');
    const minted = [];
    for (let i = 0; i < 20; i += 1) minted.push(await mint(person, ['read']));
    const refused = await person.client.call('apiToken.create', {
      workspaceId: team.workspaceId,
      name: 'one more',
      scopes: ['read'],
    });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/most allowed/);
    await person.client.ok('apiToken.revoke', { id: minted[0]!.id });
    await mint(person, ['read']);
  });

  it('[tokens] an expired token is refused', async () => {
    const { id, token } = await mint(team.member, ['read']);
    await server.current.database.db.apiToken.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(401);
  });

  it('[tokens] stops when its owner leaves, and stays dead if they come back', async () => {
    const { addMember } = await import('../../support/teams');
    const leaver = await addMember(server.current, team.workspaceId, 'MEMBER', 'Lee Leaver');
    const { token } = await mint(leaver, ['read']);
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(200);
    await team.owner.client.ok('workspace.removeMember', {
      workspaceId: team.workspaceId,
      userId: leaver.user.id,
    });
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(401);
    await server.current.database.db.membership.create({
      data: { workspaceId: team.workspaceId, userId: leaver.user.id, role: 'MEMBER' },
    });
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(401);
  });

  it('[tokens] a disabled account’s tokens are refused; an unknown or malformed token is 401', async () => {
    const { addMember } = await import('../../support/teams');
    const person = await addMember(server.current, team.workspaceId, 'MEMBER', 'Dee Disabled');
    const { token } = await mint(person, ['read']);
    await server.current.database.db.user.update({
      where: { id: person.user.id },
      data: { disabled: true },
    });
    expect((await rest(server.current.url, 'GET', `/items/${itemId}`, { token })).status).toBe(401);
    for (const bad of [`shp_${'A'.repeat(43)}`, 'shp_short', 'shp_ spaces in it']) {
      const result = await rest(server.current.url, 'GET', `/items/${itemId}`, { token: bad });
      expect(result.status, bad).toBe(401);
    }
  });
});

describe('[tokens] rate limit and logging', () => {
  let second: FastifyInstance;
  let secondUrl: string;
  beforeAll(async () => {
    // Another API process over the same database: the limit is shared.
    second = await buildServer({
      db: server.current.database.db,
      jwtSecret: TEST_JWT_SECRET,
      webOrigins: [],
      apiTokenRateLimit: RATE,
    });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.server.address();
    secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => second?.close());

  it('[tokens] the limit is per token and shared by API processes: then 429 with Retry-After', async () => {
    const { token } = await mint(team.member, ['read']);
    const other = await mint(team.member, ['read']);
    for (let call = 0; call < RATE.max; call++) {
      const base = call % 2 === 0 ? server.current.url : secondUrl;
      const result = await rest(base, 'GET', `/items/${itemId}`, { token });
      expect(result.status, `call ${call + 1}`).toBe(200);
    }
    const limited = await rest(secondUrl, 'GET', `/items/${itemId}`, { token });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const viaTrpc = await asToken(token).call('item.get', { itemId });
    expect(viaTrpc.status).toBe(429);
    expect(Number(viaTrpc.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another token of the same person is not limited.
    const fresh = await rest(server.current.url, 'GET', `/items/${itemId}`, { token: other.token });
    expect(fresh.status).toBe(200);
  });

  it('[tokens] creation, use, refusal and revocation are security events; the token is never logged', async () => {
    const { id, token } = await mint(team.admin, ['read']);
    await rest(server.current.url, 'GET', `/items/${itemId}`, { token });
    await team.admin.client.ok('apiToken.revoke', { id });
    await rest(server.current.url, 'GET', `/items/${itemId}`, { token });
    const events = lines.filter((line) => typeof line.security === 'string');
    const of = (name: string) => events.filter((event) => event.security === name);
    expect(of('api_token.created').some((e) => e.tokenId === id)).toBe(true);
    expect(of('api_token.used').some((e) => e.tokenId === id && e.path === 'item.get')).toBe(true);
    expect(of('api_token.revoked').some((e) => e.tokenId === id)).toBe(true);
    expect(of('api_token.refused').length).toBeGreaterThan(0);
    expect(of('api_token.rate_limited').length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(token.slice(4));
  });
});
