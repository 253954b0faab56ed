import { ChecklistImportError } from './errors';
import { CHECKLIST_LIMITS } from './schema';
import { assertReasonableStructure } from './structure-limits';

/** Above this share of control characters a "text" file is really binary data. */
const MAX_CONTROL_RATIO = 0.1;

/**
 * Rejects input that cannot be a checklist before any parsing work is spent on it. Messages are
 * addressed to the person who uploaded the file.
 */
export function assertImportableText(text: string): void {
  const bytes = utf8ByteLength(text, CHECKLIST_LIMITS.maxInputBytes);
  if (bytes > CHECKLIST_LIMITS.maxInputBytes) {
    throw new ChecklistImportError([
      {
        message: `The file is too large: checklists are limited to ${formatMegabytes(CHECKLIST_LIMITS.maxInputBytes)} of text`,
      },
    ]);
  }
  if (text.trim() === '') {
    throw new ChecklistImportError([
      { message: "The file is empty: a checklist needs at least one '- item' line" },
    ]);
  }
  const nulIndex = text.indexOf('\u0000');
  if (nulIndex >= 0) {
    throw new ChecklistImportError([
      {
        line: lineOf(text, nulIndex),
        message:
          'The file looks binary (it contains NUL bytes): please upload a Markdown text file',
      },
    ]);
  }
  assertReasonableStructure(text);
  const controls = countControlCharacters(text);
  if (controls / text.length > MAX_CONTROL_RATIO) {
    throw new ChecklistImportError([
      {
        message:
          'The file looks binary (too many control or invalid characters): please upload a Markdown text file',
      },
    ]);
  }
}

/** UTF-8 length of `text`, stopping early once it is known to exceed `stopAbove`. */
export function utf8ByteLength(text: string, stopAbove = Infinity): number {
  if (text.length > stopAbove) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** C0 controls other than whitespace, DEL, C1 controls and U+FFFD (undecodable bytes). */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const isC0 = unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c;
    if (isC0 || (unit >= 0x7f && unit <= 0x9f) || unit === 0xfffd) count++;
  }
  return count;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let position = text.indexOf('\n'); position >= 0 && position < index;) {
    line++;
    position = text.indexOf('\n', position + 1);
  }
  return line;
}

function formatMegabytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MB`;
}
