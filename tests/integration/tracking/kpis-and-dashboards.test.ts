import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedUp } from '../../support/api-client';
import type { ProcedureInput } from '../../support/api-types';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';
import { joinByInvitation } from '../../support/teams';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

let lead: SignedUp;
let viewer: SignedUp;
let workspaceId: string;
let projectId: string;

beforeAll(async () => {
  lead = await signUp(url(), { name: 'Kim Lead' });
  const workspace = await lead.client.ok('workspace.create', {
    name: 'Forecasting',
  });
  workspaceId = workspace.id;
  const templates = await builtInTemplates(db());
  projectId = (
    await lead.client.ok('project.create', {
      workspaceId,
      name: 'Demand',
      templateId: templates.v2,
    })
  ).id;
  viewer = await signUp(url(), { name: 'Val Viewer' });
  await joinByInvitation(lead.client, workspaceId, viewer, 'VIEWER');
});

async function newKpi(overrides: Partial<ProcedureInput<'kpi.create'>> = {}) {
  return lead.client.ok('kpi.create', {
    projectId,
    name: 'MAPE',
    kind: 'MODEL',
    unit: '%',
    direction: 'LOWER_IS_BETTER',
    baseline: 20,
    target: 10,
    ...overrides,
  });
}

describe('[kpis] definitions and measurements', () => {
  it('records values; the list shows latest, change vs baseline, progress and on-track', async () => {
    const kpi = await newKpi({ stageKey: 'modelling' });
    expect(kpi).toMatchObject({ latest: null, onTrack: null, stageKey: 'modelling' });
    await lead.client.ok('kpi.record', {
      kpiId: kpi.id,
      value: 18,
      recordedAt: '2026-01-01T00:00:00Z',
    });
    await lead.client.ok('kpi.record', {
      kpiId: kpi.id,
      value: 14,
      recordedAt: '2026-02-01T00:00:00Z',
    });
    const list = await viewer.client.ok('kpi.list', { projectId });
    const shown = list.find((k) => k.id === kpi.id)!;
    expect(shown.latest).toBe(14);
    expect(shown.changeVsBaseline).toBe(-6);
    expect(shown.progressToTarget).toBeCloseTo(0.6);
    expect(shown.onTrack).toBe(true);
  });

  it('refuses a non-finite value, an unknown stage, and a viewer recording', async () => {
    const kpi = await newKpi();
    const nan = await lead.client.callRaw('kpi.record', { kpiId: kpi.id, value: 'NaN' });
    expect(nan.status).toBe(400);
    const stage = await lead.client.call('kpi.create', {
      projectId,
      name: 'X',
      kind: 'SYSTEM',
      unit: 'ms',
      direction: 'LOWER_IS_BETTER',
      stageKey: 'no-such-stage',
    });
    expect(stage.error?.message).toBe('This project has no stage "no-such-stage".');
    expect((await viewer.client.call('kpi.record', { kpiId: kpi.id, value: 1 })).status).toBe(403);
  });

  it('update needs the current version; archive hides it from the list', async () => {
    const kpi = await newKpi({ name: 'Coverage' });
    const updated = await lead.client.ok('kpi.update', {
      kpiId: kpi.id,
      expectedVersion: kpi.version,
      target: 5,
    });
    const stale = await lead.client.call('kpi.update', {
      kpiId: kpi.id,
      expectedVersion: kpi.version,
      target: 1,
    });
    expect(stale.status).toBe(409);
    await lead.client.ok('kpi.archive', { kpiId: kpi.id, expectedVersion: updated.version });
    expect((await lead.client.ok('kpi.list', { projectId })).map((k) => k.id)).not.toContain(
      kpi.id,
    );
    expect(
      (await lead.client.ok('kpi.list', { projectId, includeArchived: true })).map((k) => k.id),
    ).toContain(kpi.id);
  });
});

