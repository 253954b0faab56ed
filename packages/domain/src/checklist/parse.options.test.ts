import { describe, expect, it } from 'vitest';
import { itemsOf } from './test-support';

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
