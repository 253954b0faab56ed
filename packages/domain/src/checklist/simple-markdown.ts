import type { Code, Html, List, ListItem, Paragraph, RootContent } from 'mdast';
import { parseSimpleInline } from './simple-inline';

/**
 * A fast path for the shape checklists have: ATX headings, bullet and numbered lists nested by
 * indentation whose entries are one line long (task checks included), one-line paragraphs,
 * `<details>`-style HTML blocks, fenced code and `***` at the top level. micromark spends about
 * 1 µs per character on this, which was most of a checklist import (issue 11); this reader is
 * about fifty times faster on the v2 seed and gives the same mdast, except for positions (none)
 * and list `spread` (always false), which the checklist reader never reads.
 *
 * Anything outside that shape (tabs, `\r`, quotes, indented code, multi-line paragraphs, HTML
 * or code inside lists, empty entries, and whatever simple-inline.ts refuses) returns undefined
 * and micromark parses the part, so the reader only has to be right about what it accepts. The
 * rules follow micromark's document tokenizer (initialize/document.js, list.js);
 * simple-markdown.test.ts compares both trees on random Markdown. One pass over the lines.
 */

interface TOpenList {
  node: List;
  /** `-`, `*` or `+`, or the `.` / `)` of a numbered list: another marker starts another list. */
  marker: string;
  /** Column where the content of the list's current entry starts. */
  contentOffset: number;
}

interface TItemStart {
  marker: string;
  ordered: boolean;
  /** The number of a numbered entry, as written. */
  digits: string;
  /** Marker and the spaces after it. */
  width: number;
  text: string;
}

