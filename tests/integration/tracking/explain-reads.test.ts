// No read scans all the items of a workspace: every SQL statement the reads
// send is captured as sent (text and parameters, from Prisma's query events on
// the server's own client), then planned by Postgres with EXPLAIN over seeded,
// ANALYZEd tables (the planner's own choice, nothing disabled). A node on
// project_items must be narrowed to one project (or to an item, a parent or an
// assignee); the portfolio must not touch project_items at all.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type ApiClient } from '../../support/api-client';
import type { ProcedurePath } from '../../support/api-types';
import { builtInTemplates, createProject } from '../../support/authz-fixture';
import { useCountedServer, type SentStatement } from '../../support/counted-server';

let sent: SentStatement[] = [];
const server = useCountedServer({ capture: (statement) => sent.push(statement) });

interface World {
  client: ApiClient;
  userId: string;
  workspaceId: string;
  projectId: string;
  stageKey: string;
  kpiId: string;
}

/** A workspace with `projects` v2 projects, some progress, KPIs, lessons, comments, activity. */
async function seedWorkspace(name: string, projects: number): Promise<World> {
  const db = server.database.db;
  const { client, user } = await signUp(server.url, { name });
  const workspace = await client.ok('workspace.create', { name });
  const templates = await builtInTemplates(db);
  const ids: string[] = [];
  for (let p = 0; p < projects; p++) {
    const project = await createProject(db, {
      workspaceId: workspace.id,
      templateId: templates.v2,
      createdById: user.id,
      name: `${name} ${p}`,
    });
    ids.push(project.id);
    const items = await db.projectItem.findMany({
      where: { projectId: project.id },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    const statuses = ['DONE', 'IN_PROGRESS', 'BLOCKED'] as const;
    for (const [k, status] of statuses.entries()) {
      await db.projectItem.updateMany({
        where: { id: { in: items.filter((_, i) => i % 7 === k).map((i) => i.id) } },
        data: { status, dueDate: new Date(Date.UTC(2026, 0, 1 + k * 20)) },
      });
    }
    await db.projectItem.updateMany({
      where: { id: { in: items.slice(0, 5).map((i) => i.id) } },
      data: { assigneeId: user.id },
    });
    const kpi = await client.ok('kpi.create', {
      projectId: project.id,
      name: 'AUC',
      kind: 'MODEL',
      unit: '',
      direction: 'HIGHER_IS_BETTER',
      baseline: 0.5,
      target: 0.9,
    });
    await db.kpiMeasurement.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        kpiId: kpi.id,
        value: 0.5 + i / 100,
        recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
      })),
    });
    await client.ok('lesson.create', {
      projectId: project.id,
      stageKey: 'data',
      title: `Leakage through the split ${p}`,
      tried: 'A random split.',
      happened: 'Validation looked too good.',
      learnt: 'Split by time.',
      tags: ['leakage'],
    });
    await client.ok('comment.add', { itemId: items[0]!.id, body: `First look ${p}` });
    const evidenceOn = await db.projectItem.findUniqueOrThrow({ where: { id: items[1]!.id } });
    await client.ok('item.addEvidence', {
      itemId: evidenceOn.id,
      expectedVersion: evidenceOn.version,
      kind: 'DOCUMENT',
      url: `https://docs.example/split-${p}`,
      label: 'Split design',
    });
  }
  const projectId = ids[0]!;
  const kpi = await db.kpi.findFirstOrThrow({ where: { projectId } });
  return {
    client,
    userId: user.id,
    workspaceId: workspace.id,
    projectId,
    stageKey: 'data',
    kpiId: kpi.id,
  };
}

type Plan = Record<string, unknown> & { Plans?: Plan[] };

function* nodes(plan: Plan): Generator<Plan> {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodes(child);
}

/** Conditions that narrow project_items to one project, item, parent or assignee. */
const NARROW = /"(projectId|parentId|assigneeId)" = |\bid = /;

function describeNode(node: Plan): string {
  const conditions = ['Index Cond', 'Recheck Cond', 'Filter', 'Join Filter']
    .map((key) => (node[key] ? `${key}: ${String(node[key])}` : ''))
    .filter(Boolean)
    .join('; ');
  return `${String(node['Node Type'])} on ${String(node['Relation Name'])}${node['Index Name'] ? ` using ${String(node['Index Name'])}` : ''} (${conditions})`;
}

/**
 * A parameter as the driver adapter sends it: the query event carries instants
 * as JSON (ISO strings, years past 9999 with a sign), the adapter sends them as
 * "YYYY-MM-DD HH:MM:SS.mmm" in UTC (@prisma/adapter-pg formatDateTime).
 */
