// "Correct first": the item status counts the triggers keep, and the dashboards
// read from them, equal a recount after every write there is: random sequences
// of item updates (status, N/A with a reason, due dates in the past, today and
// the future, assignees, notes), bulk updates, custom items and sub-items,
// reorders, template upgrades, archiving, new projects (all through the API),
// and what has no API, done in SQL as an operator or a cascade would: moving an
// item to another stage, deleting an item (its sub-items cascade), a stage or
// a whole project.
import fc from 'fast-check';
import type { Prisma } from '@shipshape/db';
import { ITEM_STATUSES, type TItemStatus } from '@shipshape/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedUp } from '../../support/api-client';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';
import {
  expectDashboardsMatch,
  expectTablesMatchRecount,
  expectedStage,
  readWorkspaceRows,
  type WorkspaceRows,
} from '../../support/stage-recount';

const server = useTestServer();
const db = () => server.current.database.db;

let owner: SignedUp;
let member: SignedUp;
let templates: { v1: string; v2: string };

beforeAll(async () => {
  owner = await signUp(server.current.url, { name: 'Olivia Owner' });
  member = await signUp(server.current.url, { name: 'Mia Member' });
  templates = await builtInTemplates(db());
});

const DAY = 86_400_000;
const dueDay = (offset: number) =>
  new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString().slice(0, 10);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const status = maybe(fc.constantFrom<TItemStatus>(...ITEM_STATUSES));
// Few distinct days, so items share (stage, due date) rows and counts go up and down.
const due = maybe(fc.constantFrom<'clear' | number>('clear', -2, -1, 0, 1, 2));
const assignee = maybe(fc.constantFrom('owner' as const, 'member' as const, 'none' as const));
const pick = fc.nat(10_000);

const op = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      pick,
      status,
      due,
      assignee,
      notes: fc.boolean(),
      allowOpenChildren: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('bulkUpdate' as const),
      pick,
      count: fc.integer({ min: 1, max: 6 }),
      status,
      due,
      assignee,
      allowOpenChildren: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('addCustom' as const), pick, asChild: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('move' as const), pick, position: fc.nat(12) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('moveToStageSql' as const), pick, stage: fc.nat(20) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('setStage' as const), pick, stage: fc.nat(20) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('upgrade' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archiveToggle' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('createProject' as const), v1: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteItemSql' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteStageSql' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteProjectSql' as const), pick }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Writes that took effect, per kind, over all runs: the property is not vacuous. */
const applied = new Map<Op['kind'], number>();

/** The items steps pick from: those of each project's first three stages, so writes collide. */
function candidates(rows: WorkspaceRows) {
  const early = new Set(rows.stages.filter((s) => s.position < 3).map((s) => s.id));
  return rows.items.filter((item) => early.has(item.stageId));
}

function itemChanges(o: Extract<Op, { kind: 'update' | 'bulkUpdate' }>) {
  const people = { owner: owner.user.id, member: member.user.id, none: null };
  return {
    ...(o.status ? { status: o.status } : {}),
    ...(o.status === 'NOT_APPLICABLE' ? { notApplicableReason: 'No labelled data' } : {}),
    ...(o.due === undefined ? {} : { dueDate: o.due === 'clear' ? null : dueDay(o.due) }),
    ...(o.assignee ? { assigneeId: people[o.assignee] } : {}),
    allowOpenChildren: o.allowOpenChildren,
  };
}

