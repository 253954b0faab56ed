import type { TInlinePiece } from './inline';
import { piecesLinks, piecesText } from './inline';
import type { TChecklistLink } from './schema';
import { collapseWhitespace, hasWords, tidyMultiline, tidyPunctuationSpacing } from './text';

/**
 * Turns the first paragraph of a list entry into title, body and links:
 *
 * - Link trailers (`| [Notes](…) | [Paper](…)`) and reference-style links with a generic label
 *   (`[Ref](…)`, `[Tutorials](…)`) are links of the item, not title text.
 * - `<ins>Title</ins> rest` and `**Title**: rest` give the title; the rest is body.
 * - Other links keep their label in the text (`Establish a [baseline](…)`) and are also links.
 */
export interface TItemText {
  title: string;
  body: string;
  links: TChecklistLink[];
  /** Label of the link the text starts with (`[DVC](…) | [Notes](…)` → `DVC`), for options. */
  leadLinkLabel: string | undefined;
}

/** Labels that name a kind of reference rather than a thing: they are trailers wherever they are. */
const GENERIC_LINK_LABEL =
  /^(?:refs?|references?|notes?|papers?|articles?|tutorials?|slides|video|more(?: here)?|examples?|(?:notes?|tutorials?)\s*&\s*(?:notes?|tutorials?))(?:\s*#?\s*\d+)?$/i;

const TITLE_TAGS = new Set(['ins']);
const BOLD_TAGS = new Set(['strong']);

export function splitItemText(source: readonly TInlinePiece[]): TItemText {
  const links = piecesLinks(source);
  const pieces = removeBracketsAroundLinks(removeLinkTrailers(source));
  const leadLinkLabel = leadingLink(pieces)?.label;

  const leadIn = findLeadIn(pieces);
  const titlePieces = leadIn ? leadIn.title : pieces;
  const restPieces = leadIn ? leadIn.rest : [];

  // A trailing colon only introduces the nested entries (`Code release:`).
  let title = cleanTitleText(piecesText(titlePieces)).replace(/\s*:$/u, '');
  // The rest after a lead-in starts with its separator and may end with the colon that
  // introduces nested entries (`<ins>Linters</ins> Linter is… format.:`); neither is content.
  const body = tidyPunctuationSpacing(
    tidyMultiline(piecesText(restPieces))
      .replace(/^[\s:.,;\-–—]+/u, '')
      .replace(/\s*:$/u, ''),
  );
  if (!hasWords(title) && links[0] && !hasWords(body)) title = links[0].label;
  return { title, body, links, leadLinkLabel };
}

/** Inline text with trailers removed, for headings and body paragraphs (no title rules). */
export function renderInlineText(source: readonly TInlinePiece[]): string {
  const pieces = removeBracketsAroundLinks(removeLinkTrailers(source));
  return tidyPunctuationSpacing(tidyMultiline(piecesText(pieces)));
}

export function cleanTitleText(text: string): string {
  const collapsed = tidyPunctuationSpacing(collapseWhitespace(text));
  // `[Dash]` / `[Node.js | Notes]`: brackets that wrapped a link are Markdown residue.
  const wrapped = /^\[([^[\]]*)\]$/u.exec(collapsed);
  return wrapped ? collapseWhitespace(wrapped[1]!) : collapsed;
}

interface TTextPosition {
  pieceIndex: number;
  charIndex: number;
}

/** Last non-blank character before `index`, looking through markers; null at a link or start. */
function previousChar(pieces: readonly TInlinePiece[], index: number): TTextPosition | null {
  for (let pieceIndex = index - 1; pieceIndex >= 0; pieceIndex--) {
    const piece = pieces[pieceIndex]!;
    if (piece.kind === 'link') return null;
    if (piece.kind !== 'text') continue;
    const match = /\S(?=\s*$)/u.exec(piece.value);
    if (match) return { pieceIndex, charIndex: match.index };
  }
  return null;
}

/** First non-blank character after `index`, looking through markers; null at a link or end. */
function nextChar(pieces: readonly TInlinePiece[], index: number): TTextPosition | null {
  for (let pieceIndex = index + 1; pieceIndex < pieces.length; pieceIndex++) {
    const piece = pieces[pieceIndex]!;
    if (piece.kind === 'link') return null;
    if (piece.kind !== 'text') continue;
    const match = /\S/u.exec(piece.value);
    if (match) return { pieceIndex, charIndex: match.index };
  }
  return null;
}

function charAt(pieces: readonly TInlinePiece[], position: TTextPosition | null): string {
  if (!position) return '';
  const piece = pieces[position.pieceIndex];
  return piece?.kind === 'text' ? (piece.value[position.charIndex] ?? '') : '';
}

function removeChar(pieces: TInlinePiece[], position: TTextPosition, replacement = ' '): void {
  const piece = pieces[position.pieceIndex];
  if (piece?.kind !== 'text') return;
  const value =
    piece.value.slice(0, position.charIndex) +
    replacement +
    piece.value.slice(position.charIndex + 1);
  pieces[position.pieceIndex] = { kind: 'text', value };
}

function isTrailerLink(pieces: readonly TInlinePiece[], index: number): boolean {
  const piece = pieces[index];
  if (piece?.kind !== 'link') return false;
  if (GENERIC_LINK_LABEL.test(piece.label)) return true;
  return charAt(pieces, previousChar(pieces, index)) === '|';
}

/** Drops trailer links from the text (they stay in `links`) together with their `|`. */
function removeLinkTrailers(source: readonly TInlinePiece[]): TInlinePiece[] {
  const pieces = [...source];
  for (let index = 0; index < pieces.length; index++) {
    if (!isTrailerLink(pieces, index)) continue;
    const before = previousChar(pieces, index);
    if (before && charAt(pieces, before) === '|') removeChar(pieces, before);
    pieces[index] = { kind: 'text', value: ' ' };
    // `done. | [Notes](…). Next` → `done. Next`: no doubled punctuation after the removal.
    const after = nextChar(pieces, index);
    const newBefore = previousChar(pieces, index);
    if (
      after &&
      /[.,;]/u.test(charAt(pieces, after)) &&
      /[.,;:!?]/u.test(charAt(pieces, newBefore))
    ) {
      removeChar(pieces, after);
    }
  }
  return pieces;
}

/** `[[Flask](…) | [Notes](…)]` → the outer brackets were only decoration around the link. */
function removeBracketsAroundLinks(source: readonly TInlinePiece[]): TInlinePiece[] {
  const pieces = [...source];
  pieces.forEach((piece, index) => {
    if (piece.kind !== 'link') return;
    const before = previousChar(pieces, index);
    const after = nextChar(pieces, index);
    if (before && after && charAt(pieces, before) === '[' && charAt(pieces, after) === ']') {
      removeChar(pieces, before, '');
      removeChar(pieces, after, '');
    }
  });
  return pieces;
}

/** Index of the first piece that carries words, skipping icons such as a leading emoji. */
function firstMeaningfulIndex(pieces: readonly TInlinePiece[]): number {
  return pieces.findIndex(
    (piece) => piece.kind !== 'text' || (piece.value.trim() !== '' && hasWords(piece.value)),
  );
}

function leadingLink(pieces: readonly TInlinePiece[]): { label: string } | undefined {
  for (const piece of pieces) {
    if (piece.kind === 'open' || piece.kind === 'close') continue;
    if (piece.kind === 'link') return piece;
    if (hasWords(piece.value)) return undefined;
  }
  return undefined;
}

/**
 * `<ins>Title</ins> rest`, `**Title**: rest`: the marked part is the title. Bold only counts when
 * a colon follows (or nothing does), because bold is also used for emphasis inside sentences
 * (`**Extraction** involves…` stays one title).
 */
function findLeadIn(
  pieces: readonly TInlinePiece[],
): { title: TInlinePiece[]; rest: TInlinePiece[] } | undefined {
  const start = firstMeaningfulIndex(pieces);
  const opener = pieces[start];
  if (opener?.kind !== 'open') return undefined;
  const isTitleTag = TITLE_TAGS.has(opener.tag);
  if (!isTitleTag && !BOLD_TAGS.has(opener.tag)) return undefined;

  let depth = 0;
  let closeIndex = -1;
  for (let index = start; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if (piece.kind === 'open' && piece.tag === opener.tag) depth++;
    if (piece.kind === 'close' && piece.tag === opener.tag && --depth === 0) {
      closeIndex = index;
      break;
    }
  }
  if (closeIndex < 0) return undefined;

  const icon = pieces.slice(0, start);
  const inside = pieces.slice(start + 1, closeIndex);
  const rest = pieces.slice(closeIndex + 1);
  if (!hasWords(piecesText(inside))) return undefined;
  const restText = piecesText(rest).trim();
  if (!isTitleTag && restText !== '' && !restText.startsWith(':')) return undefined;
  return { title: [...icon, ...inside], rest };
}
