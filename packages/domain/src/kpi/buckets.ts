/**
 * Time buckets for charts, defined so that SQL can produce exactly the same ones.
 *
 * For a range [fromMs, toMs] (both inclusive) and at most `maxPoints` buckets:
 *
 *   width = max(1, ceil((toMs − fromMs + 1) / maxPoints))          (whole milliseconds)
 *   index = floor((t − fromMs) / width)                             (0 ≤ index < maxPoints)
 *   start = fromMs + index × width
 *
 * `width × maxPoints ≥ toMs − fromMs + 1`, so the last index is at most maxPoints − 1. In
 * PostgreSQL, `start` is `date_bin(width * interval '1 millisecond', "recordedAt",
 * to_timestamp(fromMs / 1000.0))`, which computes origin + floor((t − origin) / stride) × stride.
 */
export function bucketWidthMs(fromMs: number, toMs: number, maxPoints: number): number {
  if (!Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs) || fromMs > toMs) {
    throw new RangeError(`bucket range must be whole milliseconds with from ≤ to`);
  }
  assertMaxPoints(maxPoints);
  return Math.max(1, Math.ceil((toMs - fromMs + 1) / maxPoints));
}

/** The start of the bucket that holds `t` (see `bucketWidthMs` for the formula). */
export function bucketStartMs(t: number, fromMs: number, widthMs: number): number {
  return fromMs + Math.floor((t - fromMs) / widthMs) * widthMs;
}

export function assertMaxPoints(maxPoints: number): void {
  if (!Number.isSafeInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError(`maxPoints must be a positive integer, got ${maxPoints}`);
  }
}
