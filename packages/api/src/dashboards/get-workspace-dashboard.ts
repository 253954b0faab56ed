import type { Db } from '@shipshape/db';
import { stageState, summarizeCounts, type TItemStatus } from '@shipshape/domain';
import type { ActorArgs } from '../actor';
import { readCache } from '../read-cache';
import { listPortfolioProjects, portfolioRows, type PortfolioProject } from './portfolio-rows';

/** The portfolio: every project × every stage as percent done, plus problems
 * per project; cached until the workspace changes, and then rebuilt from the
 * rows of the projects that did not change plus fresh rows of those that did. */
export function getWorkspaceDashboard({ db, actor }: ActorArgs<'workspaceId' | 'dataVersion'>) {
  return readCache.read(`workspace:${actor.workspaceId}`, actor.dataVersion, () =>
    workspaceDashboard(db, actor.workspaceId),
  );
}

async function workspaceDashboard(db: Db, workspaceId: string) {
  const projects = await portfolioRows(db, await listPortfolioProjects(db, workspaceId));

  // Columns: every stage key any project has, in template order.
  const columns = new Map<string, { title: string; position: number }>();
  for (const project of projects) {
    for (const stage of project.stages) {
      const column = columns.get(stage.key);
      if (!column || stage.position < column.position)
        columns.set(stage.key, { title: stage.title, position: stage.position });
    }
  }
  const stages = [...columns]
    .sort((a, b) => a[1].position - b[1].position)
    .map(([key, c]) => ({ key, title: c.title }));

  const rows = projects.map((project) => portfolioRow(project, stages));
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

/** One project's row, its cells aligned with the portfolio's columns. */
function portfolioRow(project: PortfolioProject, columns: Array<{ key: string }>) {
  const byKey = new Map(project.stages.map((stage) => [stage.key, stage]));
  const allCounts: Partial<Record<TItemStatus, number>> = {};
  let overdue = 0;
  const cells = columns.map(({ key }) => {
    const cell = byKey.get(key);
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
        isCurrent: key === project.currentStageKey,
      }),
    };
  });
  return {
    id: project.id,
    name: project.name,
    slug: project.slug,
    phase: project.phase,
    currentStageKey: project.currentStageKey,
    percentDone: summarizeCounts(allCounts).percentDone,
    overdue,
    blocked: allCounts.BLOCKED ?? 0,
    kpisOffTrack: project.kpisOffTrack,
    cells,
  };
}
