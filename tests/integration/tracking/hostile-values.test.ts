// Values a database or a float cannot hold (NUL, years out of range, numbers
// at the edge of a double, garbage cursors) are refused with a 400, or stored
// in a way every later read still answers: never a 500, never one that sticks.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, CallResult } from '../../support/api-client';
import { signUp } from '../../support/api-client';
import type { ProcedureInput, ProcedureOutput } from '../../support/api-types';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

let lead: ApiClient;
let workspaceId: string;
let projectId: string;
let item: ProcedureOutput<'item.list'>['items'][number];
let commentId: string;

beforeAll(async () => {
  lead = (await signUp(url(), { name: 'Hana Hostile' })).client;
  workspaceId = (await lead.ok('workspace.create', { name: 'Edges' })).id;
  const templates = await builtInTemplates(db());
  projectId = (
    await lead.ok('project.create', {
      workspaceId,
      name: 'Edge cases',
      templateId: templates.v2,
    })
  ).id;
  const items = await lead.ok('item.list', {
    projectId,
    limit: 5,
  });
  item = items.items[0]!;
  commentId = (await lead.ok('comment.add', { itemId: item.id, body: 'First' })).id;
});

/** A 4xx or 2xx, never a 5xx, and no internal detail in the body. */
function expectHandled(result: CallResult, what: string) {
  expect(result.status, `${what}: ${JSON.stringify(result.error)}`).toBeLessThan(500);
  const body = JSON.stringify(result.error ?? {});
  expect(body, what).not.toMatch(/prisma|postgres|\bSQL\b|invalid_type|\bat .+\.(ts|js):\d+/i);
}

async function newKpi(fields: Partial<ProcedureInput<'kpi.create'>>) {
  return lead.call('kpi.create', {
    projectId,
    name: 'Edge KPI',
    kind: 'MODEL',
    unit: '',
    direction: 'HIGHER_IS_BETTER',
    ...fields,
  });
}

async function readsStillAnswer() {
  for (const [path, input] of [
    ['kpi.list', { projectId }],
    ['kpi.list', { projectId, includeArchived: true }],
    ['dashboard.project', { projectId }],
    ['dashboard.workspace', { workspaceId }],
  ] as const) {
    const read = await lead.call(path, input);
    expect(read.status, `${path}: ${JSON.stringify(read.error)}`).toBe(200);
  }
}

describe('[kpis][hostile] numbers at the edge of a double', () => {
  it.each([
    { baseline: 5e-324, target: undefined, value: 1 },
    { baseline: -1.7e308, target: undefined, value: 1.7e308 },
    { baseline: -1.7e308, target: 1.7e308, value: 0 },
    { baseline: 1, target: 1 + 2 ** -52, value: 1.7e308 },
    { baseline: 0, target: 5e-324, value: -1.7e308 },
  ])('baseline $baseline target $target value $value: 400 or stored, reads stay 200', async (c) => {
    const created = await newKpi({ baseline: c.baseline, target: c.target });
    expectHandled(created, 'kpi.create');
    const kpiId = created.ok ? created.data.id : (await newKpi({ baseline: 0 })).data.id;
    const recorded = await lead.call('kpi.record', { kpiId, value: c.value });
    expectHandled(recorded, 'kpi.record');
    await readsStillAnswer();
  });

  it('rows already stored with such values do not break the reads', async () => {
    const kpi = (await newKpi({ baseline: 1, target: 2 })).data;
    await db().kpi.update({ where: { id: kpi.id }, data: { baseline: -1.7e308, target: 5e-324 } });
    await db().kpiMeasurement.create({
      data: { kpiId: kpi.id, value: 1.7e308, recordedAt: new Date() },
    });
    await readsStillAnswer();
    const series = await lead.call('kpi.series', { kpiId: kpi.id });
    expect(series.status).toBe(200);
  });

  it('refuses values outside the sane range with a 400', async () => {
    for (const value of [1.7e308, -1.7e308, 5e-324, 1e300]) {
      const kpi = await newKpi({ baseline: value });
      expect(kpi.status, `baseline ${value}`).toBe(400);
    }
  });
});

