import { describe, expect, it } from 'vitest';
import { firstNodes, firstRows } from './first-screen';

interface Node {
  item: string;
  children: Node[];
}
const node = (item: string, children: Node[] = []): Node => ({ item, children });
const ids = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.item, ...ids(n.children)]);

describe('[web] first screen', () => {
  it('shows the first rows, then all of them', () => {
    const rows = Array.from({ length: 50 }, (_, i) => i);
    expect(firstRows(rows, false, 15)).toEqual(rows.slice(0, 15));
    expect(firstRows(rows, true, 15)).toBe(rows);
    const few = [1, 2];
    expect(firstRows(few, false, 15)).toBe(few);
  });

  it('keeps a tree in reading order, cutting inside a branch', () => {
    const tree = [node('a', [node('a1'), node('a2', [node('a2x')])]), node('b'), node('c')];
    expect(ids(firstNodes(tree, false, 3))).toEqual(['a', 'a1', 'a2']);
    expect(ids(firstNodes(tree, false, 5))).toEqual(['a', 'a1', 'a2', 'a2x', 'b']);
    expect(firstNodes(tree, true, 3)).toBe(tree);
  });

  it('reuses whole branches it keeps, so memoized rows are not rendered again', () => {
    const a = node('a', [node('a1')]);
    const tree = [a, node('b', [node('b1'), node('b2')])];
    const first = firstNodes(tree, false, 3);
    expect(first[0]).toBe(a);
    expect(ids(first)).toEqual(['a', 'a1', 'b']);
    expect(first[1]!.children).toEqual([]);
  });

  it('shows every node of a tree smaller than the first screen', () => {
    const tree = [node('a', [node('a1')]), node('b')];
    expect(ids(firstNodes(tree, false, 16))).toEqual(['a', 'a1', 'b']);
  });
});
