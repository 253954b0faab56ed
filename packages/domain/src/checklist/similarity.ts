import { normalizeTitle } from './keys';

/**
 * Title similarity for matching items across editions, in [0, 1]:
 *
 * - Dice coefficient over normalised word sets, ignoring filler words and a plural `s`; words of
 *   five letters or more also match with one typo (`Kubernets` ~ `Kubernetes`), counting 0.9;
 * - a title that is the start of the other (`Grid search` → `Grid search: doable when…`) scores
 *   0.75 and up (0.6 and up for a one-word title, which is weaker evidence);
 * - a title whose words are all contained in the other scores 0.6 and up.
 *
 * The containment scores grow with how much of the longer title the shorter one covers.
 */
const FILLER_WORDS = new Set(
  'a an the and or of to in on for with is are be by at as it its this that these those your you we our what which how do does can from into there their then than'.split(
    ' ',
  ),
);

export interface TTitleFingerprint {
  /** Normalised title, for prefix checks. */
  text: string;
  tokens: string[];
}

export function titleFingerprint(title: string): TTitleFingerprint {
  const text = normalizeTitle(title);
  return { text, tokens: titleTokens(text) };
}

export function titleTokens(title: string): string[] {
  const words = normalizeTitle(title).split(' ').filter(Boolean).map(stem);
  const meaningful = words.filter((word) => !FILLER_WORDS.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : words)];
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function fingerprintSimilarity(left: TTitleFingerprint, right: TTitleFingerprint): number {
  if (left.text === right.text) return left.text === '' ? 0 : 1;
  const [shorter, longer] =
    left.tokens.length <= right.tokens.length ? [left, right] : [right, left];
  if (shorter.tokens.length === 0) return 0;

  const shared = countSharedTokens(shorter.tokens, longer.tokens);
  const dice = (2 * shared) / (shorter.tokens.length + longer.tokens.length);
  const coverage = shorter.tokens.length / longer.tokens.length;
  let containment = 0;
  if (shared >= shorter.tokens.length - 0.5) {
    const isPrefix = shorter.text !== '' && longer.text.startsWith(`${shorter.text} `);
    if (isPrefix) containment = (shorter.tokens.length >= 2 ? 0.75 : 0.6) + 0.25 * coverage;
    else if (shorter.tokens.length >= 2) containment = 0.6 + 0.4 * coverage;
  }
  return Math.min(1, Math.max(dice, containment));
}

export function titleSimilarity(left: string, right: string): number {
  return fingerprintSimilarity(titleFingerprint(left), titleFingerprint(right));
}

const TYPO_MATCH_WEIGHT = 0.9;

function countSharedTokens(shorter: readonly string[], longer: readonly string[]): number {
  const longerSet = new Set(longer);
  const unmatched = longer.filter((token) => !shorter.includes(token));
  let shared = 0;
  for (const token of shorter) {
    if (longerSet.has(token)) {
      shared++;
      continue;
    }
    const typoIndex = unmatched.findIndex((candidate) => isOneTypoApart(token, candidate));
    if (typoIndex >= 0) {
      // A typo is likely the same word, but not certainly: it counts a little less.
      shared += TYPO_MATCH_WEIGHT;
      unmatched.splice(typoIndex, 1);
    }
  }
  return shared;
}

/** Levenshtein distance ≤ 1 between words of at least five letters. */
function isOneTypoApart(left: string, right: string): boolean {
  if (left.length < 5 || right.length < 5 || Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && left[start] === right[start]) start++;
  let leftEnd = left.length - 1;
  let rightEnd = right.length - 1;
  while (leftEnd >= start && rightEnd >= start && left[leftEnd] === right[rightEnd]) {
    leftEnd--;
    rightEnd--;
  }
  return leftEnd - start < 1 && rightEnd - start < 1;
}

export interface TSimilarityPair {
  left: number;
  right: number;
  score: number;
}

/** How much a caller preference (e.g. "same stage") counts when ranking candidate pairs. */
const PREFERENCE_WEIGHT = 0.1;

/**
 * Greedy one-to-one matching by similarity: best pairs first, where a caller preference (e.g.
 * "same stage", 0 or 1) adds a small bonus to the ranking (not to the reported score); ties go
 * to document order, so the result is deterministic. Only pairs sharing a word or a word prefix
 * are scored (an inverted index keeps large checklists fast).
 */
export function matchBySimilarity(
  leftTitles: readonly string[],
  rightTitles: readonly string[],
  minScore: number,
  preference: (left: number, right: number) => number = () => 0,
): TSimilarityPair[] {
  const leftPrints = leftTitles.map(titleFingerprint);
  const rightPrints = rightTitles.map(titleFingerprint);
  const rightByPrefix = new Map<string, number[]>();
  rightPrints.forEach((print, right) => {
    for (const key of new Set(print.tokens.map(indexKey))) {
      const list = rightByPrefix.get(key);
      if (list) list.push(right);
      else rightByPrefix.set(key, [right]);
    }
  });

  const pairs: Array<TSimilarityPair & { rank: number }> = [];
  leftPrints.forEach((print, left) => {
    const candidates = new Set<number>();
    for (const token of print.tokens) {
      for (const right of rightByPrefix.get(indexKey(token)) ?? []) candidates.add(right);
    }
    for (const right of candidates) {
      const score = fingerprintSimilarity(print, rightPrints[right]!);
      if (score < minScore) continue;
      pairs.push({ left, right, score, rank: score + PREFERENCE_WEIGHT * preference(left, right) });
    }
  });
  pairs.sort((a, b) => b.rank - a.rank || a.left - b.left || a.right - b.right);

  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const matches: TSimilarityPair[] = [];
  for (const { left, right, score } of pairs) {
    if (usedLeft.has(left) || usedRight.has(right)) continue;
    usedLeft.add(left);
    usedRight.add(right);
    matches.push({ left, right, score });
  }
  return matches.sort((a, b) => a.left - b.left);
}

/**
 * Index words by their first two letters: typo-tolerant matching needs candidates that share no
 * exact word (`Kubernets cluster` / `Kubernetes clusters`), and typos rarely hit the first two.
 */
function indexKey(token: string): string {
  return token.slice(0, 2);
}
