import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChecklistImportError } from './errors';
import { flattenTemplate } from './flatten';
import { parseChecklistMarkdown } from './parse';
import { ZParsedTemplate, type TParsedTemplate } from './schema';

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
