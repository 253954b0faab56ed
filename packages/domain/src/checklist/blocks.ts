import type { RootContent, TableRow } from 'mdast';
import type { TParseContext } from './context';
import { htmlToPieces, phrasingToPieces, piecesLinks, piecesText } from './inline';
import { renderInlineText } from './item-text';
import type { TChecklistLink } from './schema';
import { tidyMultiline } from './text';

/**
 * Plain text of a block that goes into a body or a stage description. Code keeps its text
 * verbatim (it is content), HTML loses its tags, tables become `a | b` lines.
 */
export function blockText(
  node: RootContent,
  context: TParseContext,
): { text: string; links: TChecklistLink[] } {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const pieces = phrasingToPieces(node.children, context.definitions);
      return { text: renderInlineText(pieces), links: piecesLinks(pieces) };
    }
    case 'code':
      return { text: node.value, links: [] };
    case 'html':
      return { text: tidyMultiline(piecesText(htmlToPieces(node.value))), links: [] };
    case 'blockquote':
    case 'footnoteDefinition':
      return joinBlocks(node.children, context);
    case 'list': {
      // Only lists nested in quotes or tables get here; list entries of items are children.
      const entries = node.children.map((entry) => joinBlocks(entry.children, context));
      return {
        text: entries.map((entry) => `- ${entry.text.replace(/\n/g, '\n  ')}`).join('\n'),
        links: entries.flatMap((entry) => entry.links),
      };
    }
    case 'table':
      return joinRows(node.children, context);
    default: {
      const unknown = node as { value?: unknown };
      return { text: typeof unknown.value === 'string' ? unknown.value : '', links: [] };
    }
  }
}

export function joinBlocks(
  nodes: readonly RootContent[],
  context: TParseContext,
): { text: string; links: TChecklistLink[] } {
  const parts = nodes.map((node) => blockText(node, context));
  return {
    text: parts
      .map((part) => part.text.trim())
      .filter(Boolean)
      .join('\n\n'),
    links: parts.flatMap((part) => part.links),
  };
}

function joinRows(
  rows: readonly TableRow[],
  context: TParseContext,
): { text: string; links: TChecklistLink[] } {
  const links: TChecklistLink[] = [];
  const lines = rows.map((row) =>
    row.children
      .map((cell) => {
        const pieces = phrasingToPieces(cell.children, context.definitions);
        links.push(...piecesLinks(pieces));
        return renderInlineText(pieces);
      })
      .join(' | '),
  );
  return { text: lines.join('\n'), links };
}
