import { isAtLeastAsGood, type TKpiDirection } from './direction';

export interface TKpiStatusInput {
  direction: TKpiDirection;
  baseline: number | null;
  target: number | null;
  /** The most recent measurement, or null when nothing was measured yet. */
  latest: number | null;
}

export interface TKpiStatus {
  latest: number | null;
  /** latest − baseline; null without both. */
  changeVsBaseline: number | null;
  /** (latest − baseline) / |baseline| × 100; null without both or when baseline is 0. */
  changeVsBaselinePercent: number | null;
  /**
   * (latest − baseline) / (target − baseline), unclamped: 0 at the baseline, 1 at the target,
   * above 1 beyond it, negative when moving away from it. Null without all three values or
   * when target equals baseline.
   */
  progressToTarget: number | null;
  /** See `kpiStatus`. */
  onTrack: boolean | null;
}

/** How far from baseline to target a KPI must be to count as on track before reaching it. */
export const ON_TRACK_PROGRESS = 0.5;

/**
 * Where a KPI stands against its baseline and target.
 *
 * onTrack, the rule a product manager sees as a green or red badge:
 * - null (no badge) without a latest value or without a target: nothing to judge.
 * - true when the target is reached: latest ≥ target for HIGHER_IS_BETTER, latest ≤ target
 *   for LOWER_IS_BETTER. The direction alone decides this, so a target on the "worse" side of
 *   the baseline works as a guardrail (accuracy 0.92, target "stay above 0.90").
 * - true when not reached yet but at least half-way from the baseline to the target, provided
 *   the target lies in the better direction from the baseline.
 * - false otherwise, including a missing baseline (no way to measure the way covered).
 *
 * Non-finite numbers are treated as missing, and every derived number is finite or null:
 * inputs are bounded (`KPI_VALUE_LIMITS`), but a row stored before that, or a difference of
 * two huge values, must not turn into Infinity or NaN (an output check would then fail on
 * every read of the project).
 */
export function kpiStatus(input: TKpiStatusInput): TKpiStatus {
  const latest = known(input.latest);
  const baseline = known(input.baseline);
  const target = known(input.target);

  const changeVsBaseline = latest !== null && baseline !== null ? known(latest - baseline) : null;
  const changeRatio =
    latest !== null && baseline !== null && baseline !== 0
      ? ratioOfDifferences(latest, baseline, Math.abs(baseline), 0)
      : null;
  const changeVsBaselinePercent = changeRatio === null ? null : known(changeRatio * 100);
  const progressToTarget =
    latest !== null && baseline !== null && target !== null && target !== baseline
      ? ratioOfDifferences(latest, baseline, target, baseline)
      : null;

  return {
    latest,
    changeVsBaseline,
    changeVsBaselinePercent,
    progressToTarget,
    onTrack: onTrack(input.direction, latest, baseline, target, progressToTarget),
  };
}

function onTrack(
  direction: TKpiDirection,
  latest: number | null,
  baseline: number | null,
  target: number | null,
  progress: number | null,
): boolean | null {
  if (latest === null || target === null) return null;
  if (isAtLeastAsGood(direction, latest, target)) return true;
  if (baseline === null || progress === null) return false;
  const targetIsImprovement = !isAtLeastAsGood(direction, baseline, target);
  return targetIsImprovement && progress >= ON_TRACK_PROGRESS;
}

/**
 * (a − b) / (c − d), or null when that is not a finite number. When a difference overflows
 * (1.7e308 − (−1.7e308)), both are halved first, which keeps them finite; the quotient can
 * still overflow when the divisor is tiny, and then there is no answer to show.
 */
function ratioOfDifferences(a: number, b: number, c: number, d: number): number | null {
  const numerator = a - b;
  const denominator = c - d;
  if (Number.isFinite(numerator) && Number.isFinite(denominator)) {
    return denominator === 0 ? null : known(numerator / denominator);
  }
  const halved = c / 2 - d / 2;
  return halved === 0 ? null : known((a / 2 - b / 2) / halved);
}

function known(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
