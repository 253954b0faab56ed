// The kept stage counts (project_stage_counts, project_stage_due) and the
// dashboards built on them, checked against a recount of the items: the
// tables against a GROUP BY over project_items, the dashboards against the
// domain's own rules (summarizeCounts, isOverdue, stageState) run over the
// items as the database holds them.
import { Prisma, type Db } from '@shipshape/db';
import {
  ITEM_STATUSES,
  OPEN_STATUSES,
  isOverdue,
  stageState,
  summarizeCounts,
  summarizeStatuses,
  type TItemStatus,
} from '@shipshape/domain';
import { expect } from 'vitest';
import type { ApiClient } from './api-client';

const COLUMNS = ['todo', 'inProgress', 'blocked', 'done', 'notApplicable'] as const;

/**
 * Every row of both tables, in the whole database, equals a recount from the
 * items. A row whose figures are all zero is the same as no row (a stage whose
 * items all left keeps a zero row); no figure may be negative.
 */
export async function expectTablesMatchRecount(db: Db, context: string): Promise<void> {
  const kept = await db.$queryRaw<Array<Record<string, string | number>>>`
    SELECT "stageId", "projectId", todo, "inProgress", blocked, done, "notApplicable"
      FROM project_stage_counts`;
  const recounted = await db.$queryRaw<Array<Record<string, string | number>>>`
    SELECT "stageId", "projectId",
           count(*) FILTER (WHERE status = 'TODO')::int AS todo,
           count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS "inProgress",
           count(*) FILTER (WHERE status = 'BLOCKED')::int AS blocked,
           count(*) FILTER (WHERE status = 'DONE')::int AS done,
           count(*) FILTER (WHERE status = 'NOT_APPLICABLE')::int AS "notApplicable"
      FROM project_items GROUP BY "stageId", "projectId"`;
  const counts = (rows: typeof kept) =>
    Object.fromEntries(
      rows
        .filter((row) => COLUMNS.some((c) => Number(row[c]) !== 0))
        .map((row) => [
          row.stageId,
          `${row.projectId} ${COLUMNS.map((c) => `${c}=${row[c]}`).join(' ')}`,
        ]),
    );
  for (const row of kept) {
    for (const c of COLUMNS)
      expect(Number(row[c]), `${context}: negative ${c}`).toBeGreaterThanOrEqual(0);
  }
  expect(counts(kept), `${context}: project_stage_counts`).toEqual(counts(recounted));

  const keptDue = await db.$queryRaw<Array<{ key: string; open: number }>>`
    SELECT "stageId" || ' ' || "dueDate"::text || ' ' || "projectId" AS key, open
      FROM project_stage_due`;
  // The open statuses are the domain's, not a copy of the trigger's list.
  const recountedDue = await db.$queryRaw<Array<{ key: string; open: number }>>`
    SELECT "stageId" || ' ' || "dueDate"::text || ' ' || "projectId" AS key, count(*)::int AS open
      FROM project_items
     WHERE "dueDate" IS NOT NULL AND status::text IN (${Prisma.join([...OPEN_STATUSES])})
     GROUP BY "stageId", "dueDate", "projectId"`;
  for (const row of keptDue) {
    expect(row.open, `${context}: open on ${row.key} must be positive`).toBeGreaterThan(0);
  }
  const due = (rows: typeof keptDue) => Object.fromEntries(rows.map((r) => [r.key, r.open]));
  expect(due(keptDue), `${context}: project_stage_due`).toEqual(due(recountedDue));
}

export interface WorkspaceRows {
  projects: Array<{
    id: string;
    version: number;
    archived: boolean;
    templateId: string | null;
    currentStageKey: string | null;
  }>;
  stages: Array<{ id: string; projectId: string; key: string; position: number }>;
  items: Array<{
    id: string;
    version: number;
    projectId: string;
    stageId: string;
    parentId: string | null;
    status: TItemStatus;
    dueDate: Date | null;
  }>;
}

/** The workspace's projects, stages and items as the database holds them now. */
export async function readWorkspaceRows(db: Db, workspaceId: string): Promise<WorkspaceRows> {
  const [projects, stages, items] = await Promise.all([
    db.project.findMany({
      where: { workspaceId },
      select: {
        id: true,
        version: true,
        archived: true,
        templateId: true,
        currentStage: { select: { key: true } },
      },
      orderBy: { id: 'asc' },
    }),
    db.projectStage.findMany({
      where: { project: { workspaceId } },
      select: { id: true, projectId: true, key: true, position: true },
      orderBy: [{ projectId: 'asc' }, { position: 'asc' }],
    }),
    db.projectItem.findMany({
      where: { workspaceId },
      select: {
        id: true,
        version: true,
        projectId: true,
        stageId: true,
        parentId: true,
        status: true,
        dueDate: true,
      },
      orderBy: { id: 'asc' },
    }),
  ]);
  return {
    projects: projects.map(({ currentStage, ...p }) => ({
      ...p,
      currentStageKey: currentStage?.key ?? null,
    })),
    stages,
    items,
  };
}

