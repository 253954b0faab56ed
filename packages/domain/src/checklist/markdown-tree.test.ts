import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { markdownExtensions, markdownExtensionsFor, parsePart } from './markdown-tree';

/** The tree micromark gives with every GFM construct, without positions (never read). */
function fullTree(markdown: string): unknown {
  const { micromark, mdast } = markdownExtensions();
  return withoutPositions(
    fromMarkdown(markdown, { extensions: [micromark], mdastExtensions: mdast }).children,
  );
}

function withoutPositions(tree: unknown): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)),
  );
}

/** Pieces that make or nearly make tables, footnotes, strikethrough and task checks. */
const FRAGMENTS = [
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '- ',
  '> ',
  '  ',
  'a',
  'b c',
  '|',
  ' | ',
  '-',
  '---',
  ':',
  ':-',
  '-:',
  '|---|',
  '| :-: |',
  '~',
  '~~',
  '~x~',
  '[',
  ']',
  '[^',
  '[^1]',
  '[^1]: note',
  '![^1]',
  '[ ]',
  '[x] ',
  '[X]',
  '[\t]',
  '*',
  '_',
  '`',
];

describe('markdownExtensionsFor', () => {
  it('keeps every GFM construct when the text may use it', () => {
    const text = '| a |\n|---|\n~x~ [^1] [ ]\n\n[^1]: n';
    expect(markdownExtensionsFor(text)).toBe(markdownExtensions());
  });

  it('gives the same tree as the full syntax, whatever it drops', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (fragments) => {
        const markdown = fragments.join('');
        const pruned = withoutPositions(parsePart(markdown, false));
        expect(pruned).toEqual(fullTree(markdown));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the table construct for a delimiter row after quote markers or indentation', () => {
    for (const markdown of ['a | b\n--|--', '> a | b\n> :-: | -', '- x\n\n  a|b\n  -|-', 'a\n:-']) {
      expect(withoutPositions(parsePart(markdown, false))).toEqual(fullTree(markdown));
    }
  });
});
