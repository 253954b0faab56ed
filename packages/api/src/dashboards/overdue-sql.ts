// SQL mirrors of the domain's "open" and "overdue" rules (isOpenStatus, isOverdue), for
// counting in the database. tests/integration/tracking/overdue-rule.test.ts pins every count
// made with them to the domain functions on the same rows.
import { Prisma } from '@shipshape/db';
import { OPEN_STATUSES } from '@shipshape/domain';
import { todayUtcDate } from '../calendar-dates';

/** The item aliased `i` still needs work. */
export function sqlItemIsOpen(): Prisma.Sql {
  return Prisma.sql`i.status::text IN (${Prisma.join([...OPEN_STATUSES])})`;
}

/** The item aliased `i` is open and was due before today (UTC calendar days). */
export function sqlItemIsOverdue(): Prisma.Sql {
  return Prisma.sql`(${sqlItemIsOpen()} AND i."dueDate" < ${todayUtcDate()}::date)`;
}
