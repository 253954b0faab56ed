import { describe, expect, it } from 'vitest';
import { parseChecklistMarkdown } from './parse';
import { planUpgrade, type TUpgradeCurrentItem } from './upgrade';

const target = parseChecklistMarkdown(`## Data
- Data cleaning
- Data versioning. Available tools:
  - [DVC](https://dvc.org)
- Grid search: doable when the parameters are few
## Modelling
- Train a baseline model
- Feature selection
`);

function item(
  id: string,
  key: string,
  title: string,
  extra: Partial<TUpgradeCurrentItem> = {},
): TUpgradeCurrentItem {
  const stageKey = key.split('/')[0]!;
  return { id, key, stageKey, title, hasProgress: false, isCustom: false, ...extra };
}

describe('planUpgrade', () => {
  const current = [
    item('1', 'data/data-cleaning', 'Data cleaning'),
    item('2', 'data/data-versioning', 'Data versioning', { hasProgress: true }),
    item('3', 'data/feature-selection', 'Feature selection'),
    item('4', 'data/grid-search', 'Grid search'),
    item('5', 'data/old-step', 'Old step nobody needs', { hasProgress: true }),
    item('6', 'data/old-idea', 'Another obsolete idea'),
    item('7', 'data/our-own-step', 'Our own step', { isCustom: true }),
    item('8', 'data/data-cleaning', 'Data cleaning', { isCustom: true }),
  ];
  const plan = planUpgrade({ current, target });

  it('matches by key first, then by title', () => {
    expect(plan.matched).toEqual([
      { id: '1', targetKey: 'data/data-cleaning', confidence: 1, uncertain: false, by: 'key' },
      {
        id: '2',
        targetKey: 'data/data-versioning-available-tools',
        confidence: 0.875,
        uncertain: false,
        by: 'title',
      },
      {
        id: '3',
        targetKey: 'modelling/feature-selection',
        confidence: 1,
        uncertain: false,
        by: 'title',
      },
      {
        id: '4',
        targetKey: 'data/grid-search-doable-when-the-parameters-are-few',
        confidence: 0.833,
        uncertain: false,
        by: 'title',
      },
    ]);
  });

  it('adds what is new and removes what is gone, keeping items with progress', () => {
    expect(plan.added).toEqual([
      {
        targetKey: 'data/data-versioning-available-tools/dvc',
        stageKey: 'data',
        parentKey: 'data/data-versioning-available-tools',
        title: 'DVC',
      },
      {
        targetKey: 'modelling/train-a-baseline-model',
        stageKey: 'modelling',
        title: 'Train a baseline model',
      },
    ]);
    expect(plan.removed).toEqual([
      { id: '5', key: 'data/old-step', title: 'Old step nobody needs', keep: true },
      { id: '6', key: 'data/old-idea', title: 'Another obsolete idea', keep: false },
    ]);
  });

  it('never matches or removes custom items', () => {
    const ids = [
      ...plan.matched.map((match) => match.id),
      ...plan.removed.map((removal) => removal.id),
    ];
    expect(ids).not.toContain('7');
    expect(ids).not.toContain('8');
  });

  it('flags weak matches as uncertain', () => {
    const weak = planUpgrade({
      current: [item('1', 'data/cleaning-raw-data', 'Cleaning the raw data sets before modelling')],
      target,
    });
    expect(weak.matched).toEqual([
      {
        id: '1',
        targetKey: 'data/data-cleaning',
        confidence: expect.any(Number),
        uncertain: true,
        by: 'title',
      },
    ]);
    expect(weak.matched[0]!.confidence).toBeLessThan(0.8);
  });

  it('is deterministic and independent of object identity', () => {
    expect(
      planUpgrade({ current: structuredClone(current), target: structuredClone(target) }),
    ).toEqual(plan);
  });
});