/** micromark-util-html-tag-name `htmlBlockNames`: these open an HTML block that ends at a blank line. */
const HTML_BLOCK_NAMES = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);
const HTML_BLOCK_START = /^<\/?([A-Za-z][A-Za-z0-9]*)(?:[ >]|\/>|$)/u;
/** What may open another block where a paragraph would start; a superset, refused. */
const OTHER_BLOCK_START =
  /^(?:#|>|`{3}|~{3}|=|[-*+](?: |$)|\d{1,9}[.)](?: |$)|[-*_] *[-*_] *[-*_]|<[!?])/u;
const ITEM_START = /^(?:([-*+])|(\d{1,9})([.)]))( *)/u;
const HEADING = /^(#{1,6})(?: +|$)/u;
const FENCE_OPEN = /^(`{3,})(.*)$/u;
const THEMATIC_BREAK = /^\*{3,} *$/u;
/** Any thematic break (`* * *`, `- - -`, `___`): it wins over a list entry. */
const ANY_THEMATIC_BREAK = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/u;
const BLANK = /^ *$/u;
/** A task check opening an entry's first line: only valid when something follows the spaces. */
const TASK_CHECK = /^\[([ xX])\](?= +[^ ])/u;

export function parseSimpleMarkdown(part: string): RootContent[] | undefined {
  if (/[\t\r\0]/u.test(part)) return undefined;
  const root: RootContent[] = [];
  const lists: TOpenList[] = [];
  /** Whether the innermost open block is a paragraph, which a plain next line would continue. */
  let paragraphOpen = false;
  let fence: { node: Code; length: number; lines: string[] } | undefined;
  let html: { node: Html; lines: string[] } | undefined;

  for (const line of part.split('\n')) {
    if (fence) {
      const close = /^ {0,3}(`{3,}) *$/u.exec(line)?.[1];
      if (close && close.length >= fence.length) {
        fence.node.value = fence.lines.join('\n');
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    if (BLANK.test(line)) {
      if (html) html.node.value = html.lines.join('\n');
      html = undefined;
      paragraphOpen = false;
      continue;
    }
    if (html) {
      html.lines.push(line);
      continue;
    }

    // Only spaces indent (tabs are refused above); U+00A0 and friends are text to micromark.
    const indent = /^ */u.exec(line)![0].length;
    const content = line.slice(indent);
    // The open lists whose current entry the line belongs to (it is indented to its content).
    let depth = 0;
    while (depth < lists.length && indent >= lists[depth]!.contentOffset) depth++;
    const relativeIndent = indent - (depth > 0 ? lists[depth - 1]!.contentOffset : 0);
    const item = relativeIndent <= 3 ? itemStart(content) : undefined;
    if (item === null) return undefined;

    if (depth < lists.length) {
      const list = lists[depth]!;
      if (item && item.marker === list.marker) {
        lists.length = depth + 1;
        if (!addItem(list, item, indent)) return undefined;
        paragraphOpen = true;
        continue;
      }
      // Not a next entry: a new entry elsewhere, a top-level block that interrupts the
      // paragraph, or text after a blank line closes the unmatched lists; else it is a lazy
      // continuation line of the paragraph, which is micromark's to read.
      if (paragraphOpen && !item && !(indent === 0 && interruptsAtTopLevel(content))) {
        return undefined;
      }
      lists.length = depth;
    } else if (item && paragraphOpen && item.ordered && item.digits !== '1') {
      // A numbered entry other than 1 cannot interrupt a paragraph: the line continues it.
      // (Closing a list above clears micromark's `interrupt`, so there any number starts one.)
      return undefined;
    }

    if (relativeIndent >= 4) return undefined;
    if (item) {
      const start = item.ordered ? Number(item.digits) : null;
      const list: TOpenList = {
        node: { type: 'list', ordered: item.ordered, start, spread: false, children: [] },
        marker: item.marker,
        contentOffset: 0,
      };
      (depth > 0 ? currentItem(lists[depth - 1]!).children : root).push(list.node);
      lists.push(list);
      if (!addItem(list, item, indent)) return undefined;
      paragraphOpen = true;
      continue;
    }
    if (depth > 0) {
      // Text in an entry after a blank line is a new paragraph of it; without one it continues.
      const paragraph = !paragraphOpen && paragraphOf(content);
      if (!paragraph) return undefined;
      currentItem(lists[depth - 1]!).children.push(paragraph);
      paragraphOpen = true;
      continue;
    }

    const block = indent === 0 ? topLevelBlock(content) : undefined;
    if (block === null) return undefined;
    if (block) {
      root.push(block.node);
      if (block.kind === 'fence') fence = { node: block.node, length: block.length, lines: [] };
      if (block.kind === 'html') html = { node: block.node, lines: [content] };
      paragraphOpen = false;
      continue;
    }
    const paragraph = !paragraphOpen && paragraphOf(content);
    if (!paragraph) return undefined;
    root.push(paragraph);
    paragraphOpen = true;
  }
  if (fence) return undefined;
  if (html) html.node.value = html.lines.join('\n');
  return root;
}

function currentItem(list: TOpenList): ListItem {
  return list.node.children[list.node.children.length - 1]!;
}

/** An entry on this line: its marker and text; undefined for none, null for one not read here. */
function itemStart(content: string): TItemStart | null | undefined {
  const match = ITEM_START.exec(content);
  if (!match) return undefined;
  if (ANY_THEMATIC_BREAK.test(content)) return undefined;
  const [whole, bullet, digits, delimiter, spaces] = match as unknown as string[];
  // `-` or `1.` alone (an empty entry, or a setext underline) and 5+ spaces (indented code).
  if (whole!.length === content.length || spaces!.length > 4) return null;
  if (spaces!.length === 0) return undefined;
  const text = content.slice(whole!.length);
  if (OTHER_BLOCK_START.test(text) || startsHtmlBlock(text) || isDefinitionLike(text)) return null;
  return {
    marker: bullet ?? delimiter!,
    ordered: !bullet,
    digits: digits ?? '',
    width: whole!.length,
    text,
  };
}

function addItem(list: TOpenList, item: TItemStart, indent: number): boolean {
  const task = TASK_CHECK.exec(item.text);
  const paragraph = task ? taskParagraph(item.text.slice(task[0].length)) : paragraphOf(item.text);
  if (!paragraph) return false;
  const checked = task ? task[1] !== ' ' : null;
  list.node.children.push({ type: 'listItem', spread: false, checked, children: [paragraph] });
  list.contentOffset = indent + item.width;
  return true;
}

