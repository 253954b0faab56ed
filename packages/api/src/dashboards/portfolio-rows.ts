// One project's part of the portfolio (its name, stage figures and KPIs off
// track), read for many projects at once and kept per project under that
// project's data version: after a write, the portfolio re-reads only the
// projects that changed, so its cost grows with projects × stages, never with
// items, and one project's write costs one project's read.
import { Prisma, type Db } from '@shipshape/db';
import { kpiStatus, type TItemStatus } from '@shipshape/domain';
import { LRUCache } from 'lru-cache';
import { todayUtcDate } from '../calendar-dates';
import { latestMeasurements } from '../kpis/kpi-view';
import { countsOf, sqlStageCounts, type StageCountsRow } from './stage-counts-sql';

export interface PortfolioStage {
  key: string;
  title: string;
  position: number;
  counts: Record<TItemStatus, number>;
  overdue: number;
}

/** A project as the portfolio lists it, with the version its reads key on (as
 * `projectReadVersion`: its own writes and the workspace's shared ones). */
export interface ListedProject {
  id: string;
  version: string;
  name: string;
  slug: string;
  phase: string;
  currentStageKey: string | null;
}

/** What is kept of a project between its writes. */
interface ProjectFigures {
  kpisOffTrack: number;
  /** The stages that have items, in the project's order. */
  stages: PortfolioStage[];
}

export type PortfolioProject = ListedProject & ProjectFigures;

/** A workspace's unarchived projects in portfolio order. */
export function listPortfolioProjects(db: Db, workspaceId: string) {
  return db.$queryRaw<ListedProject[]>`
    SELECT p.id, w."sharedVersion" || '.' || p."dataVersion" AS version, p.name, p.slug,
           p.phase::text AS phase, cs.key AS "currentStageKey"
      FROM projects p
      JOIN workspaces w ON w.id = p."workspaceId"
      LEFT JOIN project_stages cs ON cs.id = p."currentStageId"
     WHERE p."workspaceId" = ${workspaceId}::uuid AND NOT p.archived
     ORDER BY p.name, p.id`;
}

// Figures of the process's portfolios; overdue figures depend on the day, so it
// is part of the version.
const kept = new LRUCache<string, { version: string; figures: ProjectFigures }>({ max: 20_000 });

/** Each listed project with its figures: kept ones while its version matches, else read. */
export async function portfolioRows(db: Db, listed: ListedProject[]): Promise<PortfolioProject[]> {
  const today = todayUtcDate();
  const figures = new Map<string, ProjectFigures>();
  const stale: ListedProject[] = [];
  for (const project of listed) {
    const hit = kept.get(project.id);
    if (hit && hit.version === `${project.version}@${today}`) figures.set(project.id, hit.figures);
    else stale.push(project);
  }
  if (stale.length > 0) {
    const fresh = await readProjectFigures(
      db,
      stale.map((project) => project.id),
    );
    for (const project of stale) {
      const read = fresh.get(project.id) ?? { kpisOffTrack: 0, stages: [] };
      figures.set(project.id, read);
      kept.set(project.id, { version: `${project.version}@${today}`, figures: read });
    }
  }
  // Every listed project got figures above (kept or read).
  return listed.map((project) => ({ ...project, ...figures.get(project.id)! }));
}

/** The figures of these projects, in three statements whatever their number. */
async function readProjectFigures(db: Db, ids: string[]): Promise<Map<string, ProjectFigures>> {
  const [stages, kpis] = await Promise.all([
    db.$queryRaw<
      Array<StageCountsRow & { projectId: string; key: string; title: string; position: number }>
    >`
      SELECT s."projectId", s.key, s.title, s.position, ${sqlStageCounts(Prisma.sql`o.overdue`)}
        FROM project_stages s
        JOIN project_stage_counts c ON c."stageId" = s.id
        LEFT JOIN (SELECT d."stageId", sum(d."open") AS overdue
                     FROM project_stage_due d
                    WHERE d."projectId" = ANY(${ids}::uuid[]) AND d."dueDate" < ${todayUtcDate()}::date
                    GROUP BY d."stageId") o ON o."stageId" = s.id
       WHERE s."projectId" = ANY(${ids}::uuid[])
         AND c."todo" + c."inProgress" + c."blocked" + c."done" + c."notApplicable" > 0
       ORDER BY s.position`,
    db.kpi.findMany({
      where: { projectId: { in: ids }, archived: false },
      select: { id: true, projectId: true, direction: true, baseline: true, target: true },
    }),
  ]);
  const latest = await latestMeasurements(
    db,
    kpis.map((k) => k.id),
  );
  const offTrack = new Map<string, number>();
  for (const kpi of kpis) {
    if (kpiStatus({ ...kpi, latest: latest.get(kpi.id)?.value ?? null }).onTrack === false)
      offTrack.set(kpi.projectId, (offTrack.get(kpi.projectId) ?? 0) + 1);
  }
  const stagesOf = new Map<string, PortfolioStage[]>();
  for (const row of stages) {
    const list = stagesOf.get(row.projectId) ?? [];
    list.push({
      key: row.key,
      title: row.title,
      position: row.position,
      counts: countsOf(row),
      overdue: row.overdue,
    });
    stagesOf.set(row.projectId, list);
  }
  return new Map(
    ids.map((id) => [id, { kpisOffTrack: offTrack.get(id) ?? 0, stages: stagesOf.get(id) ?? [] }]),
  );
}
