'use client';
// What a long list shows in its first paint: the rows that fit the first
// screen, the rest right after (see useFirstScreen). A page of 50 projects or a
// stage of 111 items then paints its first rows as soon as its data arrives,
// instead of after all of them have rendered.
import { startTransition, useEffect, useState } from 'react';

/** Project rows in the portfolio's first paint (a screen holds about 12). */
export const FIRST_SCREEN_ROWS = 15;
/** Checklist items in a stage's first paint (a screen holds about 14). */
export const FIRST_SCREEN_ITEMS = 16;

/** The first `count` rows, or all of them once the first screen is painted. */
export function firstRows<T>(rows: readonly T[], all: boolean, count: number): readonly T[] {
  return all || rows.length <= count ? rows : rows.slice(0, count);
}

interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** The first `count` nodes of a tree in reading order (depth first), as a tree. */
export function firstNodes<N extends TreeNode<unknown>>(
  nodes: N[],
  all: boolean,
  count: number,
): N[] {
  if (all) return nodes;
  let left = count;
  const take = (level: N[]): N[] => {
    const kept: N[] = [];
    for (const node of level) {
      if (left <= 0) break;
      left -= 1;
      const children = take(node.children as N[]);
      const same =
        children.length === node.children.length &&
        children.every((child, i) => child === node.children[i]);
      kept.push(same ? node : { ...node, children });
    }
    return kept;
  };
  return take(nodes);
}

/**
 * False for the first paint of `key` (a page's or a stage's rows, once they
 * have arrived; null before), true right after it, as a transition, so input
 * is never held up by the rest of the rows.
 */
export function useFirstScreen(key: string | null): boolean {
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (key === null || shown === key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(key)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key, shown]);
  return key !== null && shown === key;
}
