import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { splitIntoParts } from './chunks';
import { markdownExtensions, parsePart } from './markdown-tree';
import { repairMojibake } from './mojibake';
import { parseSimpleMarkdown } from './simple-markdown';

/**
 * simple-markdown.ts must give micromark's tree for everything it accepts (it may refuse
 * anything). Positions and list `spread` are left out on both sides: the fast path does not
 * produce them and the checklist reader never reads them.
 */
function comparable(tree: unknown): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) =>
      key === 'position' || key === 'spread' ? undefined : value,
    ),
  );
}

function micromarkTree(markdown: string): unknown {
  const { micromark, mdast } = markdownExtensions();
  const root = fromMarkdown(markdown, { extensions: [micromark], mdastExtensions: mdast });
  return comparable(root.children);
}

/** Asserts agreement and tells whether the fast path answered. */
function expectSameTree(markdown: string): boolean {
  const simple = parseSimpleMarkdown(markdown);
  expect(comparable(parsePart(markdown))).toEqual(micromarkTree(markdown));
  return simple !== undefined;
}

const indented = (min: number, max: number, texts: string[], starts: string[]) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom(...starts), fc.constantFrom(...texts))
    .map(([indent, start, text]) => ' '.repeat(indent) + start + text);

const ENTRY_TEXTS = ['a', 'b c', 'x **y**', '[l](u)', '`c`', '<ins>t</ins> r', '[ ] a', '[x]  b'];
const BLOCK_LINE = fc.oneof(
  indented(0, 9, ENTRY_TEXTS, ['- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '-  ', '-    ']),
  indented(0, 6, ['text', 'more words', '<ins>x</ins>', '**b**: c'], ['']),
  fc.constantFrom('', '', '  ', '# H', '## H2 *x*', '###', '***', '---', '===', '* * *'),
  fc.constantFrom('```', '```js a b ', 'code', '<details>', '</details>', '<summary>S</summary>'),
  fc.constantFrom('<br>', '- ', '-', '#x', '## a #', '> q', '[a]: http://x', '\u00a0- a', '\ta'),
);

const INLINE = [
  ...['a', 'b', ' ', ' ', '.', ',', '!', '?', ':', '|', '#', '-', ';', '"', '数', '😀'],
  ...['*', '**', '***', '_', '__', 'x_y', '**(', ')**', '_(', ')_', '\u00a0*', '*\u00a0'],
  ...['[', ']', '(', ')', '](', '](u)', '[a]', '[b][a]', '[^1]', '~', '`', '``'],
  ...['<ins>', '</ins>', '<', '<a href="x">', '</a>', '<http://x.io>', '&', '&#', '&a;'],
  ...['\u00a0', '\u2028', '\u3000', '\ufeff', '\f', '\v', '\x01', '\\'],
];

describe('parseSimpleMarkdown', () => {
  it('reads the seeds as micromark does, most of them itself', () => {
    for (const edition of ['v1', 'v2']) {
      const markdown = repairMojibake(
        readFileSync(new URL(`./seed/ml-e2e-checklist-${edition}.md`, import.meta.url), 'utf8'),
      );
      let simpleChars = 0;
      for (const part of splitIntoParts(markdown)) {
        if (expectSameTree(part)) simpleChars += part.length;
      }
      expect(simpleChars / markdown.length).toBeGreaterThan(0.8);
    }
  });

  it('agrees with micromark on lists, headings, HTML blocks and fences', () => {
    fc.assert(
      fc.property(fc.array(BLOCK_LINE, { maxLength: 16 }), (lines) => {
        expectSameTree(lines.join('\n'));
      }),
      { numRuns: 600 },
    );
  });

  it('agrees with micromark on inline soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INLINE), { maxLength: 14 }), (pieces) => {
        expectSameTree(`- ${pieces.join('')}`);
      }),
      { numRuns: 600 },
    );
  });

  it('accepts the checklist shape', () => {
    const markdown = [
      '## 📦 Stage',
      '<details>',
      '<summary>Expand</summary>',
      '',
      '- <ins>Title</ins>: text | [Notes](https://e.io/a_(b))',
      '    - [ ] **Bold**: `code` and *more*',
      '  1. [Tool](https://t.io) | [Ref](https://r.io)',
      '',
      '</details>',
      '***',
    ].join('\n');
    expect(expectSameTree(markdown)).toBe(true);
  });

  it.each([
    ['a tab', '- a\tb'],
    ['a lazy continuation line', '- a\nb'],
    ['a setext underline', 'Title\n---'],
    ['a blockquote', '> - a'],
    ['indented code', '    code'],
    ['an empty entry', '-\n  a'],
    ['a numbered entry 2 interrupting a paragraph', 'a\n2. b'],
    ['a character reference', '- a &amp; b'],
    ['an unclosed fence', '```\ncode'],
    ['an emphasis it cannot pair', '- *a **b** c*'],
  ])('leaves %s to micromark', (_, markdown) => {
    expect(parseSimpleMarkdown(markdown)).toBeUndefined();
    expectSameTree(markdown);
  });
});
