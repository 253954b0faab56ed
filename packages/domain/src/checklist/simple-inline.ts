import type { PhrasingContent } from 'mdast';

/**
 * Inline Markdown of one line for the fast path (simple-markdown.ts): text, `[label](url)`,
 * `**strong**` / `*emphasis*` that do not nest, code spans and bare `<tag>` / `</tag>` HTML,
 * read the way micromark reads them (CommonMark). Anything else that could be markup (escapes,
 * character references, images, autolinks, link titles, emphasis it cannot pair with certainty)
 * returns undefined and the caller lets micromark parse the part. simple-markdown.test.ts
 * compares both on random input.
 *
 * Work is linear in the line: one scan, a bracket stack that is emptied when a link forms (the
 * brackets before it can no longer open a link), and a search for the end of a code span only
 * while the line has few backticks.
 */

type TToken =
  | { kind: 'text'; value: string }
  | { kind: 'node'; node: PhrasingContent }
  | { kind: 'delimiter'; value: string; canOpen: boolean; canClose: boolean };

/** Superset of character references (`&amp;`, `&#35;`, `&#x1F4CB;`); they decode. */
const REFERENCE_LIKE = /&#?[A-Za-z0-9]{1,32};/u;
const SIMPLE_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*>/u;
/** What could start HTML or an autolink after `<`; only `SIMPLE_TAG` is read here. */
const MARKUP_AFTER_ANGLE = /^<[A-Za-z/!?]/u;
const MAX_BACKTICKS = 64;
/** micromark refuses a destination nested deeper (linkResourceDestinationBalanceMax). */
const MAX_DESTINATION_DEPTH = 32;
/** micromark's `attentionMarkers`: an adjacent run of these also lets a run open or close. */
const ATTENTION_MARKERS = new Set(['*', '_']);
const SPECIAL = /[`<[\]*_]/gu;
/** micromark's character classes: unicodeWhitespace, unicodePunctuation (per UTF-16 unit). */
const WHITESPACE = /\s/u;
const PUNCTUATION = /\p{P}|\p{S}/u;

export function parseSimpleInline(source: string): PhrasingContent[] | undefined {
  if (source.includes('\\') || source.includes('![') || REFERENCE_LIKE.test(source)) {
    return undefined;
  }
  if (countOf(source, '`') > MAX_BACKTICKS) return undefined;
  const tokens: TToken[] = [];
  /** Indexes in `tokens` of the `[` that may still open a link. */
  let openers: number[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '`') {
      index = readCodeSpan(source, index, tokens);
    } else if (char === '<') {
      const tag = SIMPLE_TAG.exec(source.slice(index, index + 80))?.[0];
      if (tag) {
        tokens.push({ kind: 'node', node: { type: 'html', value: tag } });
        index += tag.length;
      } else if (MARKUP_AFTER_ANGLE.test(source.slice(index, index + 2))) {
        return undefined;
      } else {
        tokens.push({ kind: 'text', value: char });
        index++;
      }
    } else if (char === '[') {
      openers.push(tokens.length);
      tokens.push({ kind: 'text', value: char });
      index++;
    } else if (char === ']') {
      const opener = openers.pop();
      if (opener === undefined || source[index + 1] !== '(') {
        // A reference link needs a definition, and a part read here has none.
        tokens.push({ kind: 'text', value: char });
        index++;
        continue;
      }
      const resource = readResource(source, index + 1);
      if (!resource) return undefined;
      const children = phrasing(tokens.splice(opener).slice(1));
      if (!children) return undefined;
      tokens.push({
        kind: 'node',
        node: { type: 'link', title: null, url: resource.url, children },
      });
      // Links cannot contain links: every earlier `[` is now plain text when closed.
      openers = [];
      index = resource.end;
    } else if (char === '*' || char === '_') {
      index = readDelimiterRun(source, index, tokens);
    } else {
      SPECIAL.lastIndex = index;
      const next = SPECIAL.exec(source)?.index ?? source.length;
      tokens.push({ kind: 'text', value: source.slice(index, next) });
      index = next;
    }
  }
  return phrasing(tokens);
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let index = text.indexOf(char); index >= 0; index = text.indexOf(char, index + 1)) count++;
  return count;
}

