import type { TCodepageTable } from './mojibake-codepages';

/** Reading UTF-8 sequences out of the bytes a wrong decoder saw, and putting back a lost byte. */

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EMOJI_JOINERS = new Set([0x200d, 0xfe0f, 0x20e3]);

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

export function completeSequenceAt(
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
export function sequenceMissingOneByteAt(
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
