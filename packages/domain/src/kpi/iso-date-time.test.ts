import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './iso-date-time';

const iso = (text: string) => parseIsoDateTime(text)?.toISOString() ?? null;

describe('parseIsoDateTime', () => {
  it('reads dates as UTC midnight', () => {
    expect(iso('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads date-times, with T or a space, to the millisecond', () => {
    expect(iso('2024-05-01T13:45')).toBe('2024-05-01T13:45:00.000Z');
    expect(iso('2024-05-01 13:45:30')).toBe('2024-05-01T13:45:30.000Z');
    expect(iso('2024-05-01T13:45:30.5Z')).toBe('2024-05-01T13:45:30.500Z');
    expect(iso('2024-05-01T13:45:30,123456z')).toBe('2024-05-01T13:45:30.123Z');
  });

  it('applies zone offsets in every ISO spelling', () => {
    for (const offset of ['+02:00', '+0200', '+02']) {
      expect(iso(`2024-05-01T13:45:00${offset}`)).toBe('2024-05-01T11:45:00.000Z');
    }
    expect(iso('2024-05-01T23:30:00-05:30')).toBe('2024-05-02T05:00:00.000Z');
  });

  it('reads text without a zone as UTC, whatever the local time zone', () => {
    expect(iso('2024-05-01T00:00:00')).toBe('2024-05-01T00:00:00.000Z');
  });

  it('keeps years below 100 as written', () => {
    expect(iso('0099-12-31T23:00:00-02:00')).toBe('0100-01-01T01:00:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    for (const text of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-05-00',
      '2024-05-01T24:00',
      '2024-05-01T12:60',
      '2024-05-01T12:00:60',
      '2024-05-01T12:00+24:00',
    ]) {
      expect(iso(text), text).toBeNull();
    }
  });

  it('refuses anything that is not ISO 8601', () => {
    for (const text of [
      '',
      'May 5 2024',
      '05/01/2024',
      '2024-5-1',
      '1714557600000',
      '2024-05-01T',
    ]) {
      expect(iso(text), text).toBeNull();
    }
  });

  it('ignores surrounding whitespace', () => {
    expect(iso('  2024-05-01 ')).toBe('2024-05-01T00:00:00.000Z');
  });
});
