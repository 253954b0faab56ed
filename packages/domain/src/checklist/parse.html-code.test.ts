import { describe, expect, it } from 'vitest';
import { parseChecklistMarkdown } from './parse';
import { itemsOf } from './test-support';

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
