import { ChecklistImportError } from './errors';
import { CHECKLIST_LIMITS } from './schema';
import { TableCellCounter } from './table-limits';

/**
 * A cheap line scan that bounds the Markdown parser's work before it starts. micromark is linear
 * on ordinary documents but slows down badly on some shapes: thousands of nesting levels,
 * thousands of emphasis, strikethrough, bracket, `<`, `&` or backtick markers in one paragraph
 * (tens of seconds for 60 KB, then a stack overflow), and GFM tables (see table-limits.ts). The
 * limits are far above what a checklist needs. The scan is approximate on purpose (code lines
 * count as lines, a paragraph is a run of lines between blank lines or block starts), which only
 * makes it stricter, never more lenient. Whatever still slips through is stopped by the time and
 * memory limits of the worker that parses imports (packages/api/src/workers).
 */
const LIST_ENTRY_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/u;
/** Leading whitespace and container markers (`>`, bullets, numbers) of a line. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/u;
const BLOCK_START = /^[ \t]*(?:#|>|[-*+][ \t]|\d{1,9}[.)][ \t])/u;
const HEADING = /^[ \t>]*#{1,6}(?:[ \t]|$)/u;
const FENCE = /^[ \t>]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/u;
const INLINE_MARKERS = /[*_~[\]<&`]/gu;
const MARKER_NAMES = "'*', '_', '~', '[', ']', '<', '&' or '`'";

export function assertReasonableStructure(text: string): void {
  const limits = CHECKLIST_LIMITS;
  const lines = text.split('\n');
  if (lines.length > limits.maxLines) {
    reject(`it has ${lines.length} lines (at most ${limits.maxLines})`);
  }

  let listEntries = 0;
  let headings = 0;
  let markers = 0;
  let paragraphStart = 0;
  let paragraphMarkers = 0;
  let fence: string | undefined;
  const tables = new TableCellCounter();
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.length > limits.maxLineLength) {
      reject(`a line has ${line.length} characters (at most ${limits.maxLineLength})`, lineNumber);
    }
    if (LIST_ENTRY_LINE.test(line)) listEntries++;
    if (nestingDepth(line) > limits.maxNestingDepth) {
      reject(
        `the lists or quotes are nested too deeply (at most ${limits.maxNestingDepth} levels)`,
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
    if (HEADING.test(line)) headings++;
    const tableProblem = tables.addLine(line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0));
    if (tableProblem) reject(tableProblem, lineNumber);
    if (line.trim() === '' || BLOCK_START.test(line)) {
      paragraphStart = lineNumber;
      paragraphMarkers = 0;
    }
    const lineMarkers = line.match(INLINE_MARKERS)?.length ?? 0;
    paragraphMarkers += lineMarkers;
    markers += lineMarkers;
    if (paragraphMarkers > limits.maxInlineMarkersPerParagraph) {
      reject(
        `a paragraph has too much emphasis or link markup (more than ${limits.maxInlineMarkersPerParagraph} ${MARKER_NAMES} characters)`,
        paragraphStart || lineNumber,
      );
    }
  });

  const totals: Array<[count: number, limit: number, what: string]> = [
    [listEntries, limits.maxListItems, 'list items'],
    [headings, limits.maxHeadings, 'headings'],
    [tables.cells, limits.maxTableCells, 'table cells'],
    [markers, limits.maxInlineMarkers, `${MARKER_NAMES} markup characters`],
  ];
  for (const [count, limit, what] of totals) {
    if (count > limit) reject(`it has ${count} ${what} (at most ${limit})`);
  }
}

/** Every structural refusal starts the same way, so people see it is about size, not syntax. */
export const TOO_COMPLEX = 'This checklist is too large or complex';

function reject(detail: string, line?: number): never {
  const message = `${TOO_COMPLEX}: ${detail}`;
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
