/** Plain decimal notation with an optional exponent: 12, -0.5, .5, 3., 1e-3. Nothing else. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The numbers a KPI value, baseline or target may be: 0, or a magnitude
 * between 1e-15 and 1e15. Every such number is stored exactly (the columns are
 * float8), and whatever is derived from them (differences, percentages,
 * progress) stays finite. 5e-324 or 1.7e308 describe no real measurement.
 */
export const KPI_VALUE_LIMITS = { maxMagnitude: 1e15, minMagnitude: 1e-15 } as const;

/** Why a finite number cannot be a KPI value, or null when it can. */
export function kpiValueProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  const magnitude = Math.abs(value);
  if (magnitude > KPI_VALUE_LIMITS.maxMagnitude) return 'must be between -1e15 and 1e15';
  if (magnitude !== 0 && magnitude < KPI_VALUE_LIMITS.minMagnitude) {
    return 'must be 0 or at least 1e-15 in size';
  }
  return null;
}

export type TValueParse = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a measurement value strictly. `Number()` is not enough: it accepts "", "0x1A",
 * "Infinity" and " 1 ". Decimal commas and thousands separators are refused rather than
 * guessed at, since "1,234" means 1.234 in half of Europe and 1234 elsewhere.
 */
export function parseMeasurementValue(text: string): TValueParse {
  const cell = text.trim();
  if (cell === '') return { ok: false, message: 'value is empty' };
  if (!DECIMAL.test(cell)) {
    const hint = /[;\t]/.test(cell)
      ? 'separate columns with commas'
      : cell.includes(',')
        ? 'use a dot for decimals, e.g. 0.93, and no thousands separators'
        : 'use a dot for decimals, e.g. 0.93';
    return { ok: false, message: `value "${shorten(cell)}" is not a number: ${hint}` };
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `value "${shorten(cell)}" is too large` };
  }
  const problem = kpiValueProblem(value);
  if (problem !== null) {
    return { ok: false, message: `value "${shorten(cell)}" ${problem}` };
  }
  // -0 is stored and shown as 0; keep it from surprising equality checks later.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Keeps error messages readable when a cell holds a whole paragraph. */
export function shorten(text: string, maxLength = 40): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
