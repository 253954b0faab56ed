import {
  OPEN_STATUSES,
  ZProjectDashboard,
  ZProjectDashboardInput,
  ZStageDashboard,
  ZStageDashboardInput,
  ZWorkspaceDashboard,
  ZWorkspaceDashboardInput,
  kpiStatus,
  stageState,
  summarizeCounts,
  type TItemStatus,
} from '@shipshape/domain';
import type { Db, Prisma } from '@shipshape/db';
import { badRequest } from '../errors';
import { readCache } from '../read-cache';
import { outputOnce } from '../validated-output';
import {
  stageProgress,
  startOfTodayUtc,
  todayUtcDate,
  totalsOf,
} from '../dashboards/stage-progress';
import { itemSelect, formatCalendarDate, toItem } from '../items/item-view';
import { latestMeasurements, listKpis } from '../kpis/kpi-view';
import { projectSelect, toProject } from '../projects/project-view';
import { router, workspaceProcedure } from '../trpc';
import { byProject, byWorkspace } from '../access';

const briefItemSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  stage: { select: { key: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ProjectItemSelect;

function toBrief(row: Prisma.ProjectItemGetPayload<{ select: typeof briefItemSelect }>) {
  return {
    id: row.id,
    title: row.title,
    stageKey: row.stage.key,
    status: row.status,
    dueDate: formatCalendarDate(row.dueDate),
    assignee: row.assignee,
  };
}

const lessonBriefSelect = {
  id: true,
  title: true,
  stageKey: true,
  tags: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.LessonSelect;

async function readProject(db: Db, projectId: string) {
  return toProject(
    await db.project.findUniqueOrThrow({ where: { id: projectId }, select: projectSelect }),
  );
}

async function workloadOf(db: Db, projectId: string) {
  const rows = await db.$queryRaw<
    Array<{
      assigneeId: string | null;
      name: string | null;
      open: number;
      overdue: number;
      done: number;
    }>
  >`
    SELECT i."assigneeId", u.name,
           (count(*) FILTER (WHERE i.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')))::int AS open,
           (count(*) FILTER (WHERE i.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
                               AND i."dueDate" < ${todayUtcDate()}::date))::int AS overdue,
           (count(*) FILTER (WHERE i.status = 'DONE'))::int AS done
      FROM project_items i
      LEFT JOIN users u ON u.id = i."assigneeId"
     WHERE i."projectId" = ${projectId}::uuid AND i.status <> 'NOT_APPLICABLE'
     GROUP BY i."assigneeId", u.name
     ORDER BY (i."assigneeId" IS NULL), u.name`;
  return rows.map((row) => ({
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.name ?? '' } : null,
    open: row.open,
    overdue: row.overdue,
    done: row.done,
  }));
}

async function projectDashboard(db: Db, projectId: string) {
  const project = await readProject(db, projectId);
  const today = startOfTodayUtc();
  const [stages, overdueItems, blockedItems, workload, kpis, lessons, activity] = await Promise.all(
    [
      stageProgress(db, projectId, project.currentStageKey),
      db.projectItem.findMany({
        where: { projectId, status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today } },
        select: briefItemSelect,
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
        take: 20,
      }),
      db.projectItem.findMany({
        where: { projectId, status: 'BLOCKED' },
        select: briefItemSelect,
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: 20,
      }),
      workloadOf(db, projectId),
      listKpis(db, { projectId, archived: false }),
      db.lesson.findMany({
        where: { projectId, deletedAt: null },
        select: lessonBriefSelect,
        orderBy: { createdAt: 'desc' },
        take: 5,
      }),
      db.activityLog.findMany({
        where: { projectId },
        select: {
          id: true,
          action: true,
          entityType: true,
          entityId: true,
          at: true,
          actor: { select: { id: true, name: true } },
        },
        orderBy: { id: 'desc' },
        take: 10,
      }),
    ],
  );
  return {
    project,
    totals: totalsOf(stages),
    stages,
    overdueItems: overdueItems.map(toBrief),
    blockedItems: blockedItems.map(toBrief),
    workload,
    kpis,
    lessons,
    activity: activity.map((a) => ({ ...a, id: a.id.toString() })),
  };
}

async function stageDashboard(db: Db, projectId: string, stageKey: string) {
  const project = await readProject(db, projectId);
  const [stages, items, kpis, lessons] = await Promise.all([
    stageProgress(db, projectId, project.currentStageKey, stageKey),
    db.projectItem.findMany({
      where: { projectId: projectId, stage: { key: stageKey } },
      select: itemSelect,
      orderBy: [{ depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    }),
    listKpis(db, {
      projectId: projectId,
      archived: false,
      stage: { key: stageKey },
    }),
    db.lesson.findMany({
      where: { projectId: projectId, stageKey: stageKey, deletedAt: null },
      select: lessonBriefSelect,
      orderBy: { createdAt: 'desc' },
      take: 20,
    }),
  ]);
  const stage = stages[0];
  if (!stage) throw badRequest(`This project has no stage "${stageKey}".`);
  return { project, stage, items: items.map(toItem), kpis, lessons };
}

export const dashboardRouter = router({
  /** One project at a glance: stage progress, problems, people, KPIs, lessons, activity. */
  project: workspaceProcedure(ZProjectDashboardInput, 'VIEWER', byProject)
    .output(outputOnce(ZProjectDashboard))
    .query(({ ctx, input }) =>
      readCache.read(`project:${input.projectId}`, ctx.dataVersion, () =>
        projectDashboard(ctx.db, input.projectId),
      ),
    ),

  /** One stage: its progress, its items (a tree by parentId), KPIs and lessons. */
  stage: workspaceProcedure(ZStageDashboardInput, 'VIEWER', byProject)
    .output(outputOnce(ZStageDashboard))
    .query(({ ctx, input }) =>
      readCache.read(`stage:${input.projectId}:${input.stageKey}`, ctx.dataVersion, () =>
        stageDashboard(ctx.db, input.projectId, input.stageKey),
      ),
    ),

  /** The portfolio: every project × every stage as percent done, plus problems per project. */
  workspace: workspaceProcedure(ZWorkspaceDashboardInput, 'VIEWER', byWorkspace)
    .output(outputOnce(ZWorkspaceDashboard))
    .query(({ ctx }) =>
      readCache.read(`workspace:${ctx.workspaceId}`, ctx.dataVersion, () =>
        workspaceDashboard(ctx.db, ctx.workspaceId),
      ),
    ),
});

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
                 (count(*) FILTER (WHERE i.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
                                     AND i."dueDate" < ${todayUtcDate()}::date))::int AS overdue
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