function asSent(param: unknown): unknown {
  if (Array.isArray(param)) return param.map(asSent);
  if (
    typeof param !== 'string' ||
    !/^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(param)
  ) {
    return param;
  }
  const date = new Date(param);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}${date
    .toISOString()
    .replace(/^[+-]?\d+/, '')
    .replace('T', ' ')
    .replace('Z', '+00')}`;
}

/** The nodes on project_items in a plan, and those of them not narrowed. */
function itemNodes(plan: Plan) {
  const onItems = [...nodes(plan)].filter((node) => node['Relation Name'] === 'project_items');
  const wide = onItems.filter((node) => {
    const conditions = [node['Index Cond'], node['Recheck Cond'], node['Filter']].map(String);
    return !NARROW.test(conditions.join(' '));
  });
  return { onItems, wide };
}

/** Rows a node read, over all its loops (kept ones and those its filters dropped). */
function rowsRead(node: Plan): string {
  const n = (key: string) => Number(node[key] ?? 0);
  const perLoop =
    n('Actual Rows') + n('Rows Removed by Filter') + n('Rows Removed by Index Recheck');
  return `read ${perLoop * n('Actual Loops')} rows in ${n('Actual Loops')} loops`;
}

/**
 * The plan of each statement: the nodes on project_items, and those that are not
 * narrowed; a statement with such a node is also run (EXPLAIN ANALYZE, a read)
 * to tell how many rows the node really read.
 */
async function explain(statements: SentStatement[]) {
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  const plan = async (options: string, statement: SentStatement) => {
    const result = await client.query<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>(
      `EXPLAIN (${options}) ${statement.query}`,
      statement.params.map(asSent),
    );
    return result.rows[0]!['QUERY PLAN'][0]!.Plan;
  };
  try {
    const planned = [];
    for (const statement of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(statement.query)) continue;
      const { onItems, wide } = itemNodes(await plan('FORMAT JSON', statement));
      const ran =
        wide.length > 0 ? itemNodes(await plan('ANALYZE, FORMAT JSON', statement)) : undefined;
      planned.push({
        statement,
        onItems: onItems.map(describeNode),
        wide: (ran?.wide ?? []).map((node) => `${describeNode(node)}, ${rowsRead(node)}`),
      });
    }
    return planned;
  } finally {
    await client.end();
  }
}

let world: World;

beforeAll(async () => {
  world = await seedWorkspace('Portfolio', 8);
  // Other teams' items, so a scan of the whole table would be the costly choice it is.
  await seedWorkspace('Elsewhere A', 6);
  await seedWorkspace('Elsewhere B', 6);
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
}, 300_000);

const reads: Array<[ProcedurePath, (w: World) => unknown]> = [
  ['dashboard.workspace', (w) => ({ workspaceId: w.workspaceId })],
  ['dashboard.project', (w) => ({ projectId: w.projectId })],
  ['dashboard.stage', (w) => ({ projectId: w.projectId, stageKey: w.stageKey })],
  ['item.list', (w) => ({ projectId: w.projectId })],
  ['item.list', (w) => ({ projectId: w.projectId, stageKey: w.stageKey, status: 'BLOCKED' })],
  ['item.list', (w) => ({ projectId: w.projectId, overdue: true, assigneeId: w.userId })],
  ['item.mine', (w) => ({ workspaceId: w.workspaceId })],
  ['kpi.list', (w) => ({ projectId: w.projectId })],
  ['kpi.series', (w) => ({ kpiId: w.kpiId })],
  ['lesson.list', (w) => ({ workspaceId: w.workspaceId })],
  ['lesson.list', (w) => ({ workspaceId: w.workspaceId, q: 'leakage split' })],
  ['activity.list', (w) => ({ workspaceId: w.workspaceId })],
  ['activity.list', (w) => ({ workspaceId: w.workspaceId, projectId: w.projectId })],
];

describe('[dashboards][plans] reads never scan a workspace’s items', () => {
  it('[dashboards][plans] every statement the reads send is narrowed to one project, or avoids project_items', async () => {
    const report: string[] = [];
    const failures: string[] = [];
    for (const [path, input] of reads) {
      sent = [];
      const result = await world.client.callRaw(path, input(world));
      expect(result.status, `${path}: ${JSON.stringify(result.error)}`).toBe(200);
      const captured = sent;
      expect(captured.length, `${path}: statements captured`).toBeGreaterThan(0);
      const planned = await explain(captured);
      expect(planned.length, `${path}: statements planned`).toBeGreaterThan(0);
      for (const { statement, onItems, wide } of planned) {
        const head = statement.query.replace(/\s+/g, ' ').slice(0, 140);
        report.push(
          `${path}: ${onItems.length ? onItems.join(' | ') : 'no project_items'}  ← ${head}`,
        );
        if (path === 'dashboard.workspace' && onItems.length > 0) {
          failures.push(
            `the portfolio touches project_items: ${onItems.join(' | ')}\n  ${statement.query}`,
          );
        }
        for (const node of wide) failures.push(`${path}: ${node}\n  ${statement.query}`);
      }
    }
    console.log(`plans on project_items:\n${report.join('\n')}`);
    expect(failures).toEqual([]);
  }, 120_000);
});
