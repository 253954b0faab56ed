/**
 * Splits Markdown into parts that can be parsed on their own, because micromark's time and memory
 * grow faster than linearly with the size of what it parses (a 60 KB checklist parses about twice
 * as fast in heading-sized parts; a 5 MB list in one piece can exhaust the heap).
 *
 * Parts always start before a top-level ATX heading (`## Title` at column 0), and, once a part
 * is larger than `SOFT_PART_LENGTH`, also before a top-level bullet entry (`- text` at column 0)
 * or any column-0 line after a blank line. All of these end every open block (a bullet with text
 * even interrupts a paragraph), so the parts parse as they would inside the whole document; a list
 * may come out as two consecutive lists, which the checklist reader treats as one. Exceptions
 * are tracked by the scanner below: fenced code and raw HTML blocks (erring on the side of not
 * splitting), and link reference definitions, which are document-wide: a document that has any
 * is parsed in one piece.
 */
const SOFT_PART_LENGTH = 4 * 1024;

const DEFINITION_LIKE = /^[ \t]*\[[^\]\n]+\]:/mu;
const ATX_HEADING_AT_COLUMN_ZERO = /^#{1,6}(?:[ \t]|$)/u;
const BULLET_AT_COLUMN_ZERO = /^[-*+][ \t]+\S/u;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/u;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u;
/** Raw HTML blocks that may contain blank lines, with the text that ends them. */
const HTML_BLOCKS_WITH_END: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^ {0,3}<!--/u, /-->/u],
  [/^ {0,3}<\?/u, /\?>/u],
  [/^ {0,3}<![A-Za-z]/u, />/u],
  [/^ {0,3}<!\[CDATA\[/u, /\]\]>/u],
];
/** Any other raw HTML start: lasts until a blank line. */
const HTML_BLOCK_UNTIL_BLANK = /^ {0,3}<\/?[A-Za-z]/u;

export function splitIntoParts(markdown: string): string[] {
  if (DEFINITION_LIKE.test(markdown)) return [markdown];
  const lines = markdown.split('\n');
  const parts: string[] = [];
  let partStart = 0;
  let partLength = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlUntilBlank = false;

  lines.forEach((line, index) => {
    const lineLength = line.length + 1;
    if (fence) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === fence.char && close.length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else if (htmlUntilBlank) {
      if (line.trim() === '') htmlUntilBlank = false;
    } else {
      const startsAtColumnZeroAfterBlank =
        index > 0 && lines[index - 1]!.trim() === '' && /^\S/u.test(line);
      const isBoundary =
        ATX_HEADING_AT_COLUMN_ZERO.test(line) ||
        (partLength > SOFT_PART_LENGTH &&
          (BULLET_AT_COLUMN_ZERO.test(line) || startsAtColumnZeroAfterBlank));
      if (isBoundary && index > partStart) {
        parts.push(lines.slice(partStart, index).join('\n'));
        partStart = index;
        partLength = 0;
      }
      trackBlockStart(line);
    }
    partLength += lineLength;
  });
  parts.push(lines.slice(partStart).join('\n'));
  return parts;

  function trackBlockStart(line: string): void {
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      return;
    }
    for (const [start, end] of HTML_BLOCKS_WITH_END) {
      if (start.test(line)) {
        if (!end.test(line.replace(start, ''))) htmlEnd = end;
        return;
      }
    }
    if (HTML_BLOCK_UNTIL_BLANK.test(line)) htmlUntilBlank = true;
  }
}
