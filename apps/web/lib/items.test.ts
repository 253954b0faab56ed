import { describe, expect, it } from 'vitest';
import { buildItemTree, reuseNodes, type Item } from './items';

const item = (id: string, parentId: string | null, position: number): Item =>
  ({ id, parentId, position, status: 'TODO' }) as unknown as Item;

describe('[web] item tree', () => {
  const items = [item('a', null, 0), item('a1', 'a', 0), item('a2', 'a', 1), item('b', null, 1)];

  it('keeps every node of an unchanged list', () => {
    const first = buildItemTree(items);
    expect(reuseNodes(first, buildItemTree(items))).toBe(first);
  });

  it('renews only the changed item and the branch above it', () => {
    const first = buildItemTree(items);
    const changed = items.map((i) => (i.id === 'a2' ? { ...i, status: 'DONE' as const } : i));
    const next = reuseNodes(first, buildItemTree(changed));
    expect(next).not.toBe(first);
    expect(next[1]).toBe(first[1]); // b
    expect(next[0]).not.toBe(first[0]); // a holds the change
    expect(next[0]!.children[0]).toBe(first[0]!.children[0]); // a1
    expect(next[0]!.children[1]!.item.status).toBe('DONE');
  });

  it('shows an added item', () => {
    const first = buildItemTree(items);
    const next = reuseNodes(first, buildItemTree([...items, item('c', null, 2)]));
    expect(next.map((n) => n.item.id)).toEqual(['a', 'b', 'c']);
    expect(next[0]).toBe(first[0]);
  });
});