describe('[kpis][bulk] CSV import', () => {
  it('stores 10 000 rows at once', async () => {
    const kpi = await newKpi({ name: 'Bulk' });
    const start = Date.parse('2025-01-01T00:00:00Z');
    const csv = ['recordedAt,value'].concat(
      Array.from(
        { length: 10_000 },
        (_, i) => `${new Date(start + i * 3_600_000).toISOString()},${(i % 97) / 10}`,
      ),
    );
    const result = await lead.client.ok('kpi.recordMany', {
      kpiId: kpi.id,
      csv: csv.join('\n'),
    });
    expect(result.recorded).toBe(10_000);
    expect(await db().kpiMeasurement.count({ where: { kpiId: kpi.id } })).toBe(10_000);

    const series = await lead.client.ok('kpi.series', { kpiId: kpi.id });
    expect(series.points.length).toBeLessThanOrEqual(500);
    expect(series.points.length).toBeGreaterThan(400);
    expect(series.points.reduce((sum, p) => sum + p.count, 0)).toBe(10_000);
    for (const p of series.points) {
      expect(p.min).toBeLessThanOrEqual(p.avg);
      expect(p.avg).toBeLessThanOrEqual(p.max);
    }
    const window = await lead.client.ok('kpi.series', {
      kpiId: kpi.id,
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-02T00:00:00Z',
    });
    expect(window.bucketMs).toBeNull();
    expect(window.points).toHaveLength(25);
  });

  it('one bad row refuses the whole file, with row numbers', async () => {
    const kpi = await newKpi({ name: 'Strict' });
    const result = await lead.client.call('kpi.recordMany', {
      kpiId: kpi.id,
      csv: 'value,note\n1.5,ok\n0,93,comma\nabc,bad\n2.5,fine\n',
    });
    expect(result.status).toBe(400);
    const rows = result.error?.data.rowErrors ?? [];
    expect(rows.map((r) => r.row)).toEqual([3, 4]);
    expect(await db().kpiMeasurement.count({ where: { kpiId: kpi.id } })).toBe(0);
  });
});

describe('[dashboards] project, stage and portfolio', () => {
  it('percent done per stage leaves NOT_APPLICABLE out; overdue, blocked and workload show', async () => {
    const items = (
      await lead.client.ok('item.list', {
        projectId,
        stageKey: 'product',
        limit: 500,
      })
    ).items;
    const leaves = items.filter((i) => !items.some((c) => c.parentId === i.id));
    expect(leaves.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = leaves;
    await lead.client.ok('item.update', {
      itemId: a!.id,
      expectedVersion: a!.version,
      status: 'DONE',
    });
    await lead.client.ok('item.update', {
      itemId: b!.id,
      expectedVersion: b!.version,
      status: 'NOT_APPLICABLE',
      notApplicableReason: 'No UI',
    });
    await lead.client.ok('item.update', {
      itemId: c!.id,
      expectedVersion: c!.version,
      status: 'BLOCKED',
      dueDate: '2020-05-01',
      assigneeId: lead.user.id,
    });
    const dashboard = await viewer.client.ok('dashboard.project', { projectId });
    const product = dashboard.stages.find((s) => s.key === 'product')!;
    expect(product.total).toBe(items.length);
    expect(product.applicable).toBe(items.length - 1);
    expect(product.done).toBe(1);
    expect(product.percentDone).toBeCloseTo(Math.round(1000 / (items.length - 1)) / 10, 1);
    expect(product.overdue).toBe(1);
    expect(product.state).toBe('blocked');
    expect(dashboard.overdueItems.map((i) => i.id)).toContain(c!.id);
    expect(dashboard.blockedItems.map((i) => i.id)).toContain(c!.id);
    const mine = dashboard.workload.find((w) => w.assignee?.id === lead.user.id)!;
    expect(mine).toMatchObject({ open: 1, overdue: 1 });
    expect(dashboard.kpis.length).toBeGreaterThan(0);
    expect(dashboard.activity[0]?.action).toBe('item.updated');

    const stage = await viewer.client.ok('dashboard.stage', {
      projectId,
      stageKey: 'product',
    });
    expect(stage.stage).toEqual(product);
    expect(stage.items).toHaveLength(items.length);

    const portfolio = await viewer.client.ok('dashboard.workspace', { workspaceId });
    const row = portfolio.projects.find((p) => p.id === projectId)!;
    const column = portfolio.stages.findIndex((s) => s.key === 'product');
    expect(row.cells[column]).toMatchObject({ percentDone: product.percentDone, state: 'blocked' });
    expect(row.overdue).toBeGreaterThanOrEqual(1);
    expect(row.blocked).toBeGreaterThanOrEqual(1);
  });

  it("another workspace's projects never show in this portfolio", async () => {
    const other = await signUp(url());
    const ws = await other.client.ok('workspace.create', { name: 'Other' });
    await other.client.ok('project.create', { workspaceId: ws.id, name: 'MARKER-other-project' });
    const portfolio = await lead.client.call('dashboard.workspace', { workspaceId });
    expect(JSON.stringify(portfolio.data)).not.toContain('MARKER-other-project');
    expect((await lead.client.call('dashboard.workspace', { workspaceId: ws.id })).status).toBe(
      404,
    );
  });
});
