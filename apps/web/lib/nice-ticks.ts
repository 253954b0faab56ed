// Axis ticks people can read: steps of 1, 2, 2.5 or 5 times a power of ten,
// on a domain widened to whole steps (what d3-scale's `.nice()` does).

export interface NiceScale {
  /** The axis' domain, widened to whole steps. */
  domain: [number, number];
  ticks: number[];
  step: number;
}

const MULTIPLIERS = [1, 2, 2.5, 5, 10];

/** The smallest 1/2/2.5/5 × 10^k step that covers `span` in at most `count - 1` steps. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiplier = MULTIPLIERS.find((m) => m * power >= raw * (1 - 1e-9)) ?? 10;
  return multiplier * power;
}

/** Rounds away float noise (0.1 + 0.2) at the step's own precision. */
function clean(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const rounded = Number(value.toFixed(Math.min(20, decimals)));
  return rounded === 0 ? 0 : rounded;
}

/**
 * Round ticks spanning `lo`…`hi`, about `count` of them (never more than
 * `count + 1`): 60.2…79.8 gives 60, 65, 70, 75, 80.
 */
export function niceTicks(lo: number, hi: number, count = 5): NiceScale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi))
    return { domain: [0, 1], ticks: [0, 1], step: 1 };
  let [min, max] = lo <= hi ? [lo, hi] : [hi, lo];
  if (min === max) {
    // One value: a small range around it, so the line sits mid-chart.
    const half = Math.abs(min) / 10 || 1;
    min -= half;
    max += half;
  }
  let step = niceStep(max - min, count);
  let start = Math.floor(min / step) * step;
  let end = Math.ceil(max / step) * step;
  // Widening to whole steps can add a step at each end: take the next step up if so.
  if (Math.round((end - start) / step) > count) {
    step = niceStep(end - start, count);
    start = Math.floor(min / step) * step;
    end = Math.ceil(max / step) * step;
  }
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i += 1)
    ticks.push(clean(start + i * step, step));
  return { domain: [clean(start, step), clean(end, step)], ticks, step };
}
