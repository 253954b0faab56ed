import { describe, expect, it } from 'vitest';
import { CSV_FORMULA_START } from './csv';
import { markdownText } from './markdown';
import { jsonNestingDepth, readTransferDocument } from './read-document';

describe('[transfer] JSON nesting depth', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":2}]}', 12)).toBe(3);
    expect(jsonNestingDepth('{"a":"[[[[[[[[\\"[[["}', 12)).toBe(1);
  });
  it('stops at the first level past the limit', () => {
    expect(jsonNestingDepth('['.repeat(1_000_000), 12)).toBe(13);
  });
});

describe('[transfer] reading a document', () => {
  it('names a newer format version', () => {
    expect(readTransferDocument('{"format":"shipshape.project","version":7}', 'project')).toEqual({
      ok: false,
      message:
        'This document was made by a newer Shipshape: format version 7, this server reads up to 1.',
    });
  });
  it('refuses deep nesting before parsing', () => {
    const result = readTransferDocument(`{"x":${'['.repeat(50)}${']'.repeat(50)}}`, 'project');
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/nests deeper/) });
  });
});

describe('[transfer] CSV formula cells (OWASP)', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")\nsecond line'])(
    'treats %j as a formula',
    (cell) => expect(CSV_FORMULA_START.test(cell)).toBe(true),
  );
  it.each(['plain', ' =not at start', '1-2', 'a@b.example'])('leaves %j alone', (cell) =>
    expect(CSV_FORMULA_START.test(cell)).toBe(false),
  );
});

describe('[transfer] Markdown text', () => {
  it('renders user text as itself on one line', () => {
    expect(markdownText('**bold** [x](javascript:y) <img>\n# h')).toBe(
      '\\*\\*bold\\*\\* \\[x\\]\\(javascript:y\\) \\<img\\> \\# h',
    );
  });
});
