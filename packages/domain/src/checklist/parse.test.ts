import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChecklistImportError } from './errors';
import { parseChecklistMarkdown } from './parse';
import { allItems } from './test-support';

/** Parses a one-stage checklist and returns its items. */
function itemsOf(list: string) {
  const template = parseChecklistMarkdown(`# Checklist\n\n## Stage\n\n${list}\n`);
  expect(template.stages).toHaveLength(1);
  return template.stages[0]!.items;
}

function importError(text: string): ChecklistImportError {
  try {
    parseChecklistMarkdown(text);
  } catch (error) {
    if (error instanceof ChecklistImportError) return error;
    throw error;
  }
  throw new Error('expected a ChecklistImportError');
}

describe('item text rules', () => {
  it('turns link-only trailers into links, not title text', () => {
    const [conda, dvc] = itemsOf(
      [
        '- Conda | [Notes](https://notes.example/conda)',
        '- [DVC](https://dvc.org/) | [Notes](https://notes.example/dvc) | [Paper](https://arxiv.org/1)',
      ].join('\n'),
    );
    expect(conda).toMatchObject({
      title: 'Conda',
      links: [{ label: 'Notes', url: 'https://notes.example/conda' }],
    });
    expect(conda!.body).toBeUndefined();
    expect(dvc).toMatchObject({
      title: 'DVC',
      links: [
        { label: 'DVC', url: 'https://dvc.org/' },
        { label: 'Notes', url: 'https://notes.example/dvc' },
        { label: 'Paper', url: 'https://arxiv.org/1' },
      ],
    });
  });

  it('keeps inline link labels in the text and removes generic reference labels', () => {
    const [baseline, bi, flask] = itemsOf(
      [
        '- Establish a [baseline](https://b.example) against which ML is judged',
        '- BI tools analyze data [Ref](https://ref.example). These tools help:',
        '- REST frameworks: Flask | [Notes](https://n.example/1) , Django | [Notes](https://n.example/2)',
      ].join('\n'),
    );
    expect(baseline!.title).toBe('Establish a baseline against which ML is judged');
    expect(baseline!.links).toEqual([{ label: 'baseline', url: 'https://b.example' }]);
    expect(bi!.title).toBe('BI tools analyze data. These tools help');
    expect(bi!.links).toEqual([{ label: 'Ref', url: 'https://ref.example' }]);
    expect(flask!.title).toBe('REST frameworks: Flask, Django');
  });

  it('takes the <ins> part as title and the rest as body', () => {
    const [featureEngineering, serverless, docs, kubernetes] = itemsOf(
      [
        '- <ins>Feature engineering</ins> | [Notes](https://n.example) | [Tutorials](https://t.example):',
        '- <ins>Serverless deployment</ins>. Serverless does not mean there is no server.',
        '- <ins>Docs | [Tutorials](https://t.example/docs)</ins>:',
        '- <ins>[Kubernetes](https://k8s.io/) | [Notes](https://n.example/k8s) cluster</ins>:',
      ].join('\n'),
    );
    expect(featureEngineering).toMatchObject({ title: 'Feature engineering' });
    expect(featureEngineering!.body).toBeUndefined();
    expect(featureEngineering!.links.map((link) => link.label)).toEqual(['Notes', 'Tutorials']);
    expect(serverless).toMatchObject({
      title: 'Serverless deployment',
      body: 'Serverless does not mean there is no server.',
    });
    expect(docs).toMatchObject({ title: 'Docs', links: [{ label: 'Tutorials' }] });
    expect(kubernetes!.title).toBe('Kubernetes cluster');
    expect(kubernetes!.links.map((link) => link.label)).toEqual(['Kubernetes', 'Notes']);
  });

  it('takes a bold lead-in followed by a colon as title', () => {
    const [mvp, extraction, onlyBold] = itemsOf(
      [
        '- **MVP**: Focuses on core functionality.',
        '- **Extraction** involves pulling data from sources.',
        '- **Caching**',
      ].join('\n'),
    );
    expect(mvp).toMatchObject({ title: 'MVP', body: 'Focuses on core functionality.' });
    expect(extraction!.title).toBe('Extraction involves pulling data from sources.');
    expect(extraction!.body).toBeUndefined();
    expect(onlyBold!.title).toBe('Caching');
  });

  it('drops Markdown residue around links and keeps icons', () => {
    const [flask, nodeJs, airflow] = itemsOf(
      [
        '- [[Flask](https://flask.example) | [Notes](https://n.example/flask)]',
        '- [[Node.js]() | Notes]',
        '- ⭐[[Apache Airflow](https://airflow.example) | [Notes](https://n.example/af)] is mature.',
      ].join('\n'),
    );
    expect(flask!.title).toBe('Flask');
    expect(nodeJs!.title).toBe('Node.js | Notes');
    expect(nodeJs!.links).toEqual([]);
    expect(airflow!.title).toBe('⭐Apache Airflow is mature.');
  });

  it('strips the colon that only introduces nested entries', () => {
    const [release] = itemsOf('- Code release:\n  - Major\n  - Minor');
    expect(release!.title).toBe('Code release');
    expect(release!.children.map((child) => child.title)).toEqual(['Major', 'Minor']);
  });

  it('resolves reference-style links', () => {
    const [item] = itemsOf(
      '- Read the [guide][g] | [Notes][n]\n\n[g]: https://g.example\n[n]: https://n.example',
    );
    expect(item!.title).toBe('Read the guide');
    expect(item!.links).toEqual([
      { label: 'guide', url: 'https://g.example' },
      { label: 'Notes', url: 'https://n.example' },
    ]);
  });

  it('moves the part of a title beyond 1000 characters to the body', () => {
    const words = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');
    const [item] = itemsOf(`- ${words}\n\n  Original body.`);
    expect(item!.title.length).toBeLessThanOrEqual(1000);
    expect(`${item!.title} ${item!.body}`).toBe(
      `${words} Original body.`.replace(' Original', '\n\nOriginal'),
    );
  });
});

