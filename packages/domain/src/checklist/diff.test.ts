import { describe, expect, it } from 'vitest';
import { diffTemplates, longestIncreasingSubsequence } from './diff';
import { parseChecklistMarkdown } from './parse';

const before = parseChecklistMarkdown(`# Edition 1
## Data
- Data cleaning
- Feature scaling
  - Min max
- Archive raw dumps
## Model training
- Train model
- Tune hyperparameters
## Reporting
- Write report
`);

const after = parseChecklistMarkdown(`# Edition 2
## Reporting
- Write report
## Data
- Data cleaning | [Notes](https://notes.example/cleaning)
- Features scaling and normalisation
  - Min max
- Label the data
## Model training and tuning
- Train model
## Deploy
- Serve the model
- Tune hyperparameters
`);

describe('diffTemplates', () => {
  const diff = diffTemplates(before, after);

  it('matches stages by key, then by title similarity', () => {
    expect(diff.stages.added).toEqual([{ key: 'deploy', title: 'Deploy' }]);
    expect(diff.stages.removed).toEqual([]);
    expect(diff.stages.renamed).toEqual([
      {
        from: { key: 'model-training', title: 'Model training' },
        to: { key: 'model-training-and-tuning', title: 'Model training and tuning' },
        similarity: expect.closeTo(0.917, 3),
      },
    ]);
    expect(diff.stages.moved).toEqual([
      {
        from: { key: 'reporting', title: 'Reporting' },
        to: { key: 'reporting', title: 'Reporting' },
        fromIndex: 2,
        toIndex: 0,
      },
    ]);
  });

  it('reports added, removed, renamed, moved and changed items with keys and titles', () => {
    expect(diff.items.added.map((item) => item.key)).toEqual([
      'data/label-the-data',
      'deploy/serve-the-model',
    ]);
    expect(diff.items.removed.map((item) => item.key)).toEqual(['data/archive-raw-dumps']);
    expect(diff.items.renamed).toEqual([
      {
        from: {
          key: 'data/feature-scaling',
          title: 'Feature scaling',
          stageKey: 'data',
          parentKey: null,
        },
        to: {
          key: 'data/features-scaling-and-normalisation',
          title: 'Features scaling and normalisation',
          stageKey: 'data',
          parentKey: null,
        },
        similarity: expect.closeTo(0.867, 3),
      },
    ]);
    // The child of the renamed item keeps its (matched) parent, the stage rename is not a move.
    expect(diff.items.moved).toEqual([
      {
        from: {
          key: 'model-training/tune-hyperparameters',
          title: 'Tune hyperparameters',
          stageKey: 'model-training',
          parentKey: null,
        },
        to: {
          key: 'deploy/tune-hyperparameters',
          title: 'Tune hyperparameters',
          stageKey: 'deploy',
          parentKey: null,
        },
      },
    ]);
    expect(diff.items.changed).toEqual([
      {
        from: expect.objectContaining({ key: 'data/data-cleaning' }),
        to: expect.objectContaining({ key: 'data/data-cleaning' }),
        fields: ['links'],
      },
    ]);
  });

  it('finds nothing between a template and itself', () => {
    const same = diffTemplates(after, after);
    expect(same).toEqual({
      stages: { added: [], removed: [], renamed: [], moved: [] },
      items: { added: [], removed: [], renamed: [], moved: [], changed: [] },
    });
  });

  it('reports spelling-only title changes, body and options as changes', () => {
    const first = parseChecklistMarkdown(
      '## S\n- Data cleaning\n- Tools:\n  - [A](https://a.io)\n  - [B](https://b.io)\n',
    );
    const second = parseChecklistMarkdown(
      '## S\n- Data Cleaning!\n\n  Remove duplicates.\n- Tools:\n  - [A](https://a.io)\n  - [C](https://c.io)\n',
    );
    const { items } = diffTemplates(first, second);
    expect(items.changed.map((change) => [change.from.key, change.fields])).toEqual([
      ['s/data-cleaning', ['title', 'body']],
      ['s/tools', ['options']],
    ]);
    expect(items.added.map((item) => item.title)).toEqual(['C']);
    expect(items.removed.map((item) => item.title)).toEqual(['B']);
  });
});

describe('longestIncreasingSubsequence', () => {
  it('keeps the longest run in order', () => {
    expect([...longestIncreasingSubsequence([2, 0, 1, 3])].sort()).toEqual([1, 2, 3]);
    expect([...longestIncreasingSubsequence([])]).toEqual([]);
  });
});
