import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseMeasurementsCsv, type TMeasurementsCsvResult } from './measurements-csv';

const now = new Date('2024-06-01T12:00:00Z');
const parse = (text: string, maxRows?: number) => parseMeasurementsCsv(text, { now, maxRows });

function errorsOf(result: TMeasurementsCsvResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('parseMeasurementsCsv', () => {
  it('reads a file with a header, in any column order and case', () => {
    const csv = 'Value,RECORDEDAT,note\n0.91,2024-05-01,first run\n0.93,2024-05-02T10:00:00Z,\n';
    expect(parse(csv)).toEqual({
      ok: true,
      rows: [
        { value: 0.91, recordedAt: new Date('2024-05-01T00:00:00Z'), note: 'first run' },
        { value: 0.93, recordedAt: new Date('2024-05-02T10:00:00Z') },
      ],
    });
    expect(parse('note,value\n"hi",1\n')).toEqual({ ok: true, rows: [{ value: 1, note: 'hi' }] });
  });

  it('reads a file without a header as value[,recordedAt[,note]]', () => {
    expect(parse('1\n2,2024-05-01\n3,,a note\n')).toEqual({
      ok: true,
      rows: [
        { value: 1 },
        { value: 2, recordedAt: new Date('2024-05-01T00:00:00Z') },
        { value: 3, note: 'a note' },
      ],
    });
  });

  it('handles quoting, CRLF, a byte order mark, whitespace and blank lines', () => {
    const csv = '\uFEFFvalue,note\r\n\r\n 1.5 ,"says ""hi"", twice\r\nand more"\r\n   \r\n2,  x  ';
    expect(parse(csv)).toEqual({
      ok: true,
      rows: [
        { value: 1.5, note: 'says "hi", twice\nand more' },
        { value: 2, note: 'x' },
      ],
    });
  });

  it('reports every bad row with its line number in the file', () => {
    const csv = [
      'value,recordedAt,note', // line 1
      '1,2024-05-01,', // 2
      ',2024-05-01,', // 3: empty value
      '', // 4
      '2,"multi', // 5: a note over two lines
      'line",', // 6
      'abc,yesterday,', // 7: two problems
      '3,2024-06-03,', // 8: too far ahead
    ].join('\n');
    expect(errorsOf(parse(csv))).toEqual([
      { row: 3, message: 'value is empty' },
      { row: 5, message: expect.stringContaining('not an ISO 8601 date') },
      {
        row: 7,
        message: expect.stringMatching(/^value "abc" is not a number.*; recordedAt "yesterday"/),
      },
      { row: 8, message: 'recordedAt "2024-06-03" is more than a day in the future' },
    ]);
  });

  it('allows dates up to a day ahead, for clock and time-zone slack', () => {
    expect(parse('1,2024-06-02T12:00:00Z').ok).toBe(true);
    expect(parse('1,2024-06-02T12:00:01Z').ok).toBe(false);
  });

  it('explains decimal commas in headerless files', () => {
    const [error] = errorsOf(parse('0,93\n0,95'));
    expect(error).toEqual({
      row: 1,
      message: expect.stringContaining('use a dot for decimals, e.g. 0.93'),
    });
    expect(errorsOf(parse('value\n"0,93"'))[0]?.message).toContain(
      'use a dot for decimals, e.g. 0.93',
    );
  });

  it('refuses non-finite and non-decimal values', () => {
    const rows = ['NaN', 'Infinity', '1e999', '0x10'].map((v) => `1\n${v}`);
    for (const csv of rows) expect(errorsOf(parse(csv))[0]?.row, csv).toBe(2);
  });

  it('refuses notes over 1000 characters, counting characters, not UTF-16 units', () => {
    expect(parse(`1,,${'😀'.repeat(1000)}`).ok).toBe(true);
    expect(errorsOf(parse(`1,,${'a'.repeat(1001)}`))[0]?.message).toBe(
      'note is 1001 characters long; the limit is 1000',
    );
  });

  it('refuses cells beyond the known columns unless they are empty', () => {
    expect(parse('1,2024-05-01,note,,').ok).toBe(true);
    expect(errorsOf(parse('value\n1,2'))[0]).toEqual({
      row: 2,
      message: 'the row has 2 cells; expected at most 1',
    });
  });

  it('refuses a bad header with one error on line 1', () => {
    expect(errorsOf(parse('value,unit\n1,kg\n'))).toEqual([
      { row: 1, message: expect.stringContaining('unknown column "unit"') },
    ]);
    expect(errorsOf(parse('abc,2024-05-01\n1,2024-05-02'))[0]?.message).toContain(
      'the first row is read as a header',
    );
  });

  it('refuses empty files and header-only files', () => {
    for (const csv of ['', '\n  \n', '\uFEFF']) {
      expect(errorsOf(parse(csv))).toEqual([{ row: 1, message: 'the file is empty' }]);
    }
    expect(errorsOf(parse('value,note\n'))).toEqual([
      { row: 1, message: 'the file has a header but no rows' },
    ]);
  });

  it('refuses more rows than allowed, pointing at the first extra one', () => {
    expect(parse('value\n1\n2\n3', 3).ok).toBe(true);
    expect(errorsOf(parse('value\n1\n2\n3\n4\n5', 3))).toEqual([
      { row: 5, message: 'the file has more than 3 rows; split it into smaller files' },
    ]);
    const big = Array.from({ length: 10_001 }, (_, i) => String(i)).join('\n');
    expect(errorsOf(parseMeasurementsCsv(big, { now }))[0]?.row).toBe(10_001);
  });

  it('reports broken quoting', () => {
    expect(errorsOf(parse('1,,"never closed\n2\n3'))).toEqual([
      { row: 1, message: expect.stringContaining('never closed') },
    ]);
  });

  it('lists at most 100 errors and says how many more there are', () => {
    const csv = ['value', ...Array.from({ length: 250 }, () => 'x')].join('\n');
    const result = parse(csv);
    expect(result).toMatchObject({ ok: false, moreErrors: 150 });
    expect(errorsOf(result)).toHaveLength(100);
    expect(errorsOf(result)[99]?.row).toBe(101);
  });

  it('round-trips generated files', () => {
    const row = fc.record(
      {
        value: fc.oneof(
          fc.constant(0),
          fc.double({ min: 1e-15, max: 1e15, noNaN: true }),
          fc.double({ min: -1e15, max: -1e-15, noNaN: true }),
        ),
        recordedAt: fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: now,
          noInvalidDate: true,
        }),
        note: fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
          .map((note) => note.trim())
          .filter((note) => note !== ''),
      },
      { requiredKeys: ['value'] },
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, header) => {
        const table = rows.map((r) => [
          String(r.value),
          r.recordedAt?.toISOString() ?? '',
          r.note ?? '',
        ]);
        const csv = Papa.unparse(header ? [['value', 'recordedAt', 'note'], ...table] : table, {
          newline: '\r\n',
        });
        // Line breaks inside notes come back as \n, like every other line break.
        const expected = rows.map((r) => ({
          ...r,
          ...(r.note && { note: r.note.replace(/\r\n?/g, '\n') }),
        }));
        expect(parse(csv)).toEqual({ ok: true, rows: expected });
      }),
    );
  });
});

describe('parseMeasurementsCsv: what the database cannot hold', () => {
  it('refuses dates outside 1900-9999, values out of range and NUL in notes, by row', () => {
    const csv = [
      'value,recordedAt,note',
      '1,2024-01-01,fine',
      '2,0000-01-01,',
      '3,1899-12-31T23:59:59Z,',
      '5e-324,2024-01-01,',
      '1.7e308,2024-01-01,',
      '4,2024-01-02,"a\u0000b"',
    ].join('\n');
    const result = parseMeasurementsCsv(csv, { now: new Date('2025-01-01T00:00:00Z') });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((error) => error.row)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[0]?.message).toMatch(/years 1900 to 9999/);
  });
});
