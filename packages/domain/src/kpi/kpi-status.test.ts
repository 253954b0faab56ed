import { describe, expect, it } from 'vitest';
import { kpiStatus } from './kpi-status';

const higher = { direction: 'HIGHER_IS_BETTER' } as const;
const lower = { direction: 'LOWER_IS_BETTER' } as const;

describe('kpiStatus', () => {
  it('reports change and progress against baseline and target', () => {
    expect(kpiStatus({ ...higher, baseline: 0.8, target: 0.9, latest: 0.86 })).toEqual({
      latest: 0.86,
      changeVsBaseline: expect.closeTo(0.06, 12),
      changeVsBaselinePercent: expect.closeTo(7.5, 10),
      progressToTarget: expect.closeTo(0.6, 12),
      onTrack: true,
    });
  });

  it('gives a negative percent for a drop from a negative baseline', () => {
    // From -10 to -15 is a fall of 50%, not a rise: the percent divides by |baseline|.
    const status = kpiStatus({ ...higher, baseline: -10, target: 0, latest: -15 });
    expect(status.changeVsBaselinePercent).toBe(-50);
    expect(status.progressToTarget).toBe(-0.5);
    expect(status.onTrack).toBe(false);
  });

  it('leaves out what cannot be computed', () => {
    expect(kpiStatus({ ...higher, baseline: null, target: null, latest: null })).toEqual({
      latest: null,
      changeVsBaseline: null,
      changeVsBaselinePercent: null,
      progressToTarget: null,
      onTrack: null,
    });
    const zeroBaseline = kpiStatus({ ...higher, baseline: 0, target: 10, latest: 4 });
    expect(zeroBaseline).toMatchObject({ changeVsBaseline: 4, changeVsBaselinePercent: null });
    expect(zeroBaseline.progressToTarget).toBe(0.4);
    const targetAtBaseline = kpiStatus({ ...higher, baseline: 5, target: 5, latest: 6 });
    expect(targetAtBaseline.progressToTarget).toBeNull();
    expect(targetAtBaseline.onTrack).toBe(true);
  });

  it('reports progress unclamped, beyond the target and away from it', () => {
    expect(kpiStatus({ ...higher, baseline: 10, target: 20, latest: 25 }).progressToTarget).toBe(
      1.5,
    );
    expect(kpiStatus({ ...higher, baseline: 10, target: 20, latest: 5 }).progressToTarget).toBe(
      -0.5,
    );
  });

  it('treats non-finite numbers as missing', () => {
    const status = kpiStatus({ ...higher, baseline: Number.NaN, target: 1, latest: Infinity });
    expect(status).toMatchObject({ latest: null, changeVsBaseline: null, onTrack: null });
  });

  describe('onTrack', () => {
    it('has no verdict without a latest value or a target', () => {
      expect(kpiStatus({ ...higher, baseline: 1, target: null, latest: 2 }).onTrack).toBeNull();
      expect(kpiStatus({ ...higher, baseline: 1, target: 2, latest: null }).onTrack).toBeNull();
    });

    it('is true once the target is reached, in the direction of the KPI', () => {
      expect(kpiStatus({ ...higher, baseline: 0.8, target: 0.9, latest: 0.9 }).onTrack).toBe(true);
      expect(kpiStatus({ ...lower, baseline: 200, target: 100, latest: 100 }).onTrack).toBe(true);
      expect(kpiStatus({ ...lower, baseline: 200, target: 100, latest: 80 }).onTrack).toBe(true);
    });

    it('is true at least half-way from baseline to target, false before', () => {
      expect(kpiStatus({ ...higher, baseline: 0, target: 10, latest: 5 }).onTrack).toBe(true);
      expect(kpiStatus({ ...higher, baseline: 0, target: 10, latest: 4.9 }).onTrack).toBe(false);
      // Latency from 200 ms towards 100 ms: 150 is half-way, 160 is not.
      expect(kpiStatus({ ...lower, baseline: 200, target: 100, latest: 150 }).onTrack).toBe(true);
      expect(kpiStatus({ ...lower, baseline: 200, target: 100, latest: 160 }).onTrack).toBe(false);
    });

    it('is false when the KPI moved the wrong way', () => {
      expect(kpiStatus({ ...lower, baseline: 200, target: 100, latest: 250 }).onTrack).toBe(false);
    });

    it('is false below target without a baseline: there is no way covered to measure', () => {
      expect(kpiStatus({ ...higher, baseline: null, target: 10, latest: 9.99 }).onTrack).toBe(
        false,
      );
      expect(kpiStatus({ ...higher, baseline: null, target: 10, latest: 10 }).onTrack).toBe(true);
    });

    it('treats a target on the worse side of the baseline as a guardrail', () => {
      // Accuracy 0.92 today, "must stay at or above 0.90".
      const guard = { ...higher, baseline: 0.92, target: 0.9 };
      expect(kpiStatus({ ...guard, latest: 0.91 }).onTrack).toBe(true);
      // Progress is (0.85 − 0.92) / (0.90 − 0.92) = 3.5, which must not count as on track.
      expect(kpiStatus({ ...guard, latest: 0.85 }).progressToTarget).toBeCloseTo(3.5);
      expect(kpiStatus({ ...guard, latest: 0.85 }).onTrack).toBe(false);
      // Lower is better with a target above the baseline: a cost ceiling.
      const ceiling = { ...lower, baseline: 100, target: 120 };
      expect(kpiStatus({ ...ceiling, latest: 115 }).onTrack).toBe(true);
      expect(kpiStatus({ ...ceiling, latest: 130 }).onTrack).toBe(false);
    });
  });
});

describe('kpiStatus at the edges of a double', () => {
  const extremes = [5e-324, -5e-324, 1.7e308, -1.7e308, Number.MAX_VALUE, 1, 0, 1 + 2 ** -52];
  it('every derived number is finite or null, for every combination', () => {
    for (const direction of ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const) {
      for (const baseline of extremes) {
        for (const target of extremes) {
          for (const latest of extremes) {
            const status = kpiStatus({ direction, baseline, target, latest });
            for (const value of [
              status.changeVsBaseline,
              status.changeVsBaselinePercent,
              status.progressToTarget,
            ]) {
              expect(value === null || Number.isFinite(value), JSON.stringify(status)).toBe(true);
            }
          }
        }
      }
    }
  });

  it('halves differences that would overflow instead of giving up', () => {
    const status = kpiStatus({
      direction: 'HIGHER_IS_BETTER',
      baseline: -1.7e308,
      target: 1.7e308,
      latest: 0,
    });
    expect(status.progressToTarget).toBe(0.5);
    expect(status.changeVsBaseline).toBe(1.7e308);
    expect(status.onTrack).toBe(true);
  });

  it('a tiny baseline gives no percent rather than Infinity', () => {
    const status = kpiStatus({
      direction: 'HIGHER_IS_BETTER',
      baseline: 5e-324,
      target: null,
      latest: 1,
    });
    expect(status.changeVsBaselinePercent).toBeNull();
    expect(status.changeVsBaseline).toBe(1);
  });
});
