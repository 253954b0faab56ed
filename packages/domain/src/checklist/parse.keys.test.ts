import { describe, expect, it } from 'vitest';
import { parseChecklistMarkdown } from './parse';
import { allItems } from './test-support';

describe('keys', () => {
  it('prefixes item keys with the stage and disambiguates duplicates in document order', () => {
    const template = parseChecklistMarkdown(
      '## Data\n- Feature scaling\n- Feature scaling!\n  - Min/max\n- 📋\n## Data\n- Feature scaling\n',
    );
    expect(allItems(template).map((item) => item.key)).toEqual([
      'data/feature-scaling',
      'data/feature-scaling-2',
      'data/feature-scaling-2/min-max',
      'data/item',
      'data-2/feature-scaling',
    ]);
  });

  it('keeps keys within 250 characters, even for deep nesting of long titles', () => {
    const long = 'a very long title made of many words that keeps going and going';
    const lines = Array.from(
      { length: 12 },
      (_, depth) => `${'  '.repeat(depth)}- ${long} ${depth}`,
    );
    const template = parseChecklistMarkdown(`## ${long} ${long}\n${lines.join('\n')}\n`);
    const keys = allItems(template).map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(250);
    expect(template.stages[0]!.key.length).toBeLessThanOrEqual(120);
  });
});
