import type { Db } from '@shipshape/db';
import { OPEN_STATUSES, type ZProjectDashboardInput } from '@shipshape/domain';
import type { z } from 'zod';
import { readActivityEntries, seesActivityDetails } from '../activity/activity-entries';
import type { ServiceArgs } from '../actor';
import { startOfTodayUtc } from '../calendar-dates';
import { sqlItemIsOpen, sqlItemIsOverdue } from './overdue-sql';
import { listKpis } from '../kpis/kpi-view';
import { readProject } from '../projects/project-view';
import { projectReadVersion, readCache } from '../read-cache';
import { briefItemSelect, lessonBriefSelect, toBrief } from './dashboard-view';
import { stageProgress, totalsOf } from './stage-progress';

/** One project at a glance: stage progress, problems, people, KPIs, lessons,
 * activity (entries as activity.list gives them); cached until the project or
 * the workspace's shared data changes (not when another project does), one
 * copy for readers who see admin-only activity details and one for the rest. */
export function getProjectDashboard({
  db,
  actor,
  input,
}: ServiceArgs<
  z.infer<typeof ZProjectDashboardInput>,
  'workspaceId' | 'role' | 'dataVersion' | 'projectVersion'
>) {
  const details = seesActivityDetails(actor.role);
  return readCache.read(
    `project:${input.projectId}:${details ? 'details' : 'plain'}`,
    projectReadVersion(actor),
    () => projectDashboard(db, actor.workspaceId, input.projectId, details),
  );
}

async function projectDashboard(
  db: Db,
  workspaceId: string,
  projectId: string,
  activityDetails: boolean,
) {
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
      readActivityEntries(db, activityDetails, { workspaceId, projectId, limit: 10 }),
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
    activity,
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
