/** Small text helpers shared by the parser, the key builder and the matchers. */

/** Emoji and the invisible characters that glue emoji sequences together. */
const EMOJI_PATTERN =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0e|\ufe0f|\u20e3|[\u{e0020}-\u{e007f}]/gu;

export function stripEmoji(text: string): string {
  return text.replace(EMOJI_PATTERN, '');
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  // Most strings have single spaces only; testing is cheaper than rebuilding them.
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Whitespace other than a single space between non-spaces. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/u;

/**
 * Collapses spaces and tabs inside lines and blank-line runs to one blank line, keeping the line
 * structure that bodies use.
 */
export function tidyMultiline(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Removes the space that link removal leaves before punctuation (`Flask , Django`). */
export function tidyPunctuationSpacing(text: string): string {
  return text.replace(/[ \t]+([,;.:!?])(?=\s|$)/g, '$1');
}

/** Cuts `text` to at most `maxUnits` UTF-16 units without splitting a surrogate pair. */
export function truncateCodeUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  const cut = text.slice(0, maxUnits);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Splits `text` into a head of at most `maxUnits` units and the rest, preferring a word boundary
 * in the second half of the allowance so a title does not end mid-word.
 */
export function splitAtWordBoundary(
  text: string,
  maxUnits: number,
): { head: string; rest: string } {
  if (text.length <= maxUnits) return { head: text, rest: '' };
  const hardCut = truncateCodeUnits(text, maxUnits);
  const lastSpace = hardCut.lastIndexOf(' ');
  const cutAt = lastSpace >= maxUnits / 2 ? lastSpace : hardCut.length;
  return { head: text.slice(0, cutAt).trim(), rest: text.slice(cutAt).trim() };
}

/** Whether the text has a letter or a digit (anything a user would call words). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
