import type { TStatusSummary } from './summary';

/** How a stage is coloured in the portfolio grid. */
export type TStageState = 'done' | 'blocked' | 'at-risk' | 'in-progress' | 'not-started' | 'empty';

export interface TStageContext {
  /** Open items in the stage whose due date has passed (see `isOverdue`). */
  overdue: number;
  /** Whether this is the stage the project is working on now. */
  isCurrent: boolean;
}

/**
 * The first rule that matches wins:
 *
 * 1. `empty`: nothing applicable (no items, or every item NOT_APPLICABLE). A skipped stage is
 *    not shown as finished work, even though its percentDone is 100.
 * 2. `done`: every applicable item is DONE.
 * 3. `blocked`: some item is BLOCKED. Blocked beats overdue: it names the reason for a delay,
 *    and someone has to act on it.
 * 4. `at-risk`: some open item is overdue.
 * 5. `in-progress`: some item is IN_PROGRESS or DONE, or this is the project's current stage
 *    (the team has said it works on it, even before the first item moved).
 * 6. `not-started`: otherwise (everything applicable is TODO).
 */
export function stageState(summary: TStatusSummary, context: TStageContext): TStageState {
  if (summary.applicable === 0) return 'empty';
  if (summary.done === summary.applicable) return 'done';
  if (summary.counts.BLOCKED > 0) return 'blocked';
  if (context.overdue > 0) return 'at-risk';
  const started = summary.counts.IN_PROGRESS > 0 || summary.done > 0;
  if (started || context.isCurrent) return 'in-progress';
  return 'not-started';
}