/** Runs one step; false when it had nothing to act on or the API refused by rule. */
async function runStep(workspaceId: string, rows: WorkspaceRows, o: Op): Promise<boolean> {
  const client = owner.client;
  const items = candidates(rows);
  const item = items.length > 0 && 'pick' in o ? items[o.pick % items.length]! : undefined;
  const stageOf = (stageId: string) => rows.stages.find((s) => s.id === stageId)!;
  const projectPick =
    'pick' in o && rows.projects.length > 0
      ? rows.projects[o.pick % rows.projects.length]!
      : undefined;
  // An operator's SQL writes no activity row: it bumps the versions the read cache keys on.
  const sql = async (statement: Prisma.PrismaPromise<number>) => {
    await db().$transaction([
      statement,
      db().$executeRaw`UPDATE workspaces SET "dataVersion" = "dataVersion" + 1,
                       "sharedVersion" = "sharedVersion" + 1 WHERE id = ${workspaceId}::uuid`,
    ]);
    return true;
  };
  const refusedByRule = (result: { ok: boolean; status: number; error?: unknown }) => {
    if (result.ok) return true;
    // Marking a parent DONE while sub-items are open needs allowOpenChildren.
    expect(JSON.stringify(result.error)).toMatch(/open sub-items/);
    expect(result.status).toBe(400);
    return false;
  };
  switch (o.kind) {
    case 'update': {
      if (!item) return false;
      const notes = o.notes ? { notes: `note ${o.pick}` } : {};
      const input = { itemId: item.id, expectedVersion: item.version, ...itemChanges(o), ...notes };
      return refusedByRule(await client.call('item.update', input));
    }
    case 'bulkUpdate': {
      if (!item) return false;
      const same = items.filter((i) => i.projectId === item.projectId);
      const start = same.indexOf(item);
      const chosen = [...same, ...same].slice(start, start + Math.min(o.count, same.length));
      const input = {
        itemIds: chosen.map((i) => i.id),
        expectedVersions: chosen.map((i) => i.version),
        ...itemChanges(o),
      };
      return refusedByRule(await client.call('item.bulkUpdate', input));
    }
    case 'addCustom': {
      if (!item) return false;
      const stageKey = stageOf(item.stageId).key;
      const parent = o.asChild ? { parentId: item.id } : {};
      const input = { projectId: item.projectId, stageKey, title: `Custom ${o.pick}`, ...parent };
      await client.ok('item.addCustom', input);
      return true;
    }
    case 'move': {
      if (!item) return false;
      const input = { itemId: item.id, expectedVersion: item.version, position: o.position };
      await client.ok('item.move', input);
      return true;
    }
    case 'moveToStageSql': {
      if (!item) return false;
      let root = item;
      while (root.parentId) root = rows.items.find((i) => i.id === root.parentId)!;
      const stages = rows.stages.filter((s) => s.projectId === root.projectId);
      const target = stages[o.stage % stages.length]!;
      return sql(db().$executeRaw`
        WITH RECURSIVE tree AS (
          SELECT id FROM project_items WHERE id = ${root.id}::uuid
          UNION ALL SELECT c.id FROM project_items c JOIN tree t ON c."parentId" = t.id)
        UPDATE project_items SET "stageId" = ${target.id}::uuid WHERE id IN (SELECT id FROM tree)`);
    }
    case 'setStage': {
      if (!projectPick) return false;
      const stages = rows.stages.filter((s) => s.projectId === projectPick.id);
      if (stages.length === 0) return false;
      const stageKey = stages[o.stage % stages.length]!.key;
      const input = { projectId: projectPick.id, expectedVersion: projectPick.version, stageKey };
      await client.ok('project.setStage', input);
      return true;
    }
    case 'upgrade': {
      const v1 = rows.projects.filter((p) => p.templateId === templates.v1);
      if (v1.length === 0) return false;
      const project = v1[o.pick % v1.length]!;
      const input = {
        projectId: project.id,
        templateId: templates.v2,
        expectedVersion: project.version,
      };
      await client.ok('project.upgradeApply', input);
      return true;
    }
    case 'archiveToggle': {
      if (!projectPick) return false;
      const input = { projectId: projectPick.id, expectedVersion: projectPick.version };
      await client.ok(projectPick.archived ? 'project.unarchive' : 'project.archive', input);
      return true;
    }
    case 'createProject': {
      const templateId = o.v1 ? templates.v1 : templates.v2;
      await client.ok('project.create', {
        workspaceId,
        name: `P${rows.projects.length}`,
        templateId,
      });
      return true;
    }
    case 'deleteItemSql':
      return item
        ? sql(db().$executeRaw`DELETE FROM project_items WHERE id = ${item.id}::uuid`)
        : false;
    case 'deleteStageSql':
      return item
        ? sql(db().$executeRaw`DELETE FROM project_stages WHERE id = ${item.stageId}::uuid`)
        : false;
    case 'deleteProjectSql':
      return projectPick
        ? sql(db().$executeRaw`DELETE FROM projects WHERE id = ${projectPick.id}::uuid`)
        : false;
  }
}

/** After a step: the tables against a GROUP BY; every dashboard against the domain's rules. */
async function verify(workspaceId: string, step: number, context: string) {
  await expectTablesMatchRecount(db(), context);
  const rows = await readWorkspaceRows(db(), workspaceId);
  const today = new Date();
  await expectDashboardsMatch(owner.client, workspaceId, rows, today, context);
  // dashboard.stage of one stage a step, a different one each time.
  if (rows.stages.length > 0) {
    const stage = rows.stages[(step * 7) % rows.stages.length]!;
    const shown = await owner.client.ok('dashboard.stage', {
      projectId: stage.projectId,
      stageKey: stage.key,
    });
    const expected = expectedStage(rows, stage.id, today);
    expect(shown.stage, `${context}: dashboard.stage ${stage.key}`).toMatchObject({
      total: expected.total,
      counts: expected.counts,
      percentDone: expected.percentDone,
      overdue: expected.overdue,
    });
    expect(shown.items.length, `${context}: dashboard.stage items`).toBe(expected.total);
  }
}

describe('[dashboards][counts] kept stage counts equal a recount', () => {
  it('[dashboards][counts] after every step of random write sequences (API, upgrades, SQL deletes)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25, size: 'max' }), async (ops) => {
        run += 1;
        const workspace = await owner.client.ok('workspace.create', { name: `Counts ${run}` });
        await db().membership.create({
          data: { workspaceId: workspace.id, userId: member.user.id, role: 'MEMBER' },
        });
        for (const v1 of [true, false]) {
          await owner.client.ok('project.create', {
            workspaceId: workspace.id,
            name: v1 ? 'Churn' : 'Fraud',
            templateId: v1 ? templates.v1 : templates.v2,
          });
        }
        await verify(workspace.id, 0, 'after setup');
        for (const [index, o] of ops.entries()) {
          const rows = await readWorkspaceRows(db(), workspace.id);
          if (await runStep(workspace.id, rows, o))
            applied.set(o.kind, (applied.get(o.kind) ?? 0) + 1);
          await verify(workspace.id, index + 1, `step ${index + 1} ${JSON.stringify(o)}`);
        }
      }),
      { numRuns: 15 },
    );
    const kinds = ['update', 'bulkUpdate', 'addCustom', 'move', 'moveToStageSql', 'setStage']
      .concat(['upgrade', 'archiveToggle', 'createProject', 'deleteItemSql', 'deleteStageSql'])
      .concat(['deleteProjectSql']);
    console.log(`writes applied: ${JSON.stringify(Object.fromEntries(applied))}`);
    for (const kind of kinds) expect(applied.get(kind as Op['kind']) ?? 0, kind).toBeGreaterThan(0);
  }, 600_000);
});