/**
 * The rest of an entry's first line after `[ ]` / `[x]` (GFM task list item): as
 * mdast-util-gfm-task-list-item does, the one space after the check goes from the first text.
 */
function taskParagraph(rest: string): Paragraph | undefined {
  const children = parseSimpleInline(rest.replace(/ +$/u, ''));
  const head = children?.[0];
  if (!children || head?.type !== 'text') return undefined;
  head.value = head.value.slice(1);
  if (head.value === '') children.shift();
  return { type: 'paragraph', children };
}

/** A one-line paragraph, or undefined when the line could be another block or its text is not simple. */
function paragraphOf(content: string): Paragraph | undefined {
  if (OTHER_BLOCK_START.test(content) || startsHtmlBlock(content) || isDefinitionLike(content)) {
    return undefined;
  }
  const children = parseSimpleInline(content.replace(/ +$/u, ''));
  return children && { type: 'paragraph', children };
}

/** A link reference definition (`[id]: url`) starts a paragraph whose first line looks so. */
function isDefinitionLike(content: string): boolean {
  return content.startsWith('[') && content.includes(']:');
}

/**
 * Whether `content` may start an HTML block (a superset): a block tag name, `<!`/`<?`, or one
 * complete tag alone on its line (type 7). A quote before the first `>` may hide the tag's end.
 */
function startsHtmlBlock(content: string): boolean {
  if (!content.startsWith('<')) return false;
  if (/^<[!?]/u.test(content)) return true;
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/u.exec(content)?.[1]?.toLowerCase();
  if (name === undefined) return false;
  if (HTML_BLOCK_NAMES.has(name) || ['pre', 'script', 'style', 'textarea'].includes(name)) {
    return true;
  }
  const end = content.indexOf('>');
  if (end < 0) return false;
  return /["']/u.test(content.slice(0, end)) || content.slice(end + 1).trim() === '';
}

function interruptsAtTopLevel(content: string): boolean {
  return (
    HEADING.test(content) ||
    FENCE_OPEN.test(content) ||
    THEMATIC_BREAK.test(content) ||
    HTML_BLOCK_NAMES.has(HTML_BLOCK_START.exec(content)?.[1]?.toLowerCase() ?? '')
  );
}

type TTopLevelBlock =
  | { kind: 'fence'; node: Code; length: number }
  | { kind: 'html'; node: Html }
  | { kind: 'other'; node: RootContent };

/** A heading, fence, `***` or HTML block at column 0; undefined for a paragraph, null to refuse. */
function topLevelBlock(content: string): TTopLevelBlock | null | undefined {
  const heading = HEADING.exec(content);
  if (heading) {
    const text = content.slice(heading[0].length).replace(/ +$/u, '');
    // A closing `#` sequence has rules of its own.
    if (text.endsWith('#')) return null;
    const children = text === '' ? [] : parseSimpleInline(text);
    if (!children) return null;
    const depth = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
    return { kind: 'other', node: { type: 'heading', depth, children } };
  }
  const fence = FENCE_OPEN.exec(content);
  if (fence) {
    const info = fence[2]!;
    // Backticks cannot follow a backtick fence; escapes and references in the info decode.
    if (/[`\\&]/u.test(info)) return null;
    // The info string's first word is the language, the rest (trailing spaces too) the meta.
    const words = info.replace(/^ +/u, '');
    const space = words.indexOf(' ');
    const lang = (space < 0 ? words : words.slice(0, space)) || null;
    const meta = (space < 0 ? '' : words.slice(space).replace(/^ +/u, '')) || null;
    const node: Code = { type: 'code', lang, meta, value: '' };
    return { kind: 'fence', node, length: fence[1]!.length };
  }
  if (THEMATIC_BREAK.test(content)) return { kind: 'other', node: { type: 'thematicBreak' } };
  const tag = HTML_BLOCK_START.exec(content)?.[1]?.toLowerCase();
  if (tag !== undefined && HTML_BLOCK_NAMES.has(tag)) {
    return { kind: 'html', node: { type: 'html', value: '' } };
  }
  return OTHER_BLOCK_START.test(content) || startsHtmlBlock(content) ? null : undefined;
}
