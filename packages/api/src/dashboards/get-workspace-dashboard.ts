import type { Db } from '@shipshape/db';
import { kpiStatus, stageState, summarizeCounts, type TItemStatus } from '@shipshape/domain';
import type { ActorArgs } from '../actor';
import { sqlItemIsOverdue } from './overdue-sql';
import { latestMeasurements } from '../kpis/kpi-view';
import { readCache } from '../read-cache';

/** The portfolio: every project × every stage as percent done, plus problems
 * per project; cached until the workspace changes. */
export function getWorkspaceDashboard({ db, actor }: ActorArgs<'workspaceId' | 'dataVersion'>) {
  return readCache.read(`workspace:${actor.workspaceId}`, actor.dataVersion, () =>
    workspaceDashboard(db, actor.workspaceId),
  );
}

async function workspaceDashboard(db: Db, workspaceId: string) {
  const [projects, cells, kpis] = await Promise.all([
    db.project.findMany({
      where: { workspaceId: workspaceId, archived: false },
      select: {
        id: true,
        name: true,
        slug: true,
        phase: true,
        currentStage: { select: { key: true } },
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    db.$queryRaw<
      Array<{
        projectId: string;
        key: string;
        title: string;
        position: number;
        status: TItemStatus;
        n: number;
        overdue: number;
      }>
    >`
          SELECT i."projectId", s.key, s.title, s.position, i.status::text AS status, count(*)::int AS n,
                 (count(*) FILTER (WHERE ${sqlItemIsOverdue()}))::int AS overdue
            FROM project_items i
            JOIN project_stages s ON s.id = i."stageId"
            JOIN projects p ON p.id = i."projectId"
           WHERE p."workspaceId" = ${workspaceId}::uuid AND NOT p.archived
           GROUP BY i."projectId", s.key, s.title, s.position, i.status`,
    db.kpi.findMany({
      where: { workspaceId: workspaceId, archived: false, project: { archived: false } },
      select: { id: true, projectId: true, direction: true, baseline: true, target: true },
    }),
  ]);
  const latest = await latestMeasurements(
    db,
    kpis.map((k) => k.id),
  );
  const offTrack = new Map<string, number>();
  for (const kpi of kpis) {
    const status = kpiStatus({ ...kpi, latest: latest.get(kpi.id)?.value ?? null });
    if (status.onTrack === false)
      offTrack.set(kpi.projectId, (offTrack.get(kpi.projectId) ?? 0) + 1);
  }

  // Columns: every stage key any project has, in template order.
  const columns = new Map<string, { title: string; position: number }>();
  const perCell = new Map<
    string,
    { counts: Partial<Record<TItemStatus, number>>; overdue: number }
  >();
  for (const row of cells) {
    const column = columns.get(row.key);
    if (!column || row.position < column.position)
      columns.set(row.key, { title: row.title, position: row.position });
    const id = `${row.projectId} ${row.key}`;
    const cell = perCell.get(id) ?? { counts: {}, overdue: 0 };
    cell.counts[row.status] = row.n;
    cell.overdue += row.overdue;
    perCell.set(id, cell);
  }
  const stages = [...columns]
    .sort((a, b) => a[1].position - b[1].position)
    .map(([key, c]) => ({ key, title: c.title }));

  const rows = projects.map((project) => {
    const allCounts: Partial<Record<TItemStatus, number>> = {};
    let overdue = 0;
    const projectCells = stages.map(({ key }) => {
      const cell = perCell.get(`${project.id} ${key}`);
      if (!cell) return null;
      for (const [status, n] of Object.entries(cell.counts) as Array<[TItemStatus, number]>) {
        allCounts[status] = (allCounts[status] ?? 0) + n;
      }
      overdue += cell.overdue;
      const summary = summarizeCounts(cell.counts);
      return {
        percentDone: summary.percentDone,
        total: summary.total,
        done: summary.done,
        state: stageState(summary, {
          overdue: cell.overdue,
          isCurrent: key === project.currentStage?.key,
        }),
      };
    });
    return {
      id: project.id,
      name: project.name,
      slug: project.slug,
      phase: project.phase,
      currentStageKey: project.currentStage?.key ?? null,
      percentDone: summarizeCounts(allCounts).percentDone,
      overdue,
      blocked: allCounts.BLOCKED ?? 0,
      kpisOffTrack: offTrack.get(project.id) ?? 0,
      cells: projectCells,
    };
  });
  return {
    stages,
    projects: rows,
    totals: {
      projects: rows.length,
      overdue: rows.reduce((sum, r) => sum + r.overdue, 0),
      kpisOffTrack: rows.reduce((sum, r) => sum + r.kpisOffTrack, 0),
    },
  };
}
