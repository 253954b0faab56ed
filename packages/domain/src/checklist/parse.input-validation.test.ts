import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChecklistImportError } from './errors';
import { parseChecklistMarkdown } from './parse';

function importError(text: string): ChecklistImportError {
  try {
    parseChecklistMarkdown(text);
  } catch (error) {
    if (error instanceof ChecklistImportError) return error;
    throw error;
  }
  throw new Error('expected a ChecklistImportError');
}

describe('input validation', () => {
  it.each([
    ['', 'The file is empty'],
    ['  \n\t\n', 'The file is empty'],
    [
      '# Title\n\nJust prose, no list.\n',
      "The file has no list items: a checklist needs at least one '- item' line",
    ],
    ['## Contents\n- [A](#a)\n- [B](#b)\n', 'only a table of contents'],
  ])('rejects %j', (text, message) => {
    const error = importError(text);
    expect(error.issues[0]!.message).toContain(message);
    expect(error.message).toContain(message);
  });

  it('rejects binary input with the line of the first NUL byte', () => {
    const error = importError('# T\n- a\n- b\u0000c\n');
    expect(error.issues).toEqual([
      {
        line: 3,
        message:
          'The file looks binary (it contains NUL bytes): please upload a Markdown text file',
      },
    ]);
    expect(error.message).toMatch(/^Line 3: The file looks binary/);
  });

  it('rejects text that is mostly control characters', () => {
    const error = importError('- a' + '\u0001\u0002\u0003'.repeat(10));
    expect(error.issues[0]!.message).toContain('looks binary');
  });

  it('rejects input over 5 MB of UTF-8', () => {
    const justOver = '- a\n' + 'é'.repeat((5 * 1024 * 1024) / 2);
    expect(importError(justOver).issues[0]!.message).toContain('too large');
    const asciiOver = 'x'.repeat(5 * 1024 * 1024 + 1);
    expect(importError(asciiOver).issues[0]!.message).toContain('too large');
  });

  it('accepts input of exactly 5 MB', () => {
    const head = '# Big\n\n## Stage\n\n- The only item\n\n';
    const line = `  ${'lorem ipsum dolor sit amet '.repeat(37)}\n`;
    let text = head + line.repeat(Math.floor((5 * 1024 * 1024 - head.length) / line.length));
    text += 'x'.repeat(5 * 1024 * 1024 - text.length);
    expect(new TextEncoder().encode(text).length).toBe(5 * 1024 * 1024);
    const template = parseChecklistMarkdown(text);
    expect(template.stages[0]!.items[0]!.title).toBe('The only item');
  }, 60_000);

  it('rejects files whose structure would make parsing too slow', () => {
    const manyItems = '- item\n'.repeat(3001);
    expect(importError(manyItems).issues[0]!.message).toBe(
      'This checklist is too large or complex: it has 3001 list items (at most 3000)',
    );
    const deep = Array.from({ length: 60 }, (_, depth) => `${'  '.repeat(depth)}- level`).join(
      '\n',
    );
    expect(importError(deep).issues[0]).toEqual({
      line: 41,
      message:
        'This checklist is too large or complex: the lists or quotes are nested too deeply (at most 40 levels)',
    });
    const emphasis = `- ${'*a _b '.repeat(600)}`;
    expect(importError(emphasis).issues[0]!.message).toContain('too much emphasis or link markup');
    expect(importError('- a\n'.repeat(100_001)).issues[0]!.message).toContain('100002 lines');
  });

  it('bounds tables, headings, line length and markup before parsing', () => {
    const row = (columns: number) => `|${' x |'.repeat(columns)}`;
    const table = (columns: number, rows: number) =>
      [
        '- item',
        '',
        row(columns),
        `|${'---|'.repeat(columns)}`,
        ...Array(rows).fill(row(columns)),
      ].join('\n');
    expect(importError(table(3000, 3)).issues[0]).toEqual({
      line: 4,
      message: 'This checklist is too large or complex: a table has 3000 columns (at most 50)',
    });
    // Cells are counted as '|' + 1 per line: a little over, never under.
    expect(importError(table(20, 200)).issues[0]!.message).toBe(
      'This checklist is too large or complex: it has 4442 table cells (at most 3000)',
    );
    // Tables inside quotes and list entries count too.
    expect(importError(`- item\n\n> | a |\n> |${'-|'.repeat(60)}`).issues[0]!.message).toContain(
      'a table has 60 columns',
    );
    // `|` in list entries (the seed's `Tool | [Notes](…)`) is not a table.
    expect(parseChecklistMarkdown(`- a | b\n- c | d\n`.repeat(200)).stages).toHaveLength(1);
    expect(importError(`# T\n${'## S\n- i\n'.repeat(501)}`).issues[0]!.message).toBe(
      'This checklist is too large or complex: it has 502 headings (at most 500)',
    );
    expect(importError(`- ${'a'.repeat(20_001)}`).issues[0]!.message).toBe(
      'This checklist is too large or complex: a line has 20003 characters (at most 20000)',
    );
    for (const marker of ['~a', '<', '&amp;', '`a', '*[']) {
      const runs = `- item\n\n${marker.repeat(1001)}`;
      expect(importError(runs).issues[0]!.message, marker).toContain('too much emphasis');
    }
    const busyParagraphs = `- item\n\n${Array(110).fill('*a* '.repeat(200)).join('\n\n')}`;
    expect(importError(busyParagraphs).issues[0]!.message).toContain(
      'markup characters (at most 40000)',
    );
  });

  it('imports the seed checklists within every structural limit', () => {
    for (const seed of ['ml-e2e-checklist-v1.md', 'ml-e2e-checklist-v2.md']) {
      const text = readFileSync(new URL(`./seed/${seed}`, import.meta.url), 'utf8');
      expect(parseChecklistMarkdown(text).stages.length, seed).toBeGreaterThan(3);
    }
  });

  it('strips a byte-order mark', () => {
    expect(parseChecklistMarkdown('\ufeff# T\n- a\n').title).toBe('T');
  });
});