describe('HTML and code never leak into titles', () => {
  it('ignores <details>/<summary>/<br> wrappers around a stage list', () => {
    const template = parseChecklistMarkdown(
      '# T\n\n## Scoping\n<details>\n<summary>Expand ⬇️</summary>\n<br>\n\n- First check\n\n</details>\n',
    );
    expect(template.stages).toEqual([
      {
        key: 'scoping',
        title: 'Scoping',
        items: [{ key: 'scoping/first-check', title: 'First check', links: [], children: [] }],
      },
    ]);
  });

  it('keeps code blocks in bodies, never in titles', () => {
    const items = itemsOf(
      [
        '- Pin the dependencies',
        '  ```bash',
        '  pip freeze > requirements.txt',
        '  ```',
        '- ```',
        '  only code here',
        '  ```',
        '- Inline `code` is text <br> and <b>tags</b> vanish',
      ].join('\n'),
    );
    expect(items.map((item) => item.title)).toEqual([
      'Pin the dependencies',
      'Untitled item',
      'Inline code is text and tags vanish',
    ]);
    expect(items[0]!.body).toBe('pip freeze > requirements.txt');
    expect(items[1]!.body).toBe('only code here');
  });

  it('does not treat a code block between lists as an item', () => {
    const [stage] = parseChecklistMarkdown(
      '## S\n\n- a\n\n```\n- not an item\n```\n\n- b\n',
    ).stages;
    expect(allItemsOfStage(stage!)).toEqual(['a', 'b']);
  });

  it('survives an unclosed code fence', () => {
    const template = parseChecklistMarkdown('## S\n\n- a\n\n```\n- swallowed\n## Not a heading\n');
    expect(template.stages.map((stage) => stage.title)).toEqual(['S']);
    expect(allItemsOfStage(template.stages[0]!)).toEqual(['a']);
  });
});

function allItemsOfStage(stage: { items: Array<{ title: string }> }): string[] {
  return stage.items.map((item) => item.title);
}

describe('list kinds', () => {
  it('reads task-list items without their checkbox', () => {
    const items = itemsOf(
      '- [ ] Write the report\n- [x] Collect the data\n* [X] Star bullet\n+ Plus bullet',
    );
    expect(items.map((item) => item.title)).toEqual([
      'Write the report',
      'Collect the data',
      'Star bullet',
      'Plus bullet',
    ]);
  });

  it('reads ordered lists and keeps nesting depth', () => {
    const [first, second] = itemsOf(
      '1. First\n2. Second\n   1. Nested\n      - Deeper\n        - Deepest',
    );
    expect(first!.title).toBe('First');
    expect(second!.children[0]!.title).toBe('Nested');
    expect(second!.children[0]!.children[0]!.children[0]).toMatchObject({
      key: 'stage/second/nested/deeper/deepest',
      title: 'Deepest',
    });
  });

  it('hands the children of an empty entry to its parent', () => {
    const items = itemsOf('-\n  - Orphan child');
    expect(items.map((item) => item.title)).toEqual(['Orphan child']);
  });
});

