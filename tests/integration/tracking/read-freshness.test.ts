// Cached reads are never older than an acknowledged write, wherever they are
// served, and a write throws away only what it changed:
// (a) a write through server A is seen by the very next read through server B
//     (another buildServer with its own pool, sharing this process's cache) and
//     through server C (its own process, so its own cache), after both cached
//     the older answer;
// (b) a write to one project leaves another project's cached reads cached (the
//     caller check only), while a write with no project recomputes them all;
// (c) concurrent readers who miss after a write share one computation.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../support/api-client';
import { nthItem, readTeam, useReadServers, type Team } from '../../support/read-servers';
import { expectDashboardsMatch, readWorkspaceRows } from '../../support/stage-recount';

const servers = useReadServers();
const db = () => servers.database.db;

/** The three reads of (a), as a server answers them. */
const reads = (client: ApiClient, t: Team) =>
  Promise.all([
    client.ok('dashboard.project', { projectId: t.projects[0]!.id }),
    client.ok('dashboard.workspace', { workspaceId: t.workspace.id }),
    client.ok('item.list', { projectId: t.projects[0]!.id }),
  ]);

/** Several kinds of write, each through server A. */
function writesOf(t: Team): Array<[string, () => Promise<unknown>]> {
  const [one, two] = t.projects.map((p) => p.id) as [string, string];
  const a = t.owner.client;
  const update = async (skip: number, change: Record<string, unknown>) => {
    const x = await nthItem(db(), one, skip);
    return a.ok('item.update', { itemId: x.id, expectedVersion: x.version, ...change });
  };
  return [
    ['status DONE', () => update(0, { status: 'DONE', allowOpenChildren: true })],
    ['due in the past', () => update(1, { status: 'IN_PROGRESS', dueDate: '2020-01-01' })],
    ['N/A', () => update(2, { status: 'NOT_APPLICABLE', notApplicableReason: 'No data' })],
    [
      'bulk BLOCKED',
      async () => {
        const xs = await db().projectItem.findMany({
          where: { projectId: one },
          orderBy: { id: 'asc' },
          skip: 4,
          take: 3,
        });
        const [itemIds, expectedVersions] = [xs.map((x) => x.id), xs.map((x) => x.version)];
        return a.ok('item.bulkUpdate', { itemIds, expectedVersions, status: 'BLOCKED' });
      },
    ],
    [
      'custom item',
      () =>
        a.ok('item.addCustom', {
          projectId: one,
          stageKey: t.projects[0]!.stageKey,
          title: 'Ours',
        }),
    ],
    [
      'archive the other project',
      async () => {
        const p = await db().project.findUniqueOrThrow({ where: { id: two } });
        return a.ok('project.archive', { projectId: two, expectedVersion: p.version });
      },
    ],
  ];
}

describe('[dashboards][freshness] reads on another server', () => {
  it('[dashboards][freshness] see a write acknowledged on server A at once, after caching the older answer', async () => {
    const t = await readTeam(servers, 'Fresh');
    const one = t.projects[0]!.id;
    for (const [label, write] of writesOf(t)) {
      // B and C answer, then answer again from their caches.
      const beforeB = await reads(t.onB, t);
      await reads(t.onC, t);
      const again = await servers.cost(() => reads(t.onB, t));
      expect(again.value, `${label}: B's cached answer`).toEqual(beforeB);
      expect(again.statements, `${label}: B answered from its cache (caller checks)`).toBe(3);
      await reads(t.onC, t);

      await write();

      for (const [server, client] of [
        ['B', t.onB],
        ['C', t.onC],
      ] as const) {
        const context = `${label}, read on ${server}`;
        const rows = await readWorkspaceRows(db(), t.workspace.id);
        const list = await client.ok('item.list', { projectId: one });
        const stored = rows.items.filter((i) => i.projectId === one);
        const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
        expect(
          list.items.map((i) => `${i.id} ${i.status} ${i.dueDate} v${i.version}`).sort(),
          `${context}: item.list`,
        ).toEqual(stored.map((i) => `${i.id} ${i.status} ${day(i.dueDate)} v${i.version}`).sort());
        await expectDashboardsMatch(client, t.workspace.id, rows, new Date(), context);
      }
    }
  });
});

