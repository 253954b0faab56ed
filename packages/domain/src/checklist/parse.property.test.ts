import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChecklistImportError } from './errors';
import { flattenTemplate } from './flatten';
import { parseChecklistMarkdown } from './parse';
import { ZParsedTemplate, type TParsedTemplate } from './schema';
import { allItems } from './test-support';

/** Parses and checks the contract: a valid template or a ChecklistImportError, nothing else. */
function parseOrImportError(text: string): TParsedTemplate | ChecklistImportError {
  try {
    const template = parseChecklistMarkdown(text);
    expect(ZParsedTemplate.safeParse(template).success).toBe(true);
    const keys = flattenTemplate(template).map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    const stageKeys = template.stages.map((stage) => stage.key);
    expect(new Set(stageKeys).size).toBe(stageKeys.length);
    return template;
  } catch (error) {
    if (error instanceof ChecklistImportError) {
      expect(error.issues.length).toBeGreaterThan(0);
      return error;
    }
    throw error;
  }
}

function expectContractAndDeterminism(text: string): void {
  const first = parseOrImportError(text);
  const second = parseOrImportError(text);
  if (first instanceof ChecklistImportError) {
    expect(second).toBeInstanceOf(ChecklistImportError);
    expect((second as ChecklistImportError).issues).toEqual(first.issues);
  } else {
    expect(second).toEqual(first);
  }
}

/** Pieces of Markdown, HTML and mojibake that tend to confuse parsers. */
const HOSTILE_FRAGMENTS = [
  '\n',
  '\n\n',
  '\r\n',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '  ',
  '    ',
  '\t',
  '# ',
  '## ',
  '### ',
  '```',
  '~~~',
  '```js\n',
  '> ',
  '<details>',
  '</details>',
  '<summary>Expand</summary>',
  '<br>',
  '<ins>',
  '</ins>',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<b>',
  '[',
  ']',
  '(',
  ')',
  '[a](http://x.io)',
  '[toc](#a)',
  '| ',
  ' |',
  '|---|',
  '**',
  '__',
  '*',
  '_',
  ':',
  '`',
  '\\',
  '[ ] ',
  '[x] ',
  'text',
  'word ',
  'ğŸ“‹',
  'üìã',
  'â€',
  'ï¸',
  'Ã©',
  '📋',
  '\u200d',
  '\ufe0f',
  '𝗔',
  'ß',
  '数据',
  '\u0301',
  '[^1]',
  '[1]: http://y.io',
  'www.example.com',
  'https://e.com/a_(b)',
  '&amp;',
  '&#0;',
  '***',
  '---',
  '===',
  '[Notes](http://n.io)',
  '| [Ref](http://r.io)',
];

const LINE_STARTS = [
  '',
  '',
  '- ',
  '- ',
  '  - ',
  '    - ',
  '1. ',
  '* [ ] ',
  '- [x] ',
  '# ',
  '## ',
  '### ',
  '> ',
  '> - ',
  '```',
  '<details>',
  '    ',
];

/** Free-form soup, and line-oriented soup (more of it reaches the list and heading rules). */
const hostileMarkdown = fc.oneof(
  fc
    .array(fc.constantFrom(...HOSTILE_FRAGMENTS), { maxLength: 80 })
    .map((fragments) => fragments.join('')),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...LINE_STARTS),
        fc.array(
          fc.constantFrom(...HOSTILE_FRAGMENTS.filter((fragment) => !fragment.includes('\n'))),
          {
            maxLength: 8,
          },
        ),
      ),
      { maxLength: 30 },
    )
    .map((lines) => lines.map(([start, fragments]) => start + fragments.join('')).join('\n')),
);

const randomText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const deepNesting = fc
  .tuple(
    fc.integer({ min: 1, max: 45 }),
    fc.constantFrom('- ', '1. ', '> ', '* [ ] '),
    fc.boolean(),
  )
  .map(([depth, marker, closeFence]) => {
    const lines = Array.from(
      { length: depth },
      (_, level) => `${'  '.repeat(level)}${marker}level ${level}`,
    );
    if (closeFence) lines.splice(Math.floor(depth / 2), 0, '```');
    return lines.join('\n');
  });

const hugeLine = fc
  .tuple(fc.integer({ min: 1000, max: 60_000 }), fc.constantFrom('x', 'ab ', '*', '[', '<', ' | '))
  .map(([length, unit]) => `# T\n## S\n- ${unit.repeat(Math.ceil(length / unit.length))}\n- b`);

