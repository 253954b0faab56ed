/** Plain decimal notation with an optional exponent: 12, -0.5, .5, 3., 1e-3. Nothing else. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

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
  // -0 is stored and shown as 0; keep it from surprising equality checks later.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Keeps error messages readable when a cell holds a whole paragraph. */
export function shorten(text: string, maxLength = 40): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
