import { CHECKLIST_LIMITS } from './schema';

/**
 * Counts GFM table cells during the line scan of structure-limits.ts. micromark spends about
 * 0.1 ms on each table cell, so a 1.8 MB table of 3000 × 300 cells took minutes and exhausted a
 * 4 GB heap. A table starts at a delimiter row (`|---|:--:|`); its header is the line before and
 * its rows run to the next blank line. Cells are counted as `|` + 1 per line, which over-counts
 * escaped pipes: stricter, never more lenient.
 */
const DELIMITER_ROW_CHARACTERS = /^[|:\- \t]+$/u;

export class TableCellCounter {
  /** Cells of all tables so far. */
  cells = 0;
  private inTable = false;
  private previousLine = '';

  /**
   * Takes the next line outside fenced code, without its container prefix (quotes, bullets).
   * Returns a problem with this line, or undefined.
   */
  addLine(content: string): string | undefined {
    const previous = this.previousLine;
    this.previousLine = content;
    if (content.trim() === '') {
      this.inTable = false;
      return undefined;
    }
    if (this.inTable) {
      this.cells += cellsOf(content);
      return undefined;
    }
    if (!isDelimiterRow(content)) return undefined;
    const columns = cellsOf(content.trim().replace(/^\|/u, '').replace(/\|$/u, ''));
    if (columns > CHECKLIST_LIMITS.maxTableColumns) {
      return `a table has ${columns} columns (at most ${CHECKLIST_LIMITS.maxTableColumns})`;
    }
    this.inTable = true;
    this.cells += cellsOf(previous) + columns;
    return undefined;
  }
}

function isDelimiterRow(content: string): boolean {
  return content.includes('|') && content.includes('-') && DELIMITER_ROW_CHARACTERS.test(content);
}

function cellsOf(line: string): number {
  let pipes = 0;
  for (let index = line.indexOf('|'); index >= 0; index = line.indexOf('|', index + 1)) pipes++;
  return pipes + 1;
}
