import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklistMarkdown } from './parse';

/**
 * The parse result is stored with every template version and copied into projects, so a change
 * in what the parser returns for the same text changes data. These digests were computed before
 * the parser was optimised (issue 11: micromark pruning, the simple-markdown.ts fast path, the
 * key allocator); any difference means the optimisation changed behaviour. If the output is
 * meant to change, recompute them deliberately and say so in the change.
 */
const PINNED: Array<[name: string, text: () => string, sha256: string]> = [
  [
    'v1 seed',
    () => readSeed('v1'),
    '6d36234594dda075819ea9a4dac337b13d4f0191b5628ca6a4e4347a1cac9514',
  ],
  [
    'v2 seed',
    () => readSeed('v2'),
    '0cb16b9b0b4053326d394cfdcae833c06cc2c7bc2f85dd7c455a6d38742b1996',
  ],
  // Large shapes from the hostile-import test that now take the fast path.
  [
    '2990 task entries with emphasis',
    () => lines(2990, () => `- [ ] ${'*a* '.repeat(4)}`),
    '86d99ceaa0086d591c845dfa9e2cb136688457a681d10f072a88613938274544',
  ],
  [
    '2990 entries nested 19 deep',
    () => lines(2990, (index) => `${' '.repeat((index % 19) * 2)}- x`),
    '618f930049c0807c22454223faae1a6dc26180caf6867553099e13c8304000c8',
  ],
];

function readSeed(edition: 'v1' | 'v2'): string {
  return readFileSync(new URL(`./seed/ml-e2e-checklist-${edition}.md`, import.meta.url), 'utf8');
}

function lines(count: number, line: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => line(index)).join('\n');
}

describe('parseChecklistMarkdown output', () => {
  it.each(PINNED)('is unchanged for the %s', (_, text, sha256) => {
    const json = JSON.stringify(parseChecklistMarkdown(text()));
    expect(createHash('sha256').update(json).digest('hex')).toBe(sha256);
  });
});
