import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { splitIntoParts } from './chunks';
import { markdownExtensions, parseMarkdownTree } from './markdown-tree';

function wholeTree(markdown: string): unknown {
  const { micromark, mdast } = markdownExtensions();
  return withoutPositions(
    fromMarkdown(markdown, { extensions: [micromark], mdastExtensions: mdast }),
  );
}

/**
 * Without positions and list `spread` (loose or tight): the checklist reader reads neither, and
 * parts that simple-markdown.ts reads have none.
 */
function withoutPositions(tree: unknown): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) =>
      key === 'position' || key === 'spread' ? undefined : value,
    ),
  );
}

const LINES = [
  '# Title',
  '## Stage',
  '### Sub',
  '- item',
  '- [ ] task',
  '  - nested',
  '1. one',
  '2. two',
  'text',
  'more text',
  '',
  '```',
  '~~~',
  '    indented',
  '> quote',
  '> - quoted item',
  '<details>',
  '</details>',
  '<!--',
  '-->',
  '<pre>',
  '</pre>',
  '| a | b |',
  '|---|---|',
  '---',
  '***',
  '- ' + 'x '.repeat(3000),
];

describe('splitIntoParts', () => {
  it('loses nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 60 }), (lines) => {
        const markdown = lines.join('\n');
        expect(splitIntoParts(markdown).join('\n')).toBe(markdown);
      }),
    );
  });

  it('gives the seeds the same blocks and entries as a whole-document parse', () => {
    for (const edition of ['v1', 'v2']) {
      const markdown = readFileSync(
        new URL(`./seed/ml-e2e-checklist-${edition}.md`, import.meta.url),
        'utf8',
      );
      expect(splitIntoParts(markdown).length).toBeGreaterThan(5);
      const tree = withoutPositions(parseMarkdownTree(markdown)) as { children: unknown[] };
      expect(entries(tree)).toEqual(entries(wholeTree(markdown) as { children: unknown[] }));
    }
  });

  it('gives line soup the same blocks and entries as a whole-document parse', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 60 }), (lines) => {
        const markdown = lines.join('\n');
        const tree = withoutPositions(parseMarkdownTree(markdown)) as { children: unknown[] };
        const whole = wholeTree(markdown) as { children: unknown[] };
        // Lists split into parts are separate lists with the same entries; compare entries.
        expect(entries(tree)).toEqual(entries(whole));
      }),
      { numRuns: 150 },
    );
  });

  it('does not split documents with link reference definitions', () => {
    expect(splitIntoParts('## A\n- [x][1]\n## B\n[1]: https://x.io\n')).toHaveLength(1);
  });
});

/** Root blocks with consecutive lists merged, as the checklist reader sees them. */
function entries(tree: { children: unknown[] }): unknown[] {
  const blocks: unknown[] = [];
  for (const block of tree.children as Array<{
    type: string;
    ordered?: boolean;
    children: unknown[];
  }>) {
    const previous = blocks[blocks.length - 1] as typeof block | undefined;
    if (block.type === 'list' && previous?.type === 'list' && previous.ordered === block.ordered) {
      previous.children = [...previous.children, ...block.children];
    } else {
      blocks.push({ ...block });
    }
  }
  return withoutPositions(
    blocks.map((block) => ({ ...(block as object), spread: undefined, start: undefined })),
  ) as unknown[];
}
