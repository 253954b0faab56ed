import type { Db, Prisma } from '@shipshape/db';
import {
  ITEM_STATUSES,
  stageState,
  summarizeCounts,
  type TItemStatus,
  type TStageState,
} from '@shipshape/domain';
import { countsOf, sqlStageCounts, type StageCountsRow } from './stage-counts-sql';

export interface StageProgress {
  key: string;
  title: string;
  position: number;
  isCurrent: boolean;
  total: number;
  applicable: number;
  done: number;
  percentDone: number;
  counts: Record<TItemStatus, number>;
  overdue: number;
  state: TStageState;
}

type Reader = Db | Prisma.TransactionClient;

/**
 * Per-stage status counts and overdue items of one project, from the kept
 * counts (one row a stage); percent done and state come from the domain's
 * progress rules.
 */
export async function stageProgress(
  db: Reader,
  projectId: string,
  currentStageKey: string | null,
  stageKey?: string,
): Promise<StageProgress[]> {
  const rows = await db.$queryRaw<
    Array<StageCountsRow & { key: string; title: string; position: number }>
  >`
    SELECT s.key, s.title, s.position, ${sqlStageCounts()}
      FROM project_stages s
      LEFT JOIN project_stage_counts c ON c."stageId" = s.id
     WHERE s."projectId" = ${projectId}::uuid
       AND (${stageKey ?? null}::text IS NULL OR s.key = ${stageKey ?? null}::text)
     ORDER BY s.position`;
  return rows.map((row) => {
    const summary = summarizeCounts(countsOf(row));
    const isCurrent = row.key === currentStageKey;
    return {
      key: row.key,
      title: row.title,
      position: row.position,
      isCurrent,
      ...summary,
      overdue: row.overdue,
      state: stageState(summary, { overdue: row.overdue, isCurrent }),
    };
  });
}

/** Project-wide totals from the per-stage figures. */
export function totalsOf(stages: StageProgress[]) {
  const counts = Object.fromEntries(
    ITEM_STATUSES.map((status) => [status, stages.reduce((sum, s) => sum + s.counts[status], 0)]),
  ) as Record<TItemStatus, number>;
  const summary = summarizeCounts(counts);
  return { ...summary, overdue: stages.reduce((sum, s) => sum + s.overdue, 0) };
}
