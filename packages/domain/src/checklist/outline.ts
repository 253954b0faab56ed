import type { Heading, List, Root, RootContent } from 'mdast';
import type { TParseContext } from './context';
import { phrasingToPieces, type TInlinePiece } from './inline';

/**
 * The heading structure of a document: every heading opens a section that runs until the next
 * heading of the same or a higher level. Headings inside lists or quotes do not open sections.
 */
export interface TSection {
  heading: Heading | undefined;
  /** Heading level 1–6; 0 for the document itself. */
  depth: number;
  /** Blocks between this heading and the next heading of any level. */
  blocks: RootContent[];
  subsections: TSection[];
}

export function buildSectionTree(root: Root): TSection {
  const documentSection: TSection = { heading: undefined, depth: 0, blocks: [], subsections: [] };
  const open: TSection[] = [documentSection];
  for (const node of root.children) {
    if (node.type === 'heading') {
      while (open.length > 1 && open[open.length - 1]!.depth >= node.depth) open.pop();
      const section: TSection = { heading: node, depth: node.depth, blocks: [], subsections: [] };
      open[open.length - 1]!.subsections.push(section);
      open.push(section);
    } else {
      open[open.length - 1]!.blocks.push(node);
    }
  }
  return documentSection;
}

export function allSections(section: TSection): TSection[] {
  return [section, ...section.subsections.flatMap(allSections)];
}

/** URLs of every link inside `node`, reference-style links resolved. */
function linkUrls(node: { type: string; children?: unknown[] }, context: TParseContext): string[] {
  const urls: string[] = [];
  const visit = (current: {
    type: string;
    children?: unknown[];
    url?: string;
    identifier?: string;
  }): void => {
    if (current.type === 'link' && current.url !== undefined) urls.push(current.url);
    if (current.type === 'linkReference' && current.identifier !== undefined) {
      const url = context.definitions.get(current.identifier.toLowerCase());
      if (url !== undefined) urls.push(url);
    }
    for (const child of current.children ?? []) visit(child as typeof current);
  };
  visit(node);
  return urls;
}

/**
 * A table of contents is a list whose entries all carry a link and whose links all point inside
 * the document (`#anchor`). It describes the checklist, it is not part of it.
 */
export function isTableOfContents(list: List, context: TParseContext): boolean {
  // Stage selection asks this about the same lists several times; each answer walks the list.
  let known = tableOfContentsByContext.get(context);
  if (!known) tableOfContentsByContext.set(context, (known = new WeakMap()));
  let answer = known.get(list);
  if (answer === undefined) {
    answer = computeIsTableOfContents(list, context);
    known.set(list, answer);
  }
  return answer;
}

/** Per parse (its context holds the link definitions), per list node. */
const tableOfContentsByContext = new WeakMap<TParseContext, WeakMap<List, boolean>>();

function computeIsTableOfContents(list: List, context: TParseContext): boolean {
  if (list.children.length === 0) return false;
  const everyEntryLinks = list.children.every((entry) => linkUrls(entry, context).length > 0);
  return everyEntryLinks && linkUrls(list, context).every((url) => url.trim().startsWith('#'));
}

/** Lists of a block sequence, looking into quotes, in document order. */
export function listsIn(blocks: readonly RootContent[]): List[] {
  return blocks.flatMap((block): List[] => {
    if (block.type === 'list') return [block];
    if (block.type === 'blockquote') return listsIn(block.children);
    return [];
  });
}

export function checklistListsIn(blocks: readonly RootContent[], context: TParseContext): List[] {
  return listsIn(blocks).filter(
    (list) => list.children.length > 0 && !isTableOfContents(list, context),
  );
}

export function hasChecklistItems(section: TSection, context: TParseContext): boolean {
  return (
    checklistListsIn(section.blocks, context).length > 0 ||
    section.subsections.some((sub) => hasChecklistItems(sub, context))
  );
}

/** The fragment identifiers the document's tables of contents link to, normalised. */
export function tableOfContentsAnchors(root: TSection, context: TParseContext): Set<string> {
  const anchors = new Set<string>();
  for (const section of allSections(root)) {
    for (const list of listsIn(section.blocks)) {
      if (!isTableOfContents(list, context)) continue;
      for (const url of linkUrls(list, context)) anchors.add(anchorKey(url.trim().slice(1)));
    }
  }
  anchors.delete('');
  return anchors;
}

/**
 * Letters and digits only, so a GitHub anchor (`%EF%B8%8Fdata-engineering`) and the heading it
 * was generated from (`⛓️Data Engineering`) compare equal.
 */
export function anchorKey(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A malformed escape is compared as written.
  }
  return decoded
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function headingPieces(section: TSection, context: TParseContext): TInlinePiece[] {
  return phrasingToPieces(section.heading?.children ?? [], context.definitions);
}
