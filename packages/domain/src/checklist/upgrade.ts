import { flattenTemplate } from './flatten';
import { normalizeTitle } from './keys';
import type { TParsedTemplate } from './schema';
import { matchBySimilarity } from './similarity';

/**
 * Plans moving a project's checklist instance onto a new template edition. Each current item is
 * matched to a target item by key, then by identical normalised title (the item moved, so its
 * path key changed), then by title similarity; unmatched target items are added and unmatched
 * current items removed (kept when they have progress, so no work is lost). Custom items, which
 * the team added themselves, are neither matched nor removed: they stay as they are.
 */
export interface TUpgradeCurrentItem {
  id: string;
  key: string;
  stageKey: string;
  parentKey?: string | null | undefined;
  title: string;
  hasProgress: boolean;
  isCustom: boolean;
}

export interface TUpgradeMatch {
  id: string;
  targetKey: string;
  /** 1 for key or identical-title matches, the similarity score otherwise. */
  confidence: number;
  /** The match needs a human look (confidence below `UNCERTAIN_BELOW`). */
  uncertain: boolean;
  by: 'key' | 'title';
}

export interface TUpgradeAddition {
  targetKey: string;
  stageKey: string;
  parentKey?: string;
  title: string;
}

export interface TUpgradeRemoval {
  id: string;
  key: string;
  title: string;
  /** True when the item has progress: the UI should keep it (e.g. archive) rather than drop it. */
  keep: boolean;
}

export interface TUpgradePlan {
  matched: TUpgradeMatch[];
  added: TUpgradeAddition[];
  removed: TUpgradeRemoval[];
}

/** Below this similarity a match is only a suggestion. */
export const UNCERTAIN_BELOW = 0.8;
/** Below this similarity two titles are not considered the same item at all. */
export const MIN_MATCH_SIMILARITY = 0.5;

export function planUpgrade(input: {
  current: readonly TUpgradeCurrentItem[];
  target: TParsedTemplate;
}): TUpgradePlan {
  const targetItems = flattenTemplate(input.target);
  const current = input.current.filter((item) => !item.isCustom);
  const matchedTarget = new Set<number>();
  const matchByCurrent = new Map<number, TUpgradeMatch>();

  const targetIndexByKey = new Map<string, number>();
  targetItems.forEach((item, index) => {
    if (!targetIndexByKey.has(item.key)) targetIndexByKey.set(item.key, index);
  });
  current.forEach((item, index) => {
    const target = targetIndexByKey.get(item.key);
    if (target === undefined || matchedTarget.has(target)) return;
    matchedTarget.add(target);
    matchByCurrent.set(index, {
      id: item.id,
      targetKey: item.key,
      confidence: 1,
      uncertain: false,
      by: 'key',
    });
  });

  const targetIndexesByTitle = new Map<string, number[]>();
  targetItems.forEach((item, index) => {
    if (matchedTarget.has(index)) return;
    const title = normalizeTitle(item.title);
    const list = targetIndexesByTitle.get(title);
    if (list) list.push(index);
    else targetIndexesByTitle.set(title, [index]);
  });
  current.forEach((item, index) => {
    if (matchByCurrent.has(index)) return;
    const candidates = targetIndexesByTitle.get(normalizeTitle(item.title)) ?? [];
    // Among equal titles prefer the one in the same stage, then document order.
    const target =
      candidates.find((c) => !matchedTarget.has(c) && targetItems[c]!.stageKey === item.stageKey) ??
      candidates.find((c) => !matchedTarget.has(c));
    if (target === undefined) return;
    matchedTarget.add(target);
    matchByCurrent.set(index, {
      id: item.id,
      targetKey: targetItems[target]!.key,
      confidence: 1,
      uncertain: false,
      by: 'title',
    });
  });

  const restCurrent = current
    .map((_, index) => index)
    .filter((index) => !matchByCurrent.has(index));
  const restTarget = targetItems
    .map((_, index) => index)
    .filter((index) => !matchedTarget.has(index));
  const similar = matchBySimilarity(
    restCurrent.map((index) => current[index]!.title),
    restTarget.map((index) => targetItems[index]!.title),
    MIN_MATCH_SIMILARITY,
    (left, right) =>
      current[restCurrent[left]!]!.stageKey === targetItems[restTarget[right]!]!.stageKey ? 1 : 0,
  );
  for (const { left, right, score } of similar) {
    const currentIndex = restCurrent[left]!;
    const targetIndex = restTarget[right]!;
    matchedTarget.add(targetIndex);
    const confidence = Math.round(score * 1000) / 1000;
    matchByCurrent.set(currentIndex, {
      id: current[currentIndex]!.id,
      targetKey: targetItems[targetIndex]!.key,
      confidence,
      uncertain: confidence < UNCERTAIN_BELOW,
      by: 'title',
    });
  }

  const matched = current.flatMap((_, index) => {
    const match = matchByCurrent.get(index);
    return match ? [match] : [];
  });
  const added = targetItems
    .filter((_, index) => !matchedTarget.has(index))
    .map((item): TUpgradeAddition => {
      const addition: TUpgradeAddition = {
        targetKey: item.key,
        stageKey: item.stageKey,
        title: item.title,
      };
      if (item.parentKey !== null) addition.parentKey = item.parentKey;
      return addition;
    });
  const removed = current
    .filter((_, index) => !matchByCurrent.has(index))
    .map((item) => ({ id: item.id, key: item.key, title: item.title, keep: item.hasProgress }));
  return { matched, added, removed };
}
