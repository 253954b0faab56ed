import { flattenTemplate } from './flatten';
import { normalizeTitle } from './keys';
import type { TFlatItem, TParsedTemplate } from './schema';
import { matchBySimilarity, titleSimilarity } from './similarity';

/**
 * What changed between two editions of a template, for a review screen. Matching, per kind:
 *
 * 1. same key;
 * 2. then the same normalised title anywhere (an item that changed stage or parent changes key,
 *    because item keys are paths);
 * 3. then title similarity (≥ 0.5, best pairs first).
 *
 * Categories are badges, not exclusive buckets: a renamed item that also changed stage shows up
 * in `renamed` and in `moved`. `renamed` = matched by similarity (title words changed) or, for
 * stages, any title change; `moved` = an item whose stage or parent (as matched) differs, a stage
 * whose relative order changed; `changed` = matched item whose body, links, options or title
 * spelling (same words) differ. Everything else is `added` or `removed`.
 */
export interface TStageRef {
  key: string;
  title: string;
}

export interface TItemRef {
  key: string;
  title: string;
  stageKey: string;
  parentKey: string | null;
}

export type TItemField = 'title' | 'body' | 'links' | 'options';

export interface TTemplateDiff {
  stages: {
    added: TStageRef[];
    removed: TStageRef[];
    renamed: Array<{ from: TStageRef; to: TStageRef; similarity: number }>;
    moved: Array<{ from: TStageRef; to: TStageRef; fromIndex: number; toIndex: number }>;
  };
  items: {
    added: TItemRef[];
    removed: TItemRef[];
    renamed: Array<{ from: TItemRef; to: TItemRef; similarity: number }>;
    moved: Array<{ from: TItemRef; to: TItemRef }>;
    changed: Array<{ from: TItemRef; to: TItemRef; fields: TItemField[] }>;
  };
}

const MIN_SIMILARITY = 0.5;

export function diffTemplates(before: TParsedTemplate, after: TParsedTemplate): TTemplateDiff {
  const stageMatch = matchStages(before, after);
  const itemDiff = diffItems(flattenTemplate(before), flattenTemplate(after), stageMatch.keyMap);
  return { stages: stageMatch.diff, items: itemDiff };
}

function stageRef(stage: { key: string; title: string }): TStageRef {
  return { key: stage.key, title: stage.title };
}

function itemRef(item: TFlatItem): TItemRef {
  return { key: item.key, title: item.title, stageKey: item.stageKey, parentKey: item.parentKey };
}

/** Pairs of indexes `[before, after]` matched by key, then by similarity. */
function pairByKeyThenTitle<T extends { key: string; title: string }>(
  before: readonly T[],
  after: readonly T[],
  preference?: (beforeIndex: number, afterIndex: number) => number,
): {
  byKey: Array<[number, number]>;
  byTitle: Array<[number, number]>;
  bySimilarity: Array<[number, number, number]>;
} {
  const afterIndexByKey = new Map<string, number>();
  after.forEach((entry, index) => {
    if (!afterIndexByKey.has(entry.key)) afterIndexByKey.set(entry.key, index);
  });
  const usedAfter = new Set<number>();
  const usedBefore = new Set<number>();
  const byKey: Array<[number, number]> = [];
  before.forEach((entry, index) => {
    const match = afterIndexByKey.get(entry.key);
    if (match === undefined || usedAfter.has(match)) return;
    usedAfter.add(match);
    usedBefore.add(index);
    byKey.push([index, match]);
  });

  const afterByTitle = new Map<string, number[]>();
  after.forEach((entry, index) => {
    if (usedAfter.has(index)) return;
    const title = normalizeTitle(entry.title);
    const list = afterByTitle.get(title);
    if (list) list.push(index);
    else afterByTitle.set(title, [index]);
  });
  const byTitle: Array<[number, number]> = [];
  before.forEach((entry, index) => {
    if (usedBefore.has(index)) return;
    const candidates = afterByTitle.get(normalizeTitle(entry.title)) ?? [];
    const match = candidates.find((candidate) => !usedAfter.has(candidate));
    if (match === undefined) return;
    usedAfter.add(match);
    usedBefore.add(index);
    byTitle.push([index, match]);
  });

  const restBefore = before.map((_, index) => index).filter((index) => !usedBefore.has(index));
  const restAfter = after.map((_, index) => index).filter((index) => !usedAfter.has(index));
  const bySimilarity = matchBySimilarity(
    restBefore.map((index) => before[index]!.title),
    restAfter.map((index) => after[index]!.title),
    MIN_SIMILARITY,
    preference && ((left, right) => preference(restBefore[left]!, restAfter[right]!)),
  ).map(({ left, right, score }): [number, number, number] => [
    restBefore[left]!,
    restAfter[right]!,
    score,
  ]);
  return { byKey, byTitle, bySimilarity };
}

