// Every REST route (/api/v1), over real HTTP with an API token: what it
// answers, and the 400/401/403/404/409 a REST client expects.
import { beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../../support/rest';
import { useTestServer } from '../../support/server';
import { teamWithTwoProjects } from '../../support/teams';

const server = useTestServer();
let team: Awaited<ReturnType<typeof teamWithTwoProjects>>;
let owner: string; // a read+write token of the OWNER
let viewer: string; // a read+write token of a VIEWER
let readOnly: string; // a read token of the OWNER
const NO_SUCH_ID = '01890000-0000-7000-8000-000000000000';

const call = (
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    query?: Record<string, string>;
    rawBody?: string;
  } = {},
) => rest(server.current.url, method, path, { token: owner, ...options });

beforeAll(async () => {
  team = await teamWithTwoProjects(server.current);
  const mint = async (who: typeof team.owner, scopes: Array<'read' | 'write'>) =>
    (await who.client.ok('apiToken.create', { workspaceId: team.workspaceId, name: 'T', scopes }))
      .token;
  owner = await mint(team.owner, ['read', 'write']);
  viewer = await mint(team.viewer, ['read', 'write']);
  readOnly = await mint(team.owner, ['read']);
});

describe('[rest] workspaces and projects', () => {
  it('[rest] GET a workspace and its members', async () => {
    const workspace = await call('GET', `/workspaces/${team.workspaceId}`);
    expect(workspace.status).toBe(200);
    expect(workspace.body).toMatchObject({ id: team.workspaceId, name: 'ML team' });
    const members = await call('GET', `/workspaces/${team.workspaceId}/members`);
    expect(members.status).toBe(200);
    expect(members.body).toHaveLength(4);
  });

  it('[rest] lists (query params coerced), creates, gets and updates projects; a stale version is 409 with the current row', async () => {
    const page = await call('GET', `/workspaces/${team.workspaceId}/projects`, {
      query: { limit: '1', archived: 'false' },
    });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const created = await call('POST', `/workspaces/${team.workspaceId}/projects`, {
      body: { name: 'Made over REST', description: 'from a script' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call('GET', `/projects/${id}`)).body).toMatchObject({ name: 'Made over REST' });
    const updated = await call('PATCH', `/projects/${id}`, {
      body: { expectedVersion: created.body.version, description: 'edited' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.description).toBe('edited');
    const stale = await call('PATCH', `/projects/${id}`, {
      body: { expectedVersion: created.body.version, description: 'late' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', current: { description: 'edited' } });
    expect(stale.body.requestId).toEqual(expect.any(String));
  });
});

describe('[rest] stages, items, evidence and comments', () => {
  it('[rest] stages list with progress, and one stage with its items', async () => {
    const stages = await call('GET', `/projects/${team.churn.id}/stages`);
    expect(stages.status).toBe(200);
    const stage = await call('GET', `/projects/${team.churn.id}/stages/data`);
    expect(stage.status).toBe(200);
    expect(JSON.stringify(stage.body)).toContain('"items"');
  });

  it('[rest] items: list with filters, get, update status, assignee, due date and notes; 409 on a stale version', async () => {
    const list = await call('GET', `/projects/${team.churn.id}/items`, {
      query: { status: 'TODO', limit: '5', stageKey: 'data' },
    });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const item =
      list.body.items.find((candidate: { parentId: string | null }) => !candidate.parentId) ??
      list.body.items[0];
    expect((await call('GET', `/items/${item.id}`)).body.id).toBe(item.id);
    const updated = await call('PATCH', `/items/${item.id}`, {
      body: {
        expectedVersion: item.version,
        status: 'IN_PROGRESS',
        assigneeId: team.member.user.id,
        dueDate: '2027-01-31',
        notes: 'Pipeline running',
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      status: 'IN_PROGRESS',
      dueDate: '2027-01-31',
      notes: 'Pipeline running',
    });
    const stale = await call('PATCH', `/items/${item.id}`, {
      body: { expectedVersion: item.version, status: 'DONE' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: item.id, version: updated.body.version });
  });

  it('[rest] evidence is attached and removed; comments are listed and added', async () => {
    const item = (await call('GET', `/projects/${team.churn.id}/items`, { query: { limit: '1' } }))
      .body.items[0];
    const attached = await call('POST', `/items/${item.id}/evidence`, {
      body: {
        expectedVersion: item.version,
        kind: 'OTHER',
        url: 'https://ci.example.test/runs/42',
        label: 'CI run #42',
      },
    });
    expect(attached.status).toBe(201);
    const evidence = attached.body.evidence.find(
      (e: { label: string }) => e.label === 'CI run #42',
    );
    expect(evidence).toBeTruthy();
    const removed = await call('DELETE', `/evidence/${evidence.id}`, {
      query: { expectedVersion: String(attached.body.version) },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.evidence.some((e: { id: string }) => e.id === evidence.id)).toBe(false);
    const added = await call('POST', `/items/${item.id}/comments`, { body: { body: 'From CI' } });
    expect(added.status).toBe(201);
    const comments = await call('GET', `/items/${item.id}/comments`);
    expect(comments.status).toBe(200);
    expect(comments.body.items.map((c: { body: string }) => c.body)).toContain('From CI');
  });
});

describe('[rest] KPIs, measurements and lessons', () => {
  it('[rest] KPIs are created, listed and read; measurements are recorded one at a time and in bulk', async () => {
    const created = await call('POST', `/projects/${team.churn.id}/kpis`, {
      body: {
        name: 'Val AUC',
        kind: 'MODEL',
        unit: '',
        direction: 'HIGHER_IS_BETTER',
        baseline: 0.7,
        target: 0.9,
      },
    });
    expect(created.status).toBe(201);
    const kpiId = created.body.id as string;
    const recorded = await call('POST', `/kpis/${kpiId}/measurements`, {
      body: { value: 0.83, recordedAt: '2026-11-29T10:00:00Z', note: 'epoch 12' },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.id).toBe(kpiId);
    const bulk = await call('POST', `/kpis/${kpiId}/measurements/bulk`, {
      body: {
        measurements: [
          { value: 0.84, recordedAt: '2026-11-29T11:00:00Z' },
          { value: 0.845, recordedAt: '2026-11-29T11:30:00Z', note: 'epoch 14' },
        ],
      },
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body.recorded).toBe(2);
    const csv = await call('POST', `/kpis/${kpiId}/measurements/csv`, {
      body: { csv: 'value,recordedAt\n0.85,2026-11-29T12:00:00Z\n' },
    });
    expect(csv.status).toBe(201);
    expect(csv.body.recorded).toBe(1);
    const future = await call('POST', `/kpis/${kpiId}/measurements/bulk`, {
      body: { measurements: [{ value: 1 }, { value: 1, recordedAt: '2099-01-01T00:00:00Z' }] },
    });
    expect(future.status).toBe(400);
    expect(future.body.rowErrors).toEqual([{ row: 2, message: expect.any(String) }]);
    const kpi = await call('GET', `/kpis/${kpiId}`);
    expect(kpi.status).toBe(200);
    expect(JSON.stringify(kpi.body)).toContain('0.85');
    const list = await call('GET', `/projects/${team.churn.id}/kpis`, {
      query: { includeArchived: 'true' },
    });
    expect(list.body.map((k: { id: string }) => k.id)).toContain(kpiId);
    const badRows = await call('POST', `/kpis/${kpiId}/measurements/csv`, {
      body: { csv: 'value\nnot-a-number\n' },
    });
    expect(badRows.status).toBe(400);
    expect(badRows.body.rowErrors?.length).toBeGreaterThan(0);
  });

  it('[rest] lessons are created, read, listed and searched', async () => {
    const created = await call('POST', `/projects/${team.churn.id}/lessons`, {
      body: {
        stageKey: 'data',
        title: 'Target leakage through the customer id',
        tried: 'Training on raw ids.',
        happened: 'Validation AUC of 0.99, production 0.6.',
        learnt: 'Drop identifiers before training.',
        tags: ['leakage'],
      },
    });
    expect(created.status).toBe(201);
    expect((await call('GET', `/lessons/${created.body.id}`)).body.title).toContain('leakage');
    const found = await call('GET', `/workspaces/${team.workspaceId}/lessons`, {
      query: { q: 'leakage' },
    });
    expect(found.status).toBe(200);
    expect(JSON.stringify(found.body)).toContain(created.body.id);
  });
});

describe('[rest] errors a REST client expects', () => {
  it('[rest] 400 for invalid input, with field errors and no internals', async () => {
    const item = (await call('GET', `/projects/${team.churn.id}/items`, { query: { limit: '1' } }))
      .body.items[0];
    const bad = await call('PATCH', `/items/${item.id}`, {
      body: { expectedVersion: item.version, status: 'NOPE' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.body.fieldErrors)).toContain('status');
    const unknown = await call('PATCH', `/items/${item.id}`, {
      body: { expectedVersion: 1, colour: 'red' },
    });
    expect(unknown.status).toBe(400);
    expect(
      (await call('GET', `/projects/${team.churn.id}/items`, { query: { limit: 'many' } })).status,
    ).toBe(400);
    expect((await call('GET', `/items/not-an-id`)).status).toBe(400);
    expect((await call('POST', `/items/${item.id}/comments`, { body: ['a list'] })).status).toBe(
      400,
    );
    expect(
      (await call('POST', `/items/${item.id}/comments`, { rawBody: '{"body": ' })).status,
    ).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/invalid_type|prisma|SELECT/i);
  });

  it('[rest] 401 without a credential or with a bad one; a session access token works too', async () => {
    const none = await rest(server.current.url, 'GET', `/projects/${team.churn.id}`);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHORIZED');
    expect(
      (await call('GET', `/projects/${team.churn.id}`, { token: `shp_${'x'.repeat(43)}` })).status,
    ).toBe(401);
    const session = await call('GET', `/projects/${team.churn.id}`, {
      token: team.owner.client.accessToken,
    });
    expect(session.status).toBe(200);
  });

  it('[rest] 403 for a role or a scope that does not allow the call', async () => {
    const byViewer = await call('POST', `/projects/${team.churn.id}/kpis`, {
      token: viewer,
      body: { name: 'X', kind: 'MODEL', unit: '', direction: 'HIGHER_IS_BETTER' },
    });
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.message).toMatch(/VIEWER/);
    const byReadToken = await call('POST', `/items/${NO_SUCH_ID}/comments`, {
      token: readOnly,
      body: { body: 'x' },
    });
    expect(byReadToken.status).toBe(403);
    expect((await call('GET', `/projects/${team.churn.id}`, { token: viewer })).status).toBe(200);
  });

  it('[rest] 404 for what does not exist, and for unknown routes', async () => {
    for (const path of [
      `/projects/${NO_SUCH_ID}`,
      `/items/${NO_SUCH_ID}`,
      `/kpis/${NO_SUCH_ID}`,
      `/lessons/${NO_SUCH_ID}`,
    ]) {
      const result = await call('GET', path);
      expect(result.status, path).toBe(404);
      expect(result.body.code).toBe('NOT_FOUND');
    }
    expect((await call('GET', '/no-such-route')).status).toBe(404);
  });
});
