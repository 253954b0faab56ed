import type { Definition, PhrasingContent, Root } from 'mdast';
import type { TChecklistLink } from './schema';

/**
 * Inline Markdown flattened to what the checklist needs: plain text, links, and the open/close
 * markers of the few tags that carry meaning for titles (`<ins>`, `**bold**`). Every other HTML
 * tag is dropped, so wrappers such as `<details>` or `<br>` never reach a title.
 */
export type TInlinePiece =
  | { kind: 'text'; value: string }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'open'; tag: string }
  | { kind: 'close'; tag: string };

/** Link definitions of the document, for reference-style links (`[Notes][1]`). */
export type TDefinitions = ReadonlyMap<string, string>;

export function collectDefinitions(root: Root): TDefinitions {
  const definitions = new Map<string, string>();
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'definition') {
      const definition = node as Definition;
      const id = definition.identifier.toLowerCase();
      if (!definitions.has(id)) definitions.set(id, definition.url);
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(root);
  return definitions;
}

/** Tags whose open/close markers matter for title rules; the others are dropped. */
const MEANINGFUL_TAGS = new Set(['ins', 'u', 'strong', 'b']);
const LINE_BREAK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'summary', 'details', 'hr']);
// Attribute text is bounded so hostile input (many `<a` without `>`) stays linear.
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][\w:-]{0,64})(?:\s[^<>]{0,2000})?\/?>/g;

export function phrasingToPieces(
  nodes: readonly PhrasingContent[],
  definitions: TDefinitions,
): TInlinePiece[] {
  const pieces: TInlinePiece[] = [];
  // Module-level helpers with explicit arguments, not closures: this runs for every paragraph,
  // and creating the closures (and their names, under tsx) was a visible share of a parse.
  for (const node of nodes) visitPhrasing(node, pieces, definitions);
  return pieces;
}

function visitPhrasing(
  node: PhrasingContent,
  pieces: TInlinePiece[],
  definitions: TDefinitions,
): void {
  switch (node.type) {
    case 'text':
      pushTextWithBareUrls(node.value, pieces);
      return;
    case 'inlineCode':
      pieces.push({ kind: 'text', value: node.value });
      return;
    case 'break':
      pieces.push({ kind: 'text', value: '\n' });
      return;
    case 'strong':
      pieces.push({ kind: 'open', tag: 'strong' });
      for (const child of node.children) visitPhrasing(child, pieces, definitions);
      pieces.push({ kind: 'close', tag: 'strong' });
      return;
    case 'emphasis':
    case 'delete':
      for (const child of node.children) visitPhrasing(child, pieces, definitions);
      return;
    case 'link':
      pushLink(node.url, piecesText(phrasingToPieces(node.children, definitions)), pieces);
      return;
    case 'linkReference': {
      const label = piecesText(phrasingToPieces(node.children, definitions));
      const url = definitions.get(node.identifier.toLowerCase());
      if (url === undefined) pieces.push({ kind: 'text', value: `[${label}]` });
      else pushLink(url, label, pieces);
      return;
    }
    case 'image':
    case 'imageReference':
      if (node.alt) pieces.push({ kind: 'text', value: node.alt });
      return;
    case 'html':
      pieces.push(...htmlToPieces(node.value));
      return;
    case 'footnoteReference':
      return;
    default: {
      // Future or extension nodes: keep whatever text they carry.
      const unknown = node as { value?: unknown; children?: PhrasingContent[] };
      if (typeof unknown.value === 'string') pieces.push({ kind: 'text', value: unknown.value });
      for (const child of unknown.children ?? []) visitPhrasing(child, pieces, definitions);
    }
  }
}

function pushLink(rawUrl: string, rawLabel: string, pieces: TInlinePiece[]): void {
  const url = rawUrl.trim();
  const label = rawLabel.replace(/\s+/g, ' ').trim();
  if (!url) {
    // `[Node.js]()`: a link without a target is just text.
    pieces.push({ kind: 'text', value: label });
    return;
  }
  pieces.push({ kind: 'link', label: label || url, url });
}

function pushTextWithBareUrls(text: string, pieces: TInlinePiece[]): void {
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    if (match.index > last) pieces.push({ kind: 'text', value: text.slice(last, match.index) });
    const label = match[0];
    pieces.push({ kind: 'link', label, url: /^www\./iu.test(label) ? `http://${label}` : label });
    last = match.index + label.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', value: text.slice(last) });
}

/**
 * A bare `https://…` or `www.…` address in text (GFM shows these as links; the parser leaves
 * them as text for speed, see markdown-tree.ts). Trailing punctuation is not part of the URL.
 */
const BARE_URL = /(?<![\w/.@-])(?:https?:\/\/|www\.)[^\s<>"'`]*[^\s<>"'`.,:;!?)\]}*_~]/giu;

export function htmlToPieces(html: string): TInlinePiece[] {
  const pieces: TInlinePiece[] = [];
  let last = 0;
  for (const match of html.matchAll(TAG_OR_COMMENT)) {
    if (match.index > last) pieces.push({ kind: 'text', value: html.slice(last, match.index) });
    last = match.index + match[0].length;
    const tag = match[1]?.toLowerCase();
    if (!tag) continue;
    if (MEANINGFUL_TAGS.has(tag)) {
      pieces.push({ kind: match[0].startsWith('</') ? 'close' : 'open', tag: canonicalTag(tag) });
    } else if (LINE_BREAK_TAGS.has(tag)) {
      pieces.push({ kind: 'text', value: '\n' });
    }
  }
  if (last < html.length) pieces.push({ kind: 'text', value: html.slice(last) });
  return pieces;
}

/** `<u>` underlines like `<ins>`, `<b>` is bold like `**…**`. */
function canonicalTag(tag: string): string {
  if (tag === 'u') return 'ins';
  if (tag === 'b') return 'strong';
  return tag;
}

/** Plain text of pieces: link labels count as text, markers vanish. */
export function piecesText(pieces: readonly TInlinePiece[]): string {
  let text = '';
  for (const piece of pieces) {
    if (piece.kind === 'text') text += piece.value;
    else if (piece.kind === 'link') text += piece.label;
  }
  return text;
}

export function piecesLinks(pieces: readonly TInlinePiece[]): TChecklistLink[] {
  const links: TChecklistLink[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'link') links.push({ label: piece.label, url: piece.url });
  }
  return links;
}