describe('stages', () => {
  it('ignores the document title, a table of contents and sections without entries', () => {
    const template = parseChecklistMarkdown(
      [
        '# 📋My Checklist📋',
        'Intro text.',
        '- Provides a checklist (introduction, not content)',
        '## Table of contents',
        '1. [Data](#data)',
        '2. [Modelling](#%EF%B8%8Fmodelling)',
        '## Infrastructure',
        '```yaml',
        'a: 1',
        '```',
        '## Notes to self',
        '- Not in the table of contents',
        '## 💽Data',
        '- Collect data',
        '## ⚙️Modelling',
        'Build models.',
        '- Train a baseline',
      ].join('\n'),
    );
    expect(template.title).toBe('My Checklist');
    expect(template.stages.map((stage) => [stage.key, stage.title, stage.description])).toEqual([
      ['data', 'Data', undefined],
      ['modelling', 'Modelling', 'Build models.'],
    ]);
  });

  it('uses every section with entries when there is no table of contents', () => {
    const template = parseChecklistMarkdown('# T\n## A\n- a\n## B\ntext only\n## C\n- c\n');
    expect(template.stages.map((stage) => stage.title)).toEqual(['A', 'C']);
  });

  it('turns sub-headings inside a stage into grouping items', () => {
    const template = parseChecklistMarkdown(
      '# T\n## Data\n- Collect\n### Cleaning\nRemove junk.\n- Outliers\n#### Deep\n- Impute\n### Empty\nNothing here.\n',
    );
    const [data] = template.stages;
    expect(data!.items.map((item) => item.key)).toEqual(['data/collect', 'data/cleaning']);
    expect(data!.items[1]).toMatchObject({
      title: 'Cleaning',
      body: 'Remove junk.',
      children: [
        { key: 'data/cleaning/outliers', title: 'Outliers' },
        { key: 'data/cleaning/deep', title: 'Deep', children: [{ title: 'Impute' }] },
      ],
    });
  });

  it('treats deeper headings as stages when no shallower section has entries', () => {
    const template = parseChecklistMarkdown('# T\n## Part one\n### Data\n- a\n### Model\n- b\n');
    expect(template.stages.map((stage) => stage.title)).toEqual(['Data', 'Model']);
  });

  it('makes one stage of a file without headings', () => {
    const template = parseChecklistMarkdown('- a\n- b\n');
    expect(template).toEqual({
      title: 'Untitled checklist',
      stages: [
        {
          key: 'checklist',
          title: 'Checklist',
          items: [
            { key: 'checklist/a', title: 'a', links: [], children: [] },
            { key: 'checklist/b', title: 'b', links: [], children: [] },
          ],
        },
      ],
    });
  });

  it('limits stage titles to 300 characters and keeps the rest in the description', () => {
    const long = Array.from({ length: 80 }, (_, index) => `Word${index}`).join(' ');
    const [stage] = parseChecklistMarkdown(`## ${long}\n- a\n`).stages;
    expect(stage!.title.length).toBeLessThanOrEqual(300);
    expect(`${stage!.title} ${stage!.description}`).toBe(long);
    expect(stage!.key.length).toBeLessThanOrEqual(120);
  });

  it('drops emoji that lost a byte from titles (they cannot be restored)', () => {
    const [stage] = parseChecklistMarkdown(
      '## ğŸ“‹Scoping\n- ğŸ” Security\n- ğŸ“ˆ Monitor\n',
    ).stages;
    expect(stage!.title).toBe('Scoping');
    expect(stage!.items.map((item) => item.title)).toEqual(['Security', '📈 Monitor']);
  });
});

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

describe('options', () => {
  it('lists the tools an item offers', () => {
    const [versioning, release, framework] = itemsOf(
      [
        '- Data versioning. Available tools:',
        '  - [DVC](https://dvc.org/) | [Notes](https://n.example)',
        '  - [Neptune](https://neptune.ai/)',
        '  - Pachyderm',
        '- Code release:',
        '  - Major',
        '  - Minor',
        '- Choose a framework:',
        '  - Grid search: doable when parameters are few',
        '  - Random search: preferred',
        '  - [Kedro vs. ZenML](https://cmp.example)',
      ].join('\n'),
    );
    expect(versioning!.options).toEqual(['DVC', 'Neptune', 'Pachyderm']);
    expect(release!.options).toBeUndefined();
    expect(framework!.options).toEqual(['Grid search', 'Random search']);
  });
});

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
