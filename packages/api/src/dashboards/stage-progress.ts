import type { Db, Prisma } from '@shipshape/db';
import {
  ITEM_STATUSES,
  stageState,
  summarizeCounts,
  type TItemStatus,
  type TStageState,
} from '@shipshape/domain';
import { sqlItemIsOverdue } from './overdue-sql';

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
 * Per-stage status counts and overdue items of one project, in one grouped
 * query; percent done and state come from the domain's progress rules.
 */
export async function stageProgress(
  db: Reader,
  projectId: string,
  currentStageKey: string | null,
  stageKey?: string,
): Promise<StageProgress[]> {
  const rows = await db.$queryRaw<
    Array<{
      key: string;
      title: string;
      position: number;
      status: TItemStatus | null;
      n: number;
      overdue: number;
    }>
  >`
    SELECT s.key, s.title, s.position, i.status::text AS status, count(i.id)::int AS n,
           (count(i.id) FILTER (WHERE ${sqlItemIsOverdue()}))::int AS overdue
      FROM project_stages s
      LEFT JOIN project_items i ON i."stageId" = s.id
     WHERE s."projectId" = ${projectId}::uuid
       AND (${stageKey ?? null}::text IS NULL OR s.key = ${stageKey ?? null}::text)
     GROUP BY s.id, s.key, s.title, s.position, i.status
     ORDER BY s.position`;
  const stages = new Map<
    string,
    {
      title: string;
      position: number;
      counts: Partial<Record<TItemStatus, number>>;
      overdue: number;
    }
  >();
  for (const row of rows) {
    const stage = stages.get(row.key) ?? {
      title: row.title,
      position: row.position,
      counts: {},
      overdue: 0,
    };
    if (row.status) stage.counts[row.status] = row.n;
    stage.overdue += row.overdue;
    stages.set(row.key, stage);
  }
  return [...stages].map(([key, stage]) => {
    const summary = summarizeCounts(stage.counts);
    const isCurrent = key === currentStageKey;
    return {
      key,
      title: stage.title,
      position: stage.position,
      isCurrent,
      ...summary,
      overdue: stage.overdue,
      state: stageState(summary, { overdue: stage.overdue, isCurrent }),
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
