import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketStartMs, bucketWidthMs } from './buckets';
import { downsample, type TMeasurementPoint } from './downsample';

/** PostgreSQL's date_bin(stride, source, origin), as documented, on millisecond numbers. */
function postgresDateBin(strideMs: number, sourceMs: number, originMs: number): number {
  return originMs + Math.floor((sourceMs - originMs) / strideMs) * strideMs;
}

const point = fc.record({
  t: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
  v: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
});

describe('bucketWidthMs', () => {
  it('splits the inclusive range into at most maxPoints whole-millisecond buckets', () => {
    expect(bucketWidthMs(0, 999, 10)).toBe(100);
    expect(bucketWidthMs(0, 1000, 10)).toBe(101);
    expect(bucketWidthMs(5, 5, 500)).toBe(1);
    expect(bucketWidthMs(0, 3, 500)).toBe(1);
  });

  it('rejects ranges and sizes that make no sense', () => {
    expect(() => bucketWidthMs(10, 0, 5)).toThrow(RangeError);
    expect(() => bucketWidthMs(0, 1.5, 5)).toThrow(RangeError);
    expect(() => bucketWidthMs(0, 10, 0)).toThrow(RangeError);
    expect(() => bucketWidthMs(0, 10, 2.5)).toThrow(RangeError);
  });

  it('never needs more than maxPoints buckets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 5000 }),
        (from, span, maxPoints) => {
          const width = bucketWidthMs(from, from + span, maxPoints);
          expect(Math.floor(span / width)).toBeLessThan(maxPoints);
        },
      ),
    );
  });
});

describe('downsample', () => {
  it('returns short series point by point', () => {
    const points = [
      { t: 2, v: 5 },
      { t: 1, v: 3 },
    ];
    expect(downsample(points, 2)).toEqual([
      { t: 2, min: 5, max: 5, avg: 5, count: 1 },
      { t: 1, min: 3, max: 3, avg: 3, count: 1 },
    ]);
    expect(downsample([])).toEqual([]);
  });

  it('merges long series into equal-width buckets starting at the first point', () => {
    const points = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((t) => ({ t: 1000 + t, v: t }));
    // Range 1000..1009 is 10 ms; 3 buckets of ceil(10 / 3) = 4 ms.
    expect(downsample(points, 3)).toEqual([
      { t: 1000, min: 0, max: 3, avg: 1.5, count: 4 },
      { t: 1004, min: 4, max: 7, avg: 5.5, count: 4 },
      { t: 1008, min: 8, max: 9, avg: 8.5, count: 2 },
    ]);
  });

  it('keeps spikes and skips empty buckets', () => {
    const points = [
      { t: 0, v: 1 },
      { t: 1, v: 100 },
      { t: 2, v: 1 },
      { t: 99, v: 2 },
    ];
    expect(downsample(points, 2)).toEqual([
      { t: 0, min: 1, max: 100, avg: 34, count: 3 },
      { t: 50, min: 2, max: 2, avg: 2, count: 1 },
    ]);
  });

  it('keeps the average between min and max despite rounding', () => {
    const points = [0, 1, 2].map((t) => ({ t, v: 0.1 }));
    expect(downsample(points, 1)).toEqual([{ t: 0, min: 0.1, max: 0.1, avg: 0.1, count: 3 }]);
  });

  it('rejects a maxPoints that is not a positive integer', () => {
    expect(() => downsample([], 0)).toThrow(RangeError);
  });

  it('returns at most maxPoints buckets covering every point once, min ≤ avg ≤ max', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (points, maxPoints) => {
          const buckets = downsample(points, maxPoints);
          expect(buckets.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(points.length);
          for (const bucket of buckets) {
            expect(bucket.min).toBeLessThanOrEqual(bucket.avg);
            expect(bucket.avg).toBeLessThanOrEqual(bucket.max);
          }
        },
      ),
    );
  });

  it('puts each point in the bucket PostgreSQL date_bin would choose', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 2, maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (points, maxPoints) => {
          fc.pre(points.length > maxPoints);
          const ts = points.map((p) => p.t);
          const from = Math.min(...ts);
          const width = bucketWidthMs(from, Math.max(...ts), maxPoints);
          const expected = new Map<number, TMeasurementPoint[]>();
          for (const p of points) {
            const start = postgresDateBin(width, p.t, from);
            expect(bucketStartMs(p.t, from, width)).toBe(start);
            expected.set(start, [...(expected.get(start) ?? []), p]);
          }
          const buckets = downsample(points, maxPoints);
          expect(buckets.map((b) => [b.t, b.count])).toEqual(
            [...expected]
              .sort(([a], [b]) => a - b)
              .map(([start, members]) => [start, members.length]),
          );
          for (const bucket of buckets) {
            const values = (expected.get(bucket.t) ?? []).map((p) => p.v);
            expect(bucket.min).toBe(Math.min(...values));
            expect(bucket.max).toBe(Math.max(...values));
          }
        },
      ),
    );
  });
});
