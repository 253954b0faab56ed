import { describe, expect, it } from 'vitest';
import { buildItemTree, hasOpenDescendant } from './item-tree';
import { isOpenStatus, type TItemStatus } from './status';

const item = (
  id: string,
  parentId: string | null,
  position: number,
  status: TItemStatus = 'TODO',
) => ({
  id,
  parentId,
  position,
  status,
});

describe('[progress] buildItemTree', () => {
  it('nests children under parents and orders siblings by position', () => {
    const tree = buildItemTree([
      item('c', 'a', 2),
      item('a', null, 1),
      item('b', 'a', 1),
      item('r', null, 0),
    ]);
    expect(tree.map((n) => n.item.id)).toEqual(['r', 'a']);
    expect(tree[1]!.children.map((n) => n.item.id)).toEqual(['b', 'c']);
  });

  it('keeps an item whose parent is not in the list, as a root', () => {
    const tree = buildItemTree([item('orphan', 'elsewhere', 0)]);
    expect(tree.map((n) => n.item.id)).toEqual(['orphan']);
  });
});

describe('[progress] hasOpenDescendant', () => {
  it('finds open work at any depth and agrees with the closed-children rule', () => {
    const [root] = buildItemTree([
      item('p', null, 0, 'TODO'),
      item('c', 'p', 0, 'DONE'),
      item('g', 'c', 0, 'BLOCKED'),
    ]);
    expect(hasOpenDescendant(root!, isOpenStatus)).toBe(true);
    const [closed] = buildItemTree([item('p', null, 0), item('c', 'p', 0, 'NOT_APPLICABLE')]);
    expect(hasOpenDescendant(closed!, isOpenStatus)).toBe(false);
  });
});
