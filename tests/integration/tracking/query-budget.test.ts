// No N+1 anywhere: each read answers in a fixed number of SQL statements,
// the same for a small workspace and a ten-times larger one.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../support/api-client';
import { signUp } from '../../support/api-client';
import type { ProcedurePath } from '../../support/api-types';
import { builtInTemplates, createProject } from '../../support/authz-fixture';
import { useCountedServer } from '../../support/counted-server';

const server = useCountedServer();

interface World {
  client: ApiClient;
  workspaceId: string;
  projectId: string;
  itemId: string;
  kpiId: string;
}

/** A workspace with `scale` projects, KPIs with points, lessons and comments. */
async function world(scale: number): Promise<World> {
  const db = server.database.db;
  const { client, user } = await signUp(server.url, { name: `Scale ${scale}` });
  const workspace = await client.ok('workspace.create', { name: `Scale ${scale}` });
  const templates = await builtInTemplates(db);
  const projects = [];
  for (let i = 0; i < scale; i++) {
    projects.push(
      await createProject(db, {
        workspaceId: workspace.id,
        templateId: templates.v2,
        createdById: user.id,
      }),
    );
  }
  const projectId = projects[0]!.id;
  const items = await db.projectItem.findMany({
    where: { projectId },
    take: scale * 5,
    orderBy: { id: 'asc' },
  });
  await db.projectItem.updateMany({
    where: { id: { in: items.map((i) => i.id) } },
    data: { assigneeId: user.id, dueDate: new Date('2020-01-01'), status: 'BLOCKED' },
  });
  const stage = await db.projectStage.findFirstOrThrow({ where: { projectId, key: 'data' } });
  let kpiId = '';
  for (let k = 0; k < scale; k++) {
    const kpi = await db.kpi.create({
      data: {
        workspaceId: workspace.id,
        projectId,
        stageId: stage.id,
        name: `KPI ${k}`,
        kind: 'MODEL',
        unit: '',
        direction: 'HIGHER_IS_BETTER',
        baseline: 0.5,
        target: 0.9,
      },
    });
    kpiId ||= kpi.id;
    await db.kpiMeasurement.createMany({
      data: Array.from({ length: 50 * scale }, (_, p) => ({
        kpiId: kpi.id,
        value: 0.5 + p / (100 * scale),
        recordedAt: new Date(Date.UTC(2026, 0, 1) + p * 3_600_000),
      })),
    });
  }
  for (let l = 0; l < scale * 3; l++) {
    await db.lesson.create({
      data: {
        workspaceId: workspace.id,
        projectId: projects[l % projects.length]!.id,
        stageKey: 'data',
        title: `Leakage through the split ${l}`,
        tried: 'random split',
        happened: 'validation looked too good',
        learnt: 'split by time',
        tags: ['leakage', `t${l % 4}`],
        authorId: user.id,
      },
    });
  }
  const itemId = items[0]!.id;
  for (let c = 0; c < scale * 4; c++) {
    await db.comment.create({
      data: { workspaceId: workspace.id, itemId, authorId: user.id, body: `comment ${c}` },
    });
  }
  return { client, workspaceId: workspace.id, projectId, itemId, kpiId };
}

// Inputs are built per row, so the table goes through the untyped `callRaw`.
const reads: Array<[ProcedurePath, number, (w: World) => unknown]> = [
  ['dashboard.workspace', 5, (w) => ({ workspaceId: w.workspaceId })],
  ['dashboard.project', 10, (w) => ({ projectId: w.projectId })],
  ['dashboard.stage', 7, (w) => ({ projectId: w.projectId, stageKey: 'data' })],
  ['project.list', 2, (w) => ({ workspaceId: w.workspaceId })],
  ['item.list', 2, (w) => ({ projectId: w.projectId, stageKey: 'data' })],
  ['item.mine', 2, (w) => ({ workspaceId: w.workspaceId })],
  ['item.get', 2, (w) => ({ itemId: w.itemId })],
  ['comment.list', 2, (w) => ({ itemId: w.itemId })],
  ['kpi.list', 3, (w) => ({ projectId: w.projectId })],
  ['kpi.series', 3, (w) => ({ kpiId: w.kpiId })],
  ['lesson.list', 3, (w) => ({ workspaceId: w.workspaceId, q: 'leakage split' })],
  ['lesson.tags', 2, (w) => ({ workspaceId: w.workspaceId })],
  ['lesson.forStage', 3, (w) => ({ workspaceId: w.workspaceId, stageKey: 'data' })],
  ['activity.list', 2, (w) => ({ workspaceId: w.workspaceId })],
];

describe('[perf][queries] statements per procedure', () => {
  it('stay within budget and do not grow with the data', async () => {
    const small = await world(1);
    const large = await world(10);
    const table: string[] = [];
    for (const [path, budget, input] of reads) {
      const counts: number[] = [];
      for (const w of [small, large]) {
        server.statements = 0;
        const result = await w.client.callRaw(path, input(w));
        expect(result.status, `${path}: ${JSON.stringify(result.error)}`).toBe(200);
        counts.push(server.statements);
      }
      table.push(`${path.padEnd(22)} small ${counts[0]}  large ${counts[1]}  budget ${budget}`);
      expect(counts[1], `${path} grows with the data (N+1)`).toBe(counts[0]);
      expect(counts[1], `${path} is over its budget`).toBeLessThanOrEqual(budget);
    }
    console.log(`queries per request:\n${table.join('\n')}`);
  }, 180_000);

  it('a repeated dashboard read is served from the cache until a write changes the workspace', async () => {
    const w = await world(1);
    const read = async () => {
      server.statements = 0;
      const result = await w.client.ok('dashboard.workspace', { workspaceId: w.workspaceId });
      return { result, statements: server.statements };
    };
    const first = await read();
    const again = await read();
    expect(again.statements, 'only the session and membership check').toBe(1);
    expect(again.result).toEqual(first.result);

    const item = await w.client.ok('item.get', {
      itemId: w.itemId,
    });
    await w.client.ok('item.update', {
      itemId: w.itemId,
      expectedVersion: item.version,
      status: 'DONE',
      allowOpenChildren: true,
    });
    const afterWrite = await read();
    expect(afterWrite.statements).toBeGreaterThan(1);
    const done = (r: typeof first) =>
      r.result.projects[0]!.cells.reduce((sum, c) => sum + (c?.done ?? 0), 0);
    expect(done(afterWrite)).toBe(done(first) + 1);
  });
});
