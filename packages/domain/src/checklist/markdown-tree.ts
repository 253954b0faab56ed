import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { splitIntoParts } from './chunks';
import { parseSimpleMarkdown } from './simple-markdown';

type TMicromarkExtension = ReturnType<typeof gfm>;
type TMdastExtension = ReturnType<typeof gfmFromMarkdown>[number];

/** GFM literal autolink constructs (`www.x.com`, `https://…`, `a@b.c` in plain text). */
const AUTOLINK_LITERAL_CONSTRUCTS = ['emailAutolink', 'wwwAutolink', 'protocolAutolink'];

/**
 * GFM constructs that can only match when the text contains a certain character sequence, with
 * that test. micromark tries them anyway (the table at the start of every block, footnote and
 * task checks at every `[`), which costs about a sixth of the parse of a checklist that uses none
 * of them. Each test may say yes wrongly, never no wrongly: dropping a construct that cannot
 * match leaves the tree unchanged (markdown-tree.test.ts checks that against the full syntax).
 */
const OPTIONAL_CONSTRUCTS: ReadonlyArray<{ names: string[]; mayMatch: (text: string) => boolean }> =
  [
    { names: ['table'], mayMatch: hasPossibleTableDelimiterRow },
    // Definitions, calls and `![^x]` calls all need `[^` (a `^` right after the bracket).
    {
      names: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'],
      mayMatch: (text) => text.includes('[^'),
    },
    { names: ['strikethrough'], mayMatch: (text) => text.includes('~') },
    // `[ ]`, `[x]`, `[X]`; micromark also accepts a tab or a line ending inside the brackets.
    { names: ['tasklistCheck'], mayMatch: (text) => /\[[\t\n\r xX]/u.test(text) },
  ];

/**
 * A table needs a delimiter row (`|---|:-:|`): after the quote markers and indentation of its
 * container, only `|`, `:`, `-`, spaces and tabs, with a `-` and a `|` or `:` (micromark refuses
 * a row without either: that is a thematic break or a setext underline). `\r` alone also ends a
 * line for micromark. Checked with `includes` rather than one regular expression, which would
 * backtrack quadratically on a long line of dashes.
 */
const DELIMITER_ROW_CHARACTERS = /^[ \t>|:-]+$/u;

function hasPossibleTableDelimiterRow(text: string): boolean {
  if (!text.includes('-') || (!text.includes('|') && !text.includes(':'))) return false;
  return text
    .split(/\r\n|\r|\n/u)
    .some(
      (line) =>
        DELIMITER_ROW_CHARACTERS.test(line) &&
        line.includes('-') &&
        (line.includes('|') || line.includes(':')),
    );
}

let fullExtensions: { micromark: TMicromarkExtension; mdast: TMdastExtension[] } | undefined;
/** Syntax without the optional constructs that cannot match, by bit mask of those dropped. */
const syntaxByDropped = new Map<number, TMicromarkExtension>();

/**
 * GitHub-flavoured Markdown (task lists, tables, strikethrough, footnotes) without literal
 * autolinks: micromark tries that construct at every letter, which makes the whole parse ~40%
 * slower. Bare URLs in text are found by `inline.ts` instead, with a regular expression.
 * Built once: combining extensions is not free either.
 */
export function markdownExtensions(): { micromark: TMicromarkExtension; mdast: TMdastExtension[] } {
  if (fullExtensions) return fullExtensions;
  const mdast = gfmFromMarkdown().filter((extension) => !extension.enter?.['literalAutolink']);
  fullExtensions = { micromark: withoutConstructs(gfm(), AUTOLINK_LITERAL_CONSTRUCTS), mdast };
  return fullExtensions;
}

/** Bit mask of the optional constructs that cannot match in `text`. */
function droppableConstructs(text: string): number {
  let dropped = 0;
  OPTIONAL_CONSTRUCTS.forEach((optional, index) => {
    if (!optional.mayMatch(text)) dropped |= 1 << index;
  });
  return dropped;
}

const ALL_OPTIONAL = (1 << OPTIONAL_CONSTRUCTS.length) - 1;
/** simple-markdown.ts reads task list checks itself; the other optional constructs it cannot. */
const SIMPLE_READER_HANDLES =
  1 << OPTIONAL_CONSTRUCTS.findIndex((optional) => optional.names.includes('tasklistCheck'));

/** `markdownExtensions()` without the optional constructs that cannot match in `text`. */
export function markdownExtensionsFor(text: string): {
  micromark: TMicromarkExtension;
  mdast: TMdastExtension[];
} {
  return extensionsWithout(droppableConstructs(text));
}

function extensionsWithout(dropped: number): {
  micromark: TMicromarkExtension;
  mdast: TMdastExtension[];
} {
  const full = markdownExtensions();
  if (dropped === 0) return full;
  let micromark = syntaxByDropped.get(dropped);
  if (!micromark) {
    const names = OPTIONAL_CONSTRUCTS.filter((_, index) => dropped & (1 << index)).flatMap(
      (optional) => optional.names,
    );
    micromark = withoutConstructs(full.micromark, names);
    syntaxByDropped.set(dropped, micromark);
  }
  // The mdast handlers stay: they only act on tokens of the dropped constructs, which never come.
  return { micromark, mdast: full.mdast };
}

/**
 * The blocks of one part: from simple-markdown.ts when the part needs no GFM construct but task
 * checks and has the simple shape it reads, else from micromark without the constructs that
 * cannot match. `useSimpleReader: false` is for the tests that compare both.
 */
export function parsePart(part: string, useSimpleReader = true): RootContent[] {
  const dropped = droppableConstructs(part);
  const simple =
    useSimpleReader && (dropped | SIMPLE_READER_HANDLES) === ALL_OPTIONAL
      ? parseSimpleMarkdown(part)
      : undefined;
  if (simple) return simple;
  const { micromark, mdast } = extensionsWithout(dropped);
  return fromMarkdown(part, { extensions: [micromark], mdastExtensions: mdast }).children;
}

/** A copy of `syntax` without the named constructs, in every construct map that has them. */
function withoutConstructs(
  syntax: TMicromarkExtension,
  names: readonly string[],
): TMicromarkExtension {
  const copy: Record<string, unknown> = { ...syntax };
  for (const [field, map] of Object.entries(syntax)) {
    // `attentionMarkers` and `disable` hold character codes and names, not constructs.
    if (field === 'attentionMarkers' || field === 'disable' || !map) continue;
    const kept: Record<string, unknown[]> = {};
    for (const [code, constructs] of Object.entries(map as Record<string, unknown>)) {
      const list = (Array.isArray(constructs) ? constructs : [constructs]).filter(
        (construct) =>
          construct !== undefined && !names.includes((construct as { name?: string }).name ?? ''),
      );
      if (list.length > 0) kept[code] = list;
    }
    copy[field] = kept;
  }
  return copy as TMicromarkExtension;
}

/** The mdast tree of `markdown`, parsed in parts (see chunks.ts). */
export function parseMarkdownTree(markdown: string): Root {
  const root: Root = { type: 'root', children: [] };
  for (const part of splitIntoParts(markdown)) {
    // A loop, not push(...children): a part may have more blocks than a call has arguments.
    for (const child of parsePart(part)) root.children.push(child);
  }
  return root;
}
