import type { TMeasurementColumn } from './csv-columns';
import { parseIsoDateTime } from './iso-date-time';
import { DATE_LIMITS, isInDateRange, isStorableText } from '../schemas/common';
import { parseMeasurementValue, shorten } from './measurement-value';

export interface TMeasurementRow {
  value: number;
  /** Absent when the file leaves it out; the server then records the import time. */
  recordedAt?: Date;
  note?: string;
}

export const MEASUREMENT_ROW_LIMITS = {
  /** Matches `KpiMeasurement.note VARCHAR(1000)`, which counts characters (code points). */
  maxNoteLength: 1000,
  /** Clocks and time zones disagree a little; a day of slack covers them, not typos. */
  maxFutureMs: 86_400_000,
} as const;

export type TRowRead = { ok: true; row: TMeasurementRow } | { ok: false; messages: string[] };

export interface TRowContext {
  columns: readonly TMeasurementColumn[];
  /** Whether the file had no header: then a digits-only date hints at a decimal comma. */
  headerless: boolean;
  now: Date;
}

/** Validates one data row; reports every problem in it, not only the first. */
export function readMeasurementRow(cells: readonly string[], context: TRowContext): TRowRead {
  const messages: string[] = [];
  const extra = cells.slice(context.columns.length).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) {
    messages.push(`the row has ${cells.length} cells; expected at most ${context.columns.length}`);
  }
  const cellOf = (column: TMeasurementColumn): string => {
    const index = context.columns.indexOf(column);
    return index === -1 ? '' : (cells[index] ?? '').trim();
  };

  const valueCell = cellOf('value');
  const dateCell = cellOf('recordedAt');
  const value = parseMeasurementValue(valueCell);
  const recordedAt = dateCell === '' ? undefined : readRecordedAt(dateCell, context.now);
  const note = cellOf('note');

  if (context.headerless && /^\d+$/.test(dateCell) && /^[+-]?\d+$/.test(valueCell)) {
    // "0,93" or "1,250" in a headerless file splits into a value and a digits-only date.
    messages.push(
      `"${valueCell},${dateCell}" looks like one number written with a comma: ` +
        `use a dot for decimals, e.g. 0.93, and no thousands separators`,
    );
  } else {
    if (!value.ok) messages.push(value.message);
    if (typeof recordedAt === 'string') messages.push(recordedAt);
  }
  const noteLength = [...note].length;
  if (noteLength > MEASUREMENT_ROW_LIMITS.maxNoteLength) {
    messages.push(
      `note is ${noteLength} characters long; the limit is ${MEASUREMENT_ROW_LIMITS.maxNoteLength}`,
    );
  }
  if (!isStorableText(note)) messages.push('note must not contain control characters such as NUL');

  if (messages.length > 0 || !value.ok || typeof recordedAt === 'string') {
    return { ok: false, messages };
  }
  return {
    ok: true,
    row: {
      value: value.value,
      ...(recordedAt && { recordedAt }),
      ...(note !== '' && { note }),
    },
  };
}

/** The date, or an error message. */
function readRecordedAt(cell: string, now: Date): Date | string {
  const date = parseIsoDateTime(cell);
  if (date === null) {
    return (
      `recordedAt "${shorten(cell)}" is not an ISO 8601 date or date-time, ` +
      `e.g. 2024-05-01 or 2024-05-01T13:45:00Z`
    );
  }
  if (!isInDateRange(date)) {
    return `recordedAt "${shorten(cell)}" must be in the years ${DATE_LIMITS.minYear} to ${DATE_LIMITS.maxYear}`;
  }
  if (date.getTime() > now.getTime() + MEASUREMENT_ROW_LIMITS.maxFutureMs) {
    return `recordedAt "${shorten(cell)}" is more than a day in the future`;
  }
  return date;
}