describe('[dashboards][cache] scoped invalidation', () => {
  it('[dashboards][cache] a write to one project keeps the other’s reads cached; a workspace write recomputes all', async () => {
    const t = await readTeam(servers, 'Scoped');
    const [one, two] = t.projects as [Team['projects'][0], Team['projects'][0]];
    const projectReads = (p: Team['projects'][0]): Record<string, () => Promise<unknown>> => ({
      'dashboard.project': () => t.onB.ok('dashboard.project', { projectId: p.id }),
      'dashboard.stage': () =>
        t.onB.ok('dashboard.stage', { projectId: p.id, stageKey: p.stageKey }),
      'item.list': () => t.onB.ok('item.list', { projectId: p.id }),
      'kpi.list': () => t.onB.ok('kpi.list', { projectId: p.id }),
      'kpi.series': () => t.onB.ok('kpi.series', { kpiId: p.kpiId }),
    });
    const portfolio = () => t.onB.ok('dashboard.workspace', { workspaceId: t.workspace.id });
    /** Reads everything twice; answers what a cached read of each costs. */
    const warm = async () => {
      const cached: Record<string, number> = {};
      for (const [p, label] of [
        [one, 'One'],
        [two, 'Two'],
      ] as const) {
        for (const [name, read] of Object.entries(projectReads(p))) {
          await read();
          cached[`${label} ${name}`] = (await servers.cost(read)).statements;
        }
      }
      await portfolio();
      cached.portfolio = (await servers.cost(portfolio)).statements;
      for (const [name, n] of Object.entries(cached)) expect(n, `${name} cached`).toBe(1);
      return cached;
    };

    const cached = await warm();
    const twoBefore = await projectReads(two)['dashboard.project']!();
    const x = await nthItem(db(), one.id);
    await t.owner.client.ok('item.update', {
      itemId: x.id,
      expectedVersion: x.version,
      status: 'DONE',
    });
    for (const [name, read] of Object.entries(projectReads(two))) {
      const after = await servers.cost(read);
      expect(after.statements, `Two ${name} after a write to One`).toBe(cached[`Two ${name}`]);
    }
    expect(await projectReads(two)['dashboard.project']!(), 'Two unchanged').toEqual(twoBefore);
    for (const name of ['dashboard.project', 'dashboard.stage', 'item.list']) {
      const after = await servers.cost(projectReads(one)[name]!);
      expect(after.statements, `One ${name} after its own write`).toBeGreaterThan(
        cached[`One ${name}`]!,
      );
    }
    const portfolioAfter = await servers.cost(portfolio);
    expect(portfolioAfter.statements, 'the portfolio recomputes').toBeGreaterThan(1);

    // Writes that belong to no project: the workspace itself, a member's role.
    const { id: workspaceId, version } = t.workspace;
    const shared: Array<[string, () => Promise<unknown>]> = [
      [
        'workspace.update',
        () =>
          t.owner.client.ok('workspace.update', {
            workspaceId,
            expectedVersion: version,
            name: 'Renamed',
          }),
      ],
      [
        'workspace.setRole',
        () =>
          t.owner.client.ok('workspace.setRole', {
            workspaceId,
            userId: t.mate.user.id,
            role: 'VIEWER',
          }),
      ],
    ];
    for (const [label, write] of shared) {
      const warmed = await warm();
      await write();
      for (const [p, name] of [
        [one, 'One'],
        [two, 'Two'],
      ] as const) {
        for (const read of ['dashboard.project', 'item.list']) {
          const after = await servers.cost(projectReads(p)[read]!);
          expect(after.statements, `${name} ${read} after ${label}`).toBeGreaterThan(
            warmed[`${name} ${read}`]!,
          );
        }
      }
      const after = await servers.cost(portfolio);
      expect(after.statements, `portfolio after ${label}`).toBeGreaterThan(warmed.portfolio!);
    }
  });
});

describe('[dashboards][cache] concurrent misses', () => {
  it('[dashboards][cache] ten readers right after a write share one computation', async () => {
    const t = await readTeam(servers, 'Crowd');
    const portfolio = () => t.onB.ok('dashboard.workspace', { workspaceId: t.workspace.id });
    const write = async () => {
      const x = await nthItem(db(), t.projects[0]!.id, 3);
      await t.owner.client.ok('item.update', {
        itemId: x.id,
        expectedVersion: x.version,
        notes: `note ${x.version}`,
      });
    };
    await write();
    const cold = (await servers.cost(portfolio)).statements;
    const cached = (await servers.cost(portfolio)).statements;
    expect(cold).toBeGreaterThan(cached);

    await write();
    const crowd = await servers.cost(() => Promise.all(Array.from({ length: 10 }, portfolio)));
    console.log(
      `portfolio: cold ${cold}, cached ${cached}, ten at once after a write ${crowd.statements}`,
    );
    for (const answer of crowd.value) expect(answer).toEqual(crowd.value[0]);
    // Ten caller checks and one computation, where ten computations would cost 10 × cold.
    expect(crowd.statements).toBe(10 * cached + (cold - cached));
    expect(crowd.statements).toBeLessThan((10 * cold) / 2);
  });
});
