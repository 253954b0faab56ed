import { describe, expect, it } from 'vitest';
import { parseMeasurementValue } from './measurement-value';

describe('parseMeasurementValue', () => {
  it('reads plain decimals and exponents', () => {
    const cases: Array<[string, number]> = [
      ['0.93', 0.93],
      [' 12 ', 12],
      ['-3.5', -3.5],
      ['+7', 7],
      ['.5', 0.5],
      ['3.', 3],
      ['1e-3', 0.001],
      ['2.5E4', 25_000],
      // -0 becomes 0 (toEqual tells them apart, so this checks it).
      ['-0', 0],
    ];
    for (const [text, value] of cases)
      expect(parseMeasurementValue(text), text).toEqual({ ok: true, value });
  });

  it('refuses empty cells', () => {
    expect(parseMeasurementValue('  ')).toEqual({ ok: false, message: 'value is empty' });
  });

  it('refuses decimal commas and thousands separators with a hint', () => {
    for (const text of ['0,93', '1,234.5']) {
      const result = parseMeasurementValue(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('use a dot for decimals, e.g. 0.93');
    }
  });

  it('hints at the delimiter when a cell holds semicolons or tabs', () => {
    const result = parseMeasurementValue('0.93;2024-05-01');
    expect(!result.ok && result.message).toContain('separate columns with commas');
  });

  it('refuses what Number() would wrongly accept', () => {
    for (const text of [
      '0x1A',
      'Infinity',
      '-Infinity',
      'NaN',
      '1_000',
      '1 000',
      '0b1',
      '12abc',
      '.',
      'e5',
    ]) {
      expect(parseMeasurementValue(text).ok, text).toBe(false);
    }
  });

  it('refuses numbers too large for a double', () => {
    const result = parseMeasurementValue('1e999');
    expect(!result.ok && result.message).toContain('too large');
  });

  it('shortens long cells in messages', () => {
    const result = parseMeasurementValue('x'.repeat(500));
    expect(!result.ok && result.message.length).toBeLessThan(120);
  });
});