describe('parseChecklistMarkdown on hostile input', () => {
  it('returns a valid template or throws ChecklistImportError, deterministically (random text)', () => {
    fc.assert(fc.property(randomText, expectContractAndDeterminism), { numRuns: 100 });
  });

  it('… for Markdown and HTML soup', () => {
    fc.assert(fc.property(hostileMarkdown, expectContractAndDeterminism), { numRuns: 150 });
  });

  it('… for deep nesting and unclosed code fences', () => {
    fc.assert(fc.property(deepNesting, expectContractAndDeterminism), { numRuns: 25 });
  });

  it('… for huge lines', () => {
    fc.assert(fc.property(hugeLine, expectContractAndDeterminism), { numRuns: 8 });
  });
});

/** A generated list entry: its words, and the Markdown that writes it. */
interface TGeneratedEntry {
  words: string[];
  markdown: string;
  children: readonly TGeneratedEntry[];
}

const word = fc
  .tuple(
    fc.stringMatching(/^[a-z]{3,8}$/),
    fc.constantFrom('', '', '', 'é', 'ß', '数据', 'ğ'),
    fc.nat({ max: 999 }),
  )
  .map(([letters, extra, number]) => `${letters}${extra}${number}`);

const entryText = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 6 }),
    fc.constantFrom('plain', 'bold-lead', 'ins-lead', 'inline-link', 'trailer', 'task', 'code'),
  )
  .map(([words, style]) => {
    const [first, ...rest] = words as [string, ...string[]];
    const tail = rest.join(' ');
    const markdown = {
      plain: words.join(' '),
      'bold-lead': `**${first}**: ${tail}`,
      'ins-lead': `<ins>${first}</ins> ${tail}`,
      'inline-link': `[${first}](https://example.test/${first}) ${tail}`,
      trailer: `${words.join(' ')} | [Notes](https://notes.test/${first})`,
      task: `[ ] ${words.join(' ')}`,
      code: `${first} \`${tail || first}\``,
    }[style];
    return { words, markdown };
  });

const entryTree: fc.Arbitrary<TGeneratedEntry> = fc.letrec<{ entry: TGeneratedEntry }>((tie) => ({
  entry: fc
    .tuple(
      entryText,
      fc.oneof(
        { depthSize: 'small' },
        fc.constant<TGeneratedEntry[]>([]),
        fc.array(tie('entry'), { maxLength: 3 }),
      ),
    )
    .map(([text, children]) => ({ ...text, children })),
})).entry;

function renderEntries(
  entries: readonly TGeneratedEntry[],
  indent: number,
  ordered: boolean,
): string[] {
  return entries.flatMap((entry, index) => {
    const marker = ordered ? `${index + 1}. ` : '- ';
    return [
      `${' '.repeat(indent)}${marker}${entry.markdown}`,
      ...renderEntries(entry.children, indent + marker.length, !ordered),
    ];
  });
}

function allWords(entries: readonly TGeneratedEntry[]): string[] {
  return entries.flatMap((entry) => [...entry.words, ...allWords(entry.children)]);
}

const wellFormedChecklist = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(entryTree, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([withTitle, sections]) => {
    const lines = withTitle ? ['# Generated checklist', ''] : [];
    for (const [heading, entries, ordered] of sections) {
      lines.push(`## ${heading.join(' ')}`, '', ...renderEntries(entries, 0, ordered), '');
    }
    return {
      markdown: lines.join('\n'),
      words: sections.flatMap(([, entries]) => allWords(entries)),
    };
  });

describe('parseChecklistMarkdown on well-formed lists', () => {
  it('never loses list text', () => {
    fc.assert(
      fc.property(wellFormedChecklist, ({ markdown, words }) => {
        const template = parseChecklistMarkdown(markdown);
        const text = allItems(template)
          .flatMap((item) => [item.title, item.body ?? '', ...item.links.map((link) => link.label)])
          .join(' ');
        const present = new Set(text.split(/[\s|:,.`*[\]()]+/u));
        for (const expected of words)
          expect(present, `${expected} in\n${markdown}`).toContain(expected);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps the nesting of the source', () => {
    fc.assert(
      fc.property(fc.array(entryTree, { minLength: 1, maxLength: 4 }), (entries) => {
        const template = parseChecklistMarkdown(
          `## Stage\n\n${renderEntries(entries, 0, false).join('\n')}\n`,
        );
        const shape = (list: ReadonlyArray<{ children: readonly unknown[] }>): unknown =>
          list.map((entry) => shape(entry.children as Array<{ children: readonly unknown[] }>));
        expect(shape(template.stages[0]!.items)).toEqual(shape(entries));
      }),
      { numRuns: 60 },
    );
  });
});
