import iconv from 'iconv-lite';

/**
 * Repairs "mojibake": UTF-8 text that was once decoded with a single-byte code page (the seed
 * checklists went through Windows-1254 and Mac Roman), so that each UTF-8 byte became one wrong
 * character (`ğŸ“‹` or `üìã` instead of 📋).
 *
 * The repair maps suspicious characters back to the bytes the wrong decoder read and decodes those
 * bytes as UTF-8 again, run by run (a run is a stretch of non-ASCII characters that some candidate
 * code page can represent) and, inside a run, sequence by sequence, so a lost byte only spoils
 * its own character. Only complete, valid UTF-8 sequences are accepted; everything else is kept
 * exactly as it is. Correct text (`café`, `–`, `📋`) practically never re-reads as valid
 * multi-byte UTF-8, so it passes through untouched.
 *
 * Which code page: the one that explains most of the document (dominant) is used for every run it
 * can represent. Another code page may repair a run only when the dominant one explains nothing
 * in it and the other explains all of it; short runs are easy to "repair" by accident (through
 * Mac Roman, v1's damaged `ğŸ£` would read as the Arabic digit `٣`).
 *
 * Lost bytes: lossy decoders drop bytes they cannot map (v1 lost 0x8F, 0x90, 0x9D; Mac Roman
 * mojibake often loses the U+F8FF that stands for 0xF0). When exactly one byte is missing from a
 * sequence and exactly one of the bytes that code page cannot map makes it an emoji (a pictograph,
 * or a joiner/VS16 right after one), that byte is put back. If several emoji would fit, the
 * fragment is kept and reported in `damagedEmoji`.
 */

/** The wrong decoders we try, in the order used to break ties. */
export const MOJIBAKE_CODEPAGES = ['windows-1254', 'macintosh', 'windows-1252', 'latin1'] as const;
export type TMojibakeCodepage = (typeof MOJIBAKE_CODEPAGES)[number];

interface TCodepageTable {
  name: TMojibakeCodepage;
  /** Character (code point) → the byte this code page decodes to it. */
  byteOfCodePoint: Map<number, number>;
  /** Bytes this code page cannot decode: the only candidates for a lost byte. */
  undecodableBytes: number[];
}

/**
 * Alternative characters some decoders produce for the same byte (Apple revised its Mac Roman
 * table: 0xBD Ω, 0xDB €/¤, 0xB5 µ/μ, 0xF0 Apple logo). iconv-lite knows only one of each pair.
 */
const EXTRA_CODE_POINTS: Partial<Record<TMojibakeCodepage, Array<[number, number]>>> = {
  macintosh: [
    [0xf8ff, 0xf0],
    [0x03a9, 0xbd],
    [0x2126, 0xbd],
    [0x20ac, 0xdb],
    [0x00a4, 0xdb],
    [0x03bc, 0xb5],
  ],
};

let tables: TCodepageTable[] | undefined;
let representable: Set<number> | undefined;

function codepageTables(): TCodepageTable[] {
  tables ??= MOJIBAKE_CODEPAGES.map(buildTable);
  return tables;
}

/** Code points that at least one candidate code page produces: the only ones worth looking at. */
function representableCodePoints(): Set<number> {
  representable ??= new Set(codepageTables().flatMap((table) => [...table.byteOfCodePoint.keys()]));
  return representable;
}

function buildTable(name: TMojibakeCodepage): TCodepageTable {
  const highBytes = Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index);
  const decoded = iconv.decode(highBytes, name);
  const byteOfCodePoint = new Map<number, number>();
  const undecodableBytes: number[] = [];
  for (let index = 0; index < 128; index++) {
    const byte = 0x80 + index;
    const codeUnit = decoded.charCodeAt(index);
    if (codeUnit === 0xfffd) {
      // WHATWG-style decoders pass undefined bytes through as the C1 control with that number.
      byteOfCodePoint.set(byte, byte);
      undecodableBytes.push(byte);
    } else {
      byteOfCodePoint.set(codeUnit, byte);
    }
  }
  for (const [codePoint, byte] of EXTRA_CODE_POINTS[name] ?? []) {
    if (!byteOfCodePoint.has(codePoint)) byteOfCodePoint.set(codePoint, byte);
  }
  return { name, byteOfCodePoint, undecodableBytes };
}

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EMOJI_JOINERS = new Set([0x200d, 0xfe0f, 0x20e3]);

