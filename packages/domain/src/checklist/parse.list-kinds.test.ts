import { describe, expect, it } from 'vitest';
import { itemsOf } from './test-support';

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
