import { describe, expect, it } from 'vitest';
import { readHeader, startsWithHeader } from './csv-columns';

describe('startsWithHeader', () => {
  it('sees a header exactly when the first cell is not a number', () => {
    expect(startsWithHeader(['value', 'note'])).toBe(true);
    expect(startsWithHeader(['0.93', '2024-05-01'])).toBe(false);
    expect(startsWithHeader([' -1e3 '])).toBe(false);
    expect(startsWithHeader(['0,93'])).toBe(true);
  });
});

describe('readHeader', () => {
  it('accepts the columns in any order, case-insensitively', () => {
    expect(readHeader(['Note', 'VALUE', 'recordedat'])).toEqual({
      ok: true,
      columns: ['note', 'value', 'recordedAt'],
    });
  });

  it('ignores spaces, underscores and hyphens in names', () => {
    expect(readHeader([' Recorded At ', 'value'])).toMatchObject({
      columns: ['recordedAt', 'value'],
    });
    expect(readHeader(['recorded_at', 'value'])).toMatchObject({
      columns: ['recordedAt', 'value'],
    });
  });

  it('requires a value column', () => {
    expect(readHeader(['recordedAt', 'note'])).toEqual({
      ok: false,
      message: 'the header has no value column',
    });
  });

  it('refuses unknown, unnamed and repeated columns instead of dropping data', () => {
    expect(readHeader(['value', 'unit'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown column "unit"'),
    });
    expect(readHeader(['value', ''])).toMatchObject({
      ok: false,
      message: expect.stringContaining('column 2'),
    });
    expect(readHeader(['value', 'Value'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('twice'),
    });
  });

  it('does not mistake Object.prototype members for columns', () => {
    expect(readHeader(['value', 'constructor']).ok).toBe(false);
    expect(readHeader(['value', '__proto__']).ok).toBe(false);
  });
});
