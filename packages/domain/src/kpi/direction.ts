/** Which way a KPI should move (mirrors the database enum `KpiDirection`). */
export const KPI_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type TKpiDirection = (typeof KPI_DIRECTIONS)[number];

/** Whether `value` is at least as good as `reference` for a KPI with this direction. */
export function isAtLeastAsGood(
  direction: TKpiDirection,
  value: number,
  reference: number,
): boolean {
  return direction === 'HIGHER_IS_BETTER' ? value >= reference : value <= reference;
}
