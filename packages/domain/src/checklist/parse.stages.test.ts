import { describe, expect, it } from 'vitest';
import { parseChecklistMarkdown } from './parse';

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