function matchStages(
  before: TParsedTemplate,
  after: TParsedTemplate,
): { diff: TTemplateDiff['stages']; keyMap: Map<string, string> } {
  const { byKey, byTitle, bySimilarity } = pairByKeyThenTitle(before.stages, after.stages);
  const pairs = [
    ...byKey.map(([from, to]) => ({ from, to, similarity: 1 })),
    ...byTitle.map(([from, to]) => ({ from, to, similarity: 1 })),
    ...bySimilarity.map(([from, to, similarity]) => ({ from, to, similarity })),
  ].sort((a, b) => a.from - b.from);

  const keyMap = new Map<string, string>();
  const renamed: TTemplateDiff['stages']['renamed'] = [];
  for (const { from, to, similarity } of pairs) {
    const fromStage = before.stages[from]!;
    const toStage = after.stages[to]!;
    keyMap.set(fromStage.key, toStage.key);
    if (fromStage.title !== toStage.title) {
      renamed.push({
        from: stageRef(fromStage),
        to: stageRef(toStage),
        similarity: similarity === 1 ? titleSimilarity(fromStage.title, toStage.title) : similarity,
      });
    }
  }

  // Stages out of the longest run that kept its relative order are the ones that moved.
  const inOrder = longestIncreasingSubsequence(pairs.map((pair) => pair.to));
  const moved = pairs
    .filter((_, index) => !inOrder.has(index))
    .map(({ from, to }) => ({
      from: stageRef(before.stages[from]!),
      to: stageRef(after.stages[to]!),
      fromIndex: from,
      toIndex: to,
    }));

  const matchedFrom = new Set(pairs.map((pair) => pair.from));
  const matchedTo = new Set(pairs.map((pair) => pair.to));
  return {
    diff: {
      added: after.stages.filter((_, index) => !matchedTo.has(index)).map(stageRef),
      removed: before.stages.filter((_, index) => !matchedFrom.has(index)).map(stageRef),
      renamed,
      moved,
    },
    keyMap,
  };
}

function diffItems(
  before: readonly TFlatItem[],
  after: readonly TFlatItem[],
  stageKeyMap: ReadonlyMap<string, string>,
): TTemplateDiff['items'] {
  const sameStage = (from: number, to: number): number =>
    stageKeyMap.get(before[from]!.stageKey) === after[to]!.stageKey ? 1 : 0;
  const { byKey, byTitle, bySimilarity } = pairByKeyThenTitle(before, after, sameStage);
  const pairs = [
    ...byKey.map(([from, to]) => ({ from, to, similarity: undefined as number | undefined })),
    ...byTitle.map(([from, to]) => ({ from, to, similarity: undefined as number | undefined })),
    ...bySimilarity.map(([from, to, similarity]) => ({ from, to, similarity })),
  ].sort((a, b) => a.from - b.from);

  const itemKeyMap = new Map<string, string>();
  for (const { from, to } of pairs) itemKeyMap.set(before[from]!.key, after[to]!.key);

  const result: TTemplateDiff['items'] = {
    added: [],
    removed: [],
    renamed: [],
    moved: [],
    changed: [],
  };
  for (const { from, to, similarity } of pairs) {
    const fromItem = before[from]!;
    const toItem = after[to]!;
    const refs = { from: itemRef(fromItem), to: itemRef(toItem) };
    if (similarity !== undefined) result.renamed.push({ ...refs, similarity });

    const mappedParent = fromItem.parentKey === null ? null : itemKeyMap.get(fromItem.parentKey);
    const stageMoved = stageKeyMap.get(fromItem.stageKey) !== toItem.stageKey;
    if (stageMoved || mappedParent !== toItem.parentKey) result.moved.push(refs);

    const fields = changedFields(fromItem, toItem, similarity === undefined);
    if (fields.length > 0) result.changed.push({ ...refs, fields });
  }

  const matchedFrom = new Set(pairs.map((pair) => pair.from));
  const matchedTo = new Set(pairs.map((pair) => pair.to));
  result.added = after.filter((_, index) => !matchedTo.has(index)).map(itemRef);
  result.removed = before.filter((_, index) => !matchedFrom.has(index)).map(itemRef);
  return result;
}

function changedFields(from: TFlatItem, to: TFlatItem, compareTitle: boolean): TItemField[] {
  const fields: TItemField[] = [];
  if (compareTitle && from.title !== to.title) fields.push('title');
  if ((from.body ?? '') !== (to.body ?? '')) fields.push('body');
  if (JSON.stringify(from.links) !== JSON.stringify(to.links)) fields.push('links');
  if (JSON.stringify(from.options) !== JSON.stringify(to.options)) fields.push('options');
  return fields;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence; O(n log n). */
export function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  const tailIndexes: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tailIndexes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tailIndexes[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tailIndexes[low - 1]!;
    tailIndexes[low] = index;
  });
  const result = new Set<number>();
  for (
    let index = tailIndexes[tailIndexes.length - 1] ?? -1;
    index >= 0;
    index = previous[index]!
  ) {
    result.add(index);
  }
  return result;
}