/** What the dashboards should show for one stage, by the domain's rules. */
export function expectedStage(rows: WorkspaceRows, stageId: string, today: Date) {
  const items = rows.items.filter((item) => item.stageId === stageId);
  return {
    ...summarizeStatuses(items),
    overdue: items.filter((item) => isOverdue(item, today)).length,
  };
}

/**
 * dashboard.project of every project (archived ones too) and dashboard.workspace
 * agree, figure by figure, with the domain's rules over the items.
 */
export async function expectDashboardsMatch(
  client: ApiClient,
  workspaceId: string,
  rows: WorkspaceRows,
  today: Date,
  context: string,
): Promise<void> {
  const stagesOf = (projectId: string) => rows.stages.filter((s) => s.projectId === projectId);
  for (const project of rows.projects) {
    const dashboard = await client.ok('dashboard.project', { projectId: project.id });
    const expected = stagesOf(project.id).map((stage) => {
      const figures = expectedStage(rows, stage.id, today);
      const isCurrent = stage.key === project.currentStageKey;
      return {
        key: stage.key,
        isCurrent,
        ...figures,
        state: stageState(figures, { overdue: figures.overdue, isCurrent }),
      };
    });
    const shown = dashboard.stages.map((s) => ({
      key: s.key,
      isCurrent: s.isCurrent,
      total: s.total,
      counts: s.counts,
      applicable: s.applicable,
      done: s.done,
      percentDone: s.percentDone,
      overdue: s.overdue,
      state: s.state,
    }));
    expect(shown, `${context}: dashboard.project ${project.id} stages`).toEqual(expected);
    const projectItems = rows.items.filter((item) => item.projectId === project.id);
    const totals = summarizeStatuses(projectItems);
    expect(dashboard.totals, `${context}: dashboard.project ${project.id} totals`).toMatchObject({
      ...totals,
      overdue: projectItems.filter((item) => isOverdue(item, today)).length,
    });
  }

  const portfolio = await client.ok('dashboard.workspace', { workspaceId });
  const active = rows.projects.filter((p) => !p.archived);
  const expectedProjects = active.map((project) => {
    const items = rows.items.filter((item) => item.projectId === project.id);
    const cells: Record<string, unknown> = {};
    for (const stage of stagesOf(project.id)) {
      const figures = expectedStage(rows, stage.id, today);
      if (figures.total === 0) continue;
      const isCurrent = stage.key === project.currentStageKey;
      cells[stage.key] = {
        percentDone: figures.percentDone,
        total: figures.total,
        done: figures.done,
        state: stageState(figures, { overdue: figures.overdue, isCurrent }),
      };
    }
    const byStatus = Object.fromEntries(
      ITEM_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length]),
    );
    return {
      id: project.id,
      percentDone: summarizeCounts(byStatus).percentDone,
      overdue: items.filter((item) => isOverdue(item, today)).length,
      blocked: byStatus.BLOCKED,
      cells,
    };
  });
  const shownProjects = portfolio.projects.map((project) => ({
    id: project.id,
    percentDone: project.percentDone,
    overdue: project.overdue,
    blocked: project.blocked,
    cells: Object.fromEntries(
      portfolio.stages.flatMap((column, i) => {
        const cell = project.cells[i];
        return cell ? [[column.key, cell]] : [];
      }),
    ),
  }));
  const byId = <T extends { id: string }>(list: T[]) =>
    [...list].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(shownProjects), `${context}: dashboard.workspace projects`).toEqual(
    byId(expectedProjects),
  );
  // Columns: the stage keys that hold items in some active project.
  const columns = new Set(expectedProjects.flatMap((p) => Object.keys(p.cells)));
  expect(
    portfolio.stages.map((s) => s.key).sort(),
    `${context}: dashboard.workspace columns`,
  ).toEqual([...columns].sort());
  expect(portfolio.totals.overdue, `${context}: dashboard.workspace overdue`).toBe(
    expectedProjects.reduce((sum, p) => sum + p.overdue, 0),
  );
}