const NUL = 'a\u0000b';

describe('[hostile] NUL in user text is a 400', () => {
  it.each([
    ['workspace.create', () => ({ name: NUL })],
    ['project.create', () => ({ workspaceId, name: NUL })],
    ['project.create', () => ({ workspaceId, name: 'Fine', description: NUL })],
    ['item.update', () => ({ itemId: item.id, expectedVersion: item.version, notes: NUL })],
    ['item.addCustom', () => ({ projectId, stageKey: 'data', title: NUL })],
    ['comment.add', () => ({ itemId: item.id, body: NUL })],
    ['comment.edit', () => ({ commentId, expectedVersion: 1, body: NUL })],
    [
      'kpi.create',
      () => ({ projectId, name: NUL, kind: 'MODEL', unit: '', direction: 'HIGHER_IS_BETTER' }),
    ],
    ['lesson.create', () => ({ projectId, title: 'T', tried: NUL, happened: 'h', learnt: 'l' })],
    ['project.list', () => ({ workspaceId, search: NUL })],
  ] as const)('%s', async (path, input) => {
    const result = await lead.call(path, input());
    expect(result.status, JSON.stringify(result.error)).toBe(400);
    expectHandled(result, path);
  });
});

describe('[hostile] dates outside the years 1900-9999 are a 400', () => {
  const dates = ['0000-01-01', '0001-01-01', '1899-12-31', '-271821-04-20', '+275760-09-13'];
  it.each(dates)('item.update dueDate %s', async (dueDate) => {
    const result = await lead.call('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      dueDate,
    });
    expect(result.status, JSON.stringify(result.error)).toBe(400);
  });

  it.each([...dates, '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z', 8.64e15, -8.64e15])(
    'kpi.record recordedAt, kpi.series from/to %s',
    async (date) => {
      const kpi = (await newKpi({})).data;
      const recorded = await lead.call('kpi.record', { kpiId: kpi.id, value: 1, recordedAt: date });
      expect(recorded.status, JSON.stringify(recorded.error)).toBe(400);
      for (const key of ['from', 'to']) {
        const series = await lead.call('kpi.series', { kpiId: kpi.id, [key]: date });
        expect(series.status, `${key} ${JSON.stringify(series.error)}`).toBe(400);
      }
    },
  );

  it('a CSV row with such a date is refused with its row number', async () => {
    const kpi = (await newKpi({})).data;
    const result = await lead.call('kpi.recordMany', {
      kpiId: kpi.id,
      csv: 'value,recordedAt\n1,2024-01-01\n2,0000-01-01\n3,1899-12-31T23:00:00Z\n4,2024-01-02\n',
    });
    expect(result.status).toBe(400);
    const rows = result.error?.data.rowErrors ?? [];
    expect(rows.map((r) => r.row)).toEqual([3, 4]);
  });
});

describe('[hostile] a garbage cursor is a 400 on every list', () => {
  const lists = () =>
    [
      ['project.list', { workspaceId }],
      ['item.list', { projectId }],
      ['item.mine', { workspaceId }],
      ['comment.list', { itemId: item.id }],
      ['lesson.list', { workspaceId }],
      ['lesson.list', { workspaceId, q: 'data' }],
      ['activity.list', { workspaceId }],
    ] as const;
  it.each(['zzz', 'not a cursor at all', '\u0000', '-', 'eyJrIjoidCJ9'])('%s', async (cursor) => {
    for (const [path, input] of lists()) {
      const result = await lead.call(path, { ...input, cursor });
      expect(result.status, `${path}: ${JSON.stringify(result.error)}`).toBe(400);
      expectHandled(result, path);
    }
  });
});