/** Result of decoding one run through one code page. */
interface TRunRepair {
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

export interface TMojibakeRepair {
  text: string;
  /** Number of distinct runs that were changed. */
  repairedRuns: number;
  /** The code page that explained most of the document, when any did. */
  likelyCodepage: TMojibakeCodepage | undefined;
  /**
   * Fragments that certainly were an emoji before a byte was lost, but could be several different
   * emoji. They are left in `text`; callers that show titles may treat them as lost decoration.
   */
  damagedEmoji: string[];
}

/** Repairs mojibake in `text`; what cannot be repaired is kept as is. */
export function repairMojibake(text: string): string {
  return repairMojibakeDetailed(text).text;
}

/** Repairs mojibake in `text` and tells what it did; see the file comment. Pure. */
export function repairMojibakeDetailed(text: string): TMojibakeRepair {
  const runs = findRuns(text);
  const unchanged = { text, repairedRuns: 0, likelyCodepage: undefined, damagedEmoji: [] };
  if (runs.length === 0) return unchanged;

  const countByRun = new Map<string, number>();
  for (const run of runs) countByRun.set(run.text, (countByRun.get(run.text) ?? 0) + 1);
  const repairsByRun = new Map<string, TRunRepair[]>();
  const scores = MOJIBAKE_CODEPAGES.map(() => 0);
  for (const [run, count] of countByRun) {
    const repairs = codepageTables().map((table) => repairRun(run, table));
    repairsByRun.set(run, repairs);
    repairs.forEach((repair, index) => {
      if (repair.fullyEncodable)
        scores[index]! += (repair.repairedChars + repair.damagedChars) * count;
    });
  }
  const ranked = MOJIBAKE_CODEPAGES.map((_, index) => index).sort(
    (a, b) => scores[b]! - scores[a]! || a - b,
  );
  const dominant = ranked[0]!;
  if (scores[dominant] === 0) return unchanged;

  const replacementByRun = new Map<string, string>();
  const damagedEmoji = new Set<string>();
  for (const [run, repairs] of repairsByRun) {
    const chosen = chooseRepair(repairs, ranked);
    if (!chosen) continue;
    if (chosen.repairedChars > 0) replacementByRun.set(run, chosen.text);
    for (const fragment of chosen.damagedEmoji) damagedEmoji.add(fragment);
  }

  let repaired = '';
  let last = 0;
  for (const run of runs) {
    repaired += text.slice(last, run.start) + (replacementByRun.get(run.text) ?? run.text);
    last = run.start + run.text.length;
  }
  repaired += text.slice(last);
  return {
    text: repaired,
    repairedRuns: replacementByRun.size,
    likelyCodepage: MOJIBAKE_CODEPAGES[dominant],
    damagedEmoji: [...damagedEmoji],
  };
}

/** Stretches of non-ASCII characters that some candidate code page can represent. */
function findRuns(text: string): Array<{ start: number; text: string }> {
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

function chooseRepair(
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

function repairRun(run: string, table: TCodepageTable): TRunRepair {
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

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** Decodes one complete UTF-8 sequence; undefined unless it is valid (no overlong, surrogate…). */
function decodeUtf8Sequence(sequence: readonly number[]): number | undefined {
  const [lead, second] = sequence;
  if (lead === undefined || second === undefined) return undefined;
  if (sequenceLength(lead) !== sequence.length) return undefined;
  if (!sequence.slice(1).every(isContinuation)) return undefined;
  if (lead === 0xe0 && second < 0xa0) return undefined;
  if (lead === 0xed && second > 0x9f) return undefined;
  if (lead === 0xf0 && second < 0x90) return undefined;
  if (lead === 0xf4 && second > 0x8f) return undefined;
  const leadBits =
    sequence.length === 2 ? lead & 0x1f : sequence.length === 3 ? lead & 0x0f : lead & 0x07;
  return sequence.slice(1).reduce((codePoint, byte) => (codePoint << 6) | (byte & 0x3f), leadBits);
}

function completeSequenceAt(
  bytes: readonly number[],
  index: number,
): { codePoint: number; length: number } | undefined {
  const length = sequenceLength(bytes[index]!);
  if (length === 0) return undefined;
  const codePoint = decodeUtf8Sequence(bytes.slice(index, index + length));
  return codePoint === undefined ? undefined : { codePoint, length };
}

/**
 * A sequence at `index` that is one byte short: a lead byte with one continuation byte too few,
 * or continuation bytes whose lead byte is missing. Returns the restored code point when exactly
 * one emoji fits, or `ambiguousEmoji` when several do.
 */
function sequenceMissingOneByteAt(
  bytes: readonly number[],
  index: number,
  table: TCodepageTable,
  previousCodePoint: number,
): { codePoint?: number; ambiguousEmoji: boolean; length: number } | undefined {
  const first = bytes[index]!;
  const candidates: number[][] = [];
  let present: number[];
  const leadLength = sequenceLength(first);
  if (leadLength > 0) {
    present = takeContinuations(bytes, index + 1, leadLength - 2);
    if (present.length !== leadLength - 2 || isContinuation(bytes[index + leadLength - 1])) {
      return undefined;
    }
    present = [first, ...present];
    for (let position = 1; position <= present.length; position++) {
      for (const lost of table.undecodableBytes) {
        candidates.push([...present.slice(0, position), lost, ...present.slice(position)]);
      }
    }
  } else if (isContinuation(first)) {
    present = takeContinuations(bytes, index, 3);
    for (const lead of table.undecodableBytes) {
      const needed = sequenceLength(lead) - 1;
      if (needed > 0 && needed <= present.length && !isContinuation(bytes[index + needed])) {
        candidates.push([lead, ...present.slice(0, needed)]);
      }
    }
    if (candidates.length === 0) return undefined;
    present = candidates[0]!.slice(1);
  } else {
    return undefined;
  }

  const emoji = new Set<number>();
  for (const sequence of candidates) {
    const codePoint = decodeUtf8Sequence(sequence);
    if (codePoint !== undefined && isEmojiAfter(codePoint, previousCodePoint)) emoji.add(codePoint);
  }
  const length = present.length;
  if (emoji.size === 1) return { codePoint: [...emoji][0]!, ambiguousEmoji: false, length };
  return emoji.size > 1 ? { ambiguousEmoji: true, length } : undefined;
}

function takeContinuations(bytes: readonly number[], from: number, max: number): number[] {
  const taken: number[] = [];
  while (taken.length < max && isContinuation(bytes[from + taken.length])) {
    taken.push(bytes[from + taken.length]!);
  }
  return taken;
}

function isEmojiAfter(codePoint: number, previousCodePoint: number): boolean {
  if (PICTOGRAPH.test(String.fromCodePoint(codePoint))) return true;
  return (
    EMOJI_JOINERS.has(codePoint) &&
    previousCodePoint >= 0 &&
    PICTOGRAPH.test(String.fromCodePoint(previousCodePoint))
  );
}
