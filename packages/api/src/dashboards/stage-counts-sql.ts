// The per-stage figures dashboards show, read from the counts the item
// triggers keep (project_stage_counts, project_stage_due; see the
// stage_counts migration) instead of counting items: a read costs per stage,
// not per item. tests/integration/tracking/stage-counts.test.ts pins them to
// a recount with the domain's rules after every kind of write.
import { Prisma } from '@shipshape/db';
import type { TItemStatus } from '@shipshape/domain';
import { todayUtcDate } from '../calendar-dates';

/** One stage's kept figures, as the SQL below selects them. */
export interface StageCountsRow {
  todo: number;
  inProgress: number;
  blocked: number;
  done: number;
  notApplicable: number;
  overdue: number;
}

/**
 * The columns of `StageCountsRow`: the status counts of the stage's counts row
 * (aliased `c`) and `overdue`, its open items due before today (UTC), which
 * turn overdue at midnight with no write; `overdue` is an SQL expression over
 * the stage (aliased `s`), by default a lookup of its due rows.
 */
export function sqlStageCounts(overdue = sqlStageOverdue()): Prisma.Sql {
  return Prisma.sql`coalesce(c."todo", 0) AS "todo", coalesce(c."inProgress", 0) AS "inProgress",
       coalesce(c."blocked", 0) AS "blocked", coalesce(c."done", 0) AS "done",
       coalesce(c."notApplicable", 0) AS "notApplicable", coalesce(${overdue}, 0)::int AS "overdue"`;
}

/** The open items of the stage aliased `s` due before today. */
function sqlStageOverdue(): Prisma.Sql {
  return Prisma.sql`(SELECT sum(d."open") FROM project_stage_due d
                      WHERE d."stageId" = s.id AND d."dueDate" < ${todayUtcDate()}::date)`;
}

/** The status counts of a row, as the domain's progress rules take them. */
export function countsOf(row: StageCountsRow): Record<TItemStatus, number> {
  return {
    TODO: row.todo,
    IN_PROGRESS: row.inProgress,
    BLOCKED: row.blocked,
    DONE: row.done,
    NOT_APPLICABLE: row.notApplicable,
  };
}
