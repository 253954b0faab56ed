import { representableCodePoints, type TCodepageTable } from './mojibake-codepages';
import { completeSequenceAt, sequenceMissingOneByteAt } from './mojibake-sequences';

/** Finding runs of suspicious characters, repairing one run through one code page, and choosing
 * among the code pages' repairs (see mojibake.ts for the rules). */

/** Result of decoding one run through one code page. */
export interface TRunRepair {
  text: string;
  /** Characters of the run consumed by repaired sequences. */
  repairedChars: number;
  /** Characters of the run recognised as damaged emoji (kept as they are). */
  damagedChars: number;
  damagedEmoji: string[];
  /** Whether every character of the run is a byte of this code page. */
  fullyEncodable: boolean;
  runLength: number;
}

/** Stretches of non-ASCII characters that some candidate code page can represent. */
export function findRuns(text: string): Array<{ start: number; text: string }> {
  const codePoints = representableCodePoints();
  const runs: Array<{ start: number; text: string }> = [];
  let start = -1;
  let index = 0;
  while (index <= text.length) {
    const codePoint = index < text.length ? text.codePointAt(index)! : 0;
    const inRun = codePoint >= 0x80 && codePoints.has(codePoint);
    if (inRun && start < 0) start = index;
    if (!inRun && start >= 0) {
      runs.push({ start, text: text.slice(start, index) });
      start = -1;
    }
    index += codePoint > 0xffff ? 2 : 1;
  }
  return runs;
}

export function chooseRepair(
  repairs: readonly TRunRepair[],
  ranked: readonly number[],
): TRunRepair | undefined {
  const dominant = repairs[ranked[0]!]!;
  if (dominant.fullyEncodable && (dominant.repairedChars > 0 || dominant.damagedChars > 0)) {
    return dominant;
  }
  return ranked
    .map((index) => repairs[index]!)
    .find(
      (repair) =>
        repair.fullyEncodable && repair.repairedChars + repair.damagedChars === repair.runLength,
    );
}

export function repairRun(run: string, table: TCodepageTable): TRunRepair {
  const chars = Array.from(run);
  const bytes = chars.map((char) => table.byteOfCodePoint.get(char.codePointAt(0)!) ?? -1);
  let text = '';
  let repairedChars = 0;
  let damagedChars = 0;
  let previousCodePoint = -1;
  const damagedEmoji: string[] = [];

  let index = 0;
  while (index < chars.length) {
    const complete = completeSequenceAt(bytes, index);
    if (complete) {
      text += String.fromCodePoint(complete.codePoint);
      repairedChars += complete.length;
      previousCodePoint = complete.codePoint;
      index += complete.length;
      continue;
    }
    const lost = sequenceMissingOneByteAt(bytes, index, table, previousCodePoint);
    if (lost?.codePoint !== undefined) {
      text += String.fromCodePoint(lost.codePoint);
      repairedChars += lost.length;
      previousCodePoint = lost.codePoint;
      index += lost.length;
      continue;
    }
    if (lost?.ambiguousEmoji) {
      const fragment = chars.slice(index, index + lost.length).join('');
      text += fragment;
      damagedEmoji.push(fragment);
      damagedChars += lost.length;
      previousCodePoint = -1;
      index += lost.length;
      continue;
    }
    text += chars[index]!;
    previousCodePoint = -1;
    index += 1;
  }
  return {
    text,
    repairedChars,
    damagedChars,
    damagedEmoji,
    fullyEncodable: bytes.every((byte) => byte >= 0),
    runLength: chars.length,
  };
}
