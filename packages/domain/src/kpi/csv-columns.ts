import { parseMeasurementValue } from './measurement-value';

export type TMeasurementColumn = 'value' | 'recordedAt' | 'note';

/** Column order when the file has no header row. */
export const HEADERLESS_COLUMNS: readonly TMeasurementColumn[] = ['value', 'recordedAt', 'note'];

// A Map, not an object literal: a header cell "constructor" must not find Object.prototype's.
const COLUMN_NAMES = new Map<string, TMeasurementColumn>([
  ['value', 'value'],
  ['recordedat', 'recordedAt'],
  ['note', 'note'],
]);

export type THeaderRead =
  { ok: true; columns: TMeasurementColumn[] } | { ok: false; message: string };

/**
 * A file starts with a header exactly when the first cell of its first row is not a number:
 * a value column always comes first in headerless files, and no column name is a number.
 */
export function startsWithHeader(firstRow: readonly string[]): boolean {
  return !parseMeasurementValue(firstRow[0] ?? '').ok;
}

/**
 * Maps header cells to columns. Names match case-insensitively and ignore spaces, `_` and `-`
 * ("Recorded at", "recorded_at"). Unknown, unnamed or repeated columns are refused rather than
 * skipped, so no data is silently dropped, and `value` is required.
 */
export function readHeader(cells: readonly string[]): THeaderRead {
  const columns: TMeasurementColumn[] = [];
  for (const [index, cell] of cells.entries()) {
    const name = cell.trim();
    const column = COLUMN_NAMES.get(name.toLowerCase().replace(/[\s_-]/g, ''));
    if (name === '') return { ok: false, message: `column ${index + 1} of the header has no name` };
    if (column === undefined) {
      return {
        ok: false,
        message:
          `unknown column "${name}": expected recordedAt, value and note ` +
          `(the first row is read as a header because its first cell is not a number)`,
      };
    }
    if (columns.includes(column)) return { ok: false, message: `column "${name}" appears twice` };
    columns.push(column);
  }
  if (!columns.includes('value')) return { ok: false, message: 'the header has no value column' };
  return { ok: true, columns };
}
