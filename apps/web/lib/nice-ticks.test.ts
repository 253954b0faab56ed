import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

describe('[web][chart] niceTicks', () => {
  it('puts ticks on round values around odd data', () => {
    expect(niceTicks(60.2, 79.8).ticks).toEqual([60, 65, 70, 75, 80]);
    expect(niceTicks(60.2, 79.8).domain).toEqual([60, 80]);
  });

  it('keeps decimals clean for small ranges', () => {
    const { ticks } = niceTicks(0.912, 0.937);
    expect(ticks.every((t) => String(t).length <= 5)).toBe(true);
    expect(ticks[0]).toBeLessThanOrEqual(0.912);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(0.937);
  });

  it('covers negative and zero-crossing ranges with 1, 2, 2.5 or 5 × 10^k steps', () => {
    for (const [lo, hi] of [
      [-13.7, 42.1],
      [-0.003, 0.017],
      [1, 1_000_000],
      [9.2, 21.8],
    ] as const) {
      const { ticks, step, domain } = niceTicks(lo, hi);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toFixed(6)));
      expect(domain[0]).toBeLessThanOrEqual(lo);
      expect(domain[1]).toBeGreaterThanOrEqual(hi);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it('gives one value a range around it', () => {
    const { domain, ticks } = niceTicks(12, 12);
    expect(domain[0]).toBeLessThan(12);
    expect(domain[1]).toBeGreaterThan(12);
    expect(ticks).toContain(12);
  });
});
