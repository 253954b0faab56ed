import { assertMaxPoints, bucketStartMs, bucketWidthMs } from './buckets';

export interface TMeasurementPoint {
  /** Milliseconds since the epoch. */
  t: number;
  v: number;
}

export interface TPointBucket {
  /** The bucket's start (or the point's own time when nothing was merged). */
  t: number;
  min: number;
  max: number;
  avg: number;
  count: number;
}

/**
 * Shrinks a series for a chart without hiding spikes: every bucket keeps its min and max.
 *
 * Up to `maxPoints` points come back one bucket per point, in the order given. Longer series
 * are split into `maxPoints` equal-width buckets over [earliest t, latest t] (formula in
 * `bucketWidthMs`, shared with the SQL query) and the non-empty buckets come back in time
 * order. Times must be whole milliseconds; points need not be sorted.
 */
export function downsample(points: readonly TMeasurementPoint[], maxPoints = 500): TPointBucket[] {
  assertMaxPoints(maxPoints);
  if (points.length <= maxPoints) {
    return points.map(({ t, v }) => ({ t, min: v, max: v, avg: v, count: 1 }));
  }

  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const { t } of points) {
    fromMs = Math.min(fromMs, t);
    toMs = Math.max(toMs, t);
  }
  const width = bucketWidthMs(fromMs, toMs, maxPoints);

  const buckets = new Map<number, { min: number; max: number; sum: number; count: number }>();
  for (const { t, v } of points) {
    const start = bucketStartMs(t, fromMs, width);
    const bucket = buckets.get(start);
    if (bucket) {
      bucket.min = Math.min(bucket.min, v);
      bucket.max = Math.max(bucket.max, v);
      bucket.sum += v;
      bucket.count += 1;
    } else {
      buckets.set(start, { min: v, max: v, sum: v, count: 1 });
    }
  }

  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([t, { min, max, sum, count }]) => ({
      t,
      min,
      max,
      // Rounding can push sum / count a hair outside [min, max] (3 × 0.1 / 3 > 0.1); clamp.
      avg: Math.min(max, Math.max(min, sum / count)),
      count,
    }));
}
