import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklistMarkdown } from './parse';
import { allItems } from './test-support';

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
