import { ChecklistImportError } from './errors';
import { CHECKLIST_LIMITS } from './schema';

/**
 * A cheap line scan that bounds the Markdown parser's work before it starts. micromark is linear
 * on ordinary documents but slows down badly on some shapes (thousands of nesting levels,
 * thousands of emphasis or bracket markers in one paragraph: tens of seconds for 60 KB, then a
 * stack overflow). The limits are far above what a checklist needs. The scan is approximate on
 * purpose (code lines count as lines, a paragraph is a run of lines between blank lines or block
 * starts), which only makes it stricter, never more lenient.
 */
const LIST_ENTRY_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/u;
/** Leading whitespace and container markers (`>`, bullets, numbers) of a line. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/u;
const BLOCK_START = /^[ \t]*(?:#|>|[-*+][ \t]|\d{1,9}[.)][ \t])/u;
const FENCE = /^[ \t>]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/u;
const INLINE_MARKERS = /[*_[\]]/gu;

export function assertReasonableStructure(text: string): void {
  const lines = text.split('\n');
  if (lines.length > CHECKLIST_LIMITS.maxLines) {
    reject(
      `The file has too many lines (${lines.length}): a checklist can have at most ${CHECKLIST_LIMITS.maxLines}`,
    );
  }

  let listEntries = 0;
  let paragraphStart = 0;
  let paragraphMarkers = 0;
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (LIST_ENTRY_LINE.test(line)) listEntries++;
    if (nestingDepth(line) > CHECKLIST_LIMITS.maxNestingDepth) {
      reject(
        `The lists or quotes are nested too deeply: a checklist can nest at most ${CHECKLIST_LIMITS.maxNestingDepth} levels`,
        lineNumber,
      );
    }

    const fenceMarker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (
        fenceMarker !== undefined &&
        fenceMarker[0] === fence[0] &&
        fenceMarker.length >= fence.length
      ) {
        fence = undefined;
      }
      return;
    }
    if (fenceMarker) {
      fence = fenceMarker;
      paragraphMarkers = 0;
      return;
    }
    if (line.trim() === '' || BLOCK_START.test(line)) {
      paragraphStart = lineNumber;
      paragraphMarkers = 0;
    }
    paragraphMarkers += line.match(INLINE_MARKERS)?.length ?? 0;
    if (paragraphMarkers > CHECKLIST_LIMITS.maxInlineMarkersPerParagraph) {
      reject(
        `A paragraph has too much emphasis or link markup (more than ${CHECKLIST_LIMITS.maxInlineMarkersPerParagraph} '*', '_', '[' or ']' characters)`,
        paragraphStart || lineNumber,
      );
    }
  });

  if (listEntries > CHECKLIST_LIMITS.maxListItems) {
    reject(
      `The file has too many list items (${listEntries}): a checklist can have at most ${CHECKLIST_LIMITS.maxListItems}`,
    );
  }
}

function reject(message: string, line?: number): never {
  throw new ChecklistImportError([line === undefined ? { message } : { line, message }]);
}

/**
 * Container markers at the start of the line plus indentation levels (two columns each); 0 for a
 * line without a marker, because indentation alone (code, continuation text) does not nest.
 */
function nestingDepth(line: string): number {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
  if (prefix.length <= CHECKLIST_LIMITS.maxNestingDepth) return 0;
  let markers = 0;
  let columns = 0;
  for (const char of prefix) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else if (char !== '.' && char !== ')' && !/\d/u.test(char)) markers++;
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}
