import type { Db } from '@shipshape/db';
import { OPEN_STATUSES, type ZProjectDashboardInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { startOfTodayUtc } from '../calendar-dates';
import { sqlItemIsOpen, sqlItemIsOverdue } from './overdue-sql';
import { listKpis } from '../kpis/kpi-view';
import { readProject } from '../projects/project-view';
import { readCache } from '../read-cache';
import { briefItemSelect, lessonBriefSelect, toBrief } from './dashboard-view';
import { stageProgress, totalsOf } from './stage-progress';

/** One project at a glance: stage progress, problems, people, KPIs, lessons,
 * activity; cached until the workspace changes. */
export function getProjectDashboard({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'dataVersion'>;
  input: z.infer<typeof ZProjectDashboardInput>;
}) {
  return readCache.read(`project:${input.projectId}`, actor.dataVersion, () =>
    projectDashboard(db, input.projectId),
  );
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
           (count(*) FILTER (WHERE ${sqlItemIsOpen()}))::int AS open,
           (count(*) FILTER (WHERE ${sqlItemIsOverdue()}))::int AS overdue,
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
