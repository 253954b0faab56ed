import { ITEM_STATUSES, type TItemStatus } from './status';

export interface TStatusSummary {
  total: number;
  counts: Record<TItemStatus, number>;
  /** Items that count towards progress: every item except NOT_APPLICABLE ones. */
  applicable: number;
  done: number;
  /** DONE out of applicable, in percent with one decimal; see `percentDone` below for edge cases. */
  percentDone: number;
}

/**
 * Summarises pre-aggregated counts, as the database returns them from `GROUP BY status`.
 * Missing statuses count as 0. Counts must be non-negative integers (anything else is a bug
 * in the caller, so it throws rather than producing a plausible-looking wrong percentage).
 */
export function summarizeCounts(counts: Partial<Record<TItemStatus, number>>): TStatusSummary {
  const full: Record<TItemStatus, number> = {
    TODO: validCount(counts, 'TODO'),
    IN_PROGRESS: validCount(counts, 'IN_PROGRESS'),
    BLOCKED: validCount(counts, 'BLOCKED'),
    DONE: validCount(counts, 'DONE'),
    NOT_APPLICABLE: validCount(counts, 'NOT_APPLICABLE'),
  };
  const total = ITEM_STATUSES.reduce((sum, status) => sum + full[status], 0);
  const applicable = total - full.NOT_APPLICABLE;
  const done = full.DONE;
  return {
    total,
    counts: full,
    applicable,
    done,
    percentDone: percentDone(done, applicable, total),
  };
}

function validCount(counts: Partial<Record<TItemStatus, number>>, status: TItemStatus): number {
  const count = counts[status] ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count for ${status} must be a non-negative integer, got ${count}`);
  }
  return count;
}

/** Summarises a list of items; always agrees with `summarizeCounts` on the same items. */
export function summarizeStatuses(items: ReadonlyArray<{ status: TItemStatus }>): TStatusSummary {
  const counts: Partial<Record<TItemStatus, number>> = {};
  for (const { status } of items) counts[status] = (counts[status] ?? 0) + 1;
  return summarizeCounts(counts);
}

/**
 * DONE / applicable × 100, rounded to one decimal, with three rules:
 *
 * - Every item NOT_APPLICABLE (applicable 0, total > 0): 100, because nothing is left to do.
 * - No items at all: 0, because there is no work that could be called finished.
 * - Rounding never claims more or less than the truth: 1999 of 2000 is 99.9, not 100.0, and
 *   1 of 2000 is 0.1, not 0.0, so "100%" always means finished and "0%" means not started.
 */
function percentDone(done: number, applicable: number, total: number): number {
  if (applicable === 0) return total > 0 ? 100 : 0;
  if (done === applicable) return 100;
  if (done === 0) return 0;
  // Integer numerator first: fewer floating-point surprises than (done / applicable) * 1000.
  const rounded = Math.round((done * 1000) / applicable) / 10;
  return Math.min(99.9, Math.max(0.1, rounded));
}