/** A code span from the backtick run at `start`, or the run as text when nothing closes it. */
function readCodeSpan(source: string, start: number, tokens: TToken[]): number {
  const length = runLength(source, start, '`');
  let search = start + length;
  while (search < source.length) {
    const next = source.indexOf('`', search);
    if (next < 0) break;
    const closing = runLength(source, next, '`');
    if (closing === length) {
      let value = source.slice(start + length, next);
      // One space of padding on each side goes when something other than spaces is inside
      // (micromark's codeTextData: any character but a space, even U+00A0).
      if (value.startsWith(' ') && value.endsWith(' ') && /[^ ]/u.test(value)) {
        value = value.slice(1, -1);
      }
      tokens.push({ kind: 'node', node: { type: 'inlineCode', value } });
      return next + closing;
    }
    search = next + closing;
  }
  tokens.push({ kind: 'text', value: source.slice(start, start + length) });
  return start + length;
}

function runLength(source: string, start: number, char: string): number {
  let end = start;
  while (source[end] === char) end++;
  return end - start;
}

/**
 * `(url)` right after `]`: the URL is taken as written (no escapes or references get here), with
 * balanced parentheses. Whitespace, a title or an angle-bracket URL are left to micromark.
 */
function readResource(source: string, open: number): { url: string; end: number } | undefined {
  let depth = 0;
  let index = open + 1;
  if (source[index] === '<' || source[index] === ' ') return undefined;
  for (; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f) return undefined;
    if (code === 0x28 && ++depth > MAX_DESTINATION_DEPTH) return undefined;
    if (code === 0x29 && depth-- === 0) {
      return { url: source.slice(open + 1, index), end: index + 1 };
    }
  }
  return undefined;
}

/** micromark's classifyCharacter: 1 whitespace (or none), 2 punctuation, 0 other. */
function classify(char: string | undefined): number {
  if (char === undefined || WHITESPACE.test(char)) return 1;
  return PUNCTUATION.test(char) ? 2 : 0;
}

/** A run of `*` or `_` with micromark's rules for whether it may open or close (attention.js). */
function readDelimiterRun(source: string, start: number, tokens: TToken[]): number {
  const marker = source[start]!;
  const end = start + runLength(source, start, marker);
  const previous = start > 0 ? source[start - 1] : undefined;
  const next = end < source.length ? source[end] : undefined;
  const before = classify(previous);
  const after = classify(next);
  const open = after === 0 || (after === 2 && before !== 0) || ATTENTION_MARKERS.has(next ?? '');
  const close =
    before === 0 || (before === 2 && after !== 0) || ATTENTION_MARKERS.has(previous ?? '');
  tokens.push({
    kind: 'delimiter',
    value: source.slice(start, end),
    canOpen: marker === '*' ? open : open && (before !== 0 || !close),
    canClose: marker === '*' ? close : close && (after !== 0 || !open),
  });
  return end;
}

/**
 * Tokens to mdast phrasing. Of emphasis only non-nested pairs are read: a run of one or two `*`
 * or `_` that may open, then the same run that may close (`*a*`, `**a**`, `__a__`); lengths
 * 1 + 1 and 2 + 2 never meet CommonMark's "multiple of 3" rule. Any other run that may open or
 * close makes the line micromark's. Runs that can do neither are text. Adjacent text merges
 * into one node, as mdast-util-from-markdown does.
 */
function phrasing(tokens: readonly TToken[]): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  let open: { value: string; children: PhrasingContent[] } | undefined;
  for (const token of tokens) {
    const target = open?.children ?? nodes;
    if (token.kind === 'text') {
      pushText(target, token.value);
    } else if (token.kind === 'node') {
      target.push(token.node);
    } else if (!token.canOpen && !token.canClose) {
      pushText(target, token.value);
    } else if (token.value.length > 2) {
      return undefined;
    } else if (open && token.canClose) {
      if (token.value !== open.value) return undefined;
      const type = token.value.length === 2 ? 'strong' : 'emphasis';
      nodes.push({ type, children: open.children });
      open = undefined;
    } else if (!open && token.canOpen) {
      open = { value: token.value, children: [] };
    } else {
      return undefined;
    }
  }
  return open ? undefined : nodes;
}

function pushText(target: PhrasingContent[], value: string): void {
  const last = target[target.length - 1];
  if (last?.type === 'text') last.value += value;
  else target.push({ type: 'text', value });
}
