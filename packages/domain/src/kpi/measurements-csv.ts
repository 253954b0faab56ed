import Papa from 'papaparse';
import {
  HEADERLESS_COLUMNS,
  readHeader,
  startsWithHeader,
  type TMeasurementColumn,
} from './csv-columns';
import { readMeasurementRow, type TMeasurementRow } from './measurement-row';

export interface TCsvRowError {
  /** 1-based line number in the file where the row starts. */
  row: number;
  message: string;
}

export type TMeasurementsCsvResult =
  | { ok: true; rows: TMeasurementRow[] }
  | {
      ok: false;
      /** The first `MEASUREMENTS_CSV_LIMITS.maxErrors` bad rows, in file order. */
      errors: TCsvRowError[];
      /** How many more bad rows there are beyond `errors` (0 when all are listed). */
      moreErrors: number;
    };

export interface TMeasurementsCsvOptions {
  /** Data rows allowed in one file (the header does not count). */
  maxRows?: number;
  /** The current time, for the "not in the future" check; injectable for tests. */
  now?: Date;
}

export const MEASUREMENTS_CSV_LIMITS = { maxRows: 10_000, maxErrors: 100 } as const;

/**
 * Parses an uploaded CSV of KPI measurements, all or nothing: a single bad row rejects the
 * file, and every bad row is reported so the user can fix them in one go.
 *
 * - Comma-separated, RFC 4180 quoting (notes may hold commas, quotes and line breaks). A UTF-8
 *   byte order mark (Excel) is ignored, as are blank lines.
 * - With a header (the first cell of the first row is not a number): columns `recordedAt`,
 *   `value`, `note` in any order, matched case-insensitively; `value` is required.
 * - Without a header: value[,recordedAt[,note]].
 * - value: plain decimal with a dot (see `parseMeasurementValue`). recordedAt: optional ISO 8601
 *   date or date-time, UTC when it names no zone, at most a day in the future. note: optional,
 *   trimmed, at most 1000 characters.
 */
export function parseMeasurementsCsv(
  text: string,
  options: TMeasurementsCsvOptions = {},
): TMeasurementsCsvResult {
  const maxRows = options.maxRows ?? MEASUREMENTS_CSV_LIMITS.maxRows;
  const now = options.now ?? new Date();
  // One line-break convention keeps line numbers simple; \r\n inside a quoted note becomes \n.
  const csv = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  const rows: TMeasurementRow[] = [];
  const errors: TCsvRowError[] = [];
  let errorCount = 0;
  const fail = (row: number, message: string) => {
    errorCount += 1;
    if (errors.length < MEASUREMENTS_CSV_LIMITS.maxErrors) errors.push({ row, message });
  };

  let columns: readonly TMeasurementColumn[] | undefined;
  let headerless = false;
  let dataRows = 0;
  let line = 1;
  let cursor = 0;

  Papa.parse<string[]>(csv, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
    step(result, parser) {
      const rowLine = line;
      const end = result.meta.cursor;
      line += countLineBreaks(csv, cursor, end);
      cursor = end;

      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '')) return;
      if (result.errors.length > 0) {
        fail(rowLine, quoteErrorMessage(result.errors[0]));
        // Without a readable first row there is no telling header from data: stop here.
        if (columns === undefined) parser.abort();
        return;
      }

      if (columns === undefined) {
        headerless = !startsWithHeader(cells);
        if (!headerless) {
          const header = readHeader(cells);
          if (!header.ok) {
            fail(rowLine, header.message);
            parser.abort();
            return;
          }
          columns = header.columns;
          return;
        }
        columns = HEADERLESS_COLUMNS;
      }

      dataRows += 1;
      if (dataRows > maxRows) {
        fail(rowLine, `the file has more than ${maxRows} rows; split it into smaller files`);
        parser.abort();
        return;
      }
      const read = readMeasurementRow(cells, { columns, headerless, now });
      if (read.ok) rows.push(read.row);
      else fail(rowLine, read.messages.join('; '));
    },
  });

  if (errorCount === 0 && dataRows === 0) {
    fail(1, columns === undefined ? 'the file is empty' : 'the file has a header but no rows');
  }
  if (errorCount > 0) return { ok: false, errors, moreErrors: errorCount - errors.length };
  return { ok: true, rows };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to;) {
    count += 1;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

function quoteErrorMessage(error: Papa.ParseError | undefined): string {
  switch (error?.code) {
    case 'MissingQuotes':
      return 'a quoted field is never closed: add the missing "';
    case 'InvalidQuotes':
      return 'a quote inside a quoted field must be doubled ("")';
    default:
      return `the row cannot be read as CSV: ${error?.message ?? 'unknown error'}`;
  }
}
