import type { List, ListItem, Paragraph, Heading } from 'mdast';
import { blockText } from './blocks';
import { withoutDamagedEmoji, type TParseContext } from './context';
import { phrasingToPieces } from './inline';
import { splitItemText } from './item-text';
import { detectOptions } from './options';
import { CHECKLIST_LIMITS, type TChecklistLink } from './schema';
import { splitAtWordBoundary } from './text';

/** An item before keys are assigned (keys need the whole template to be unique). */
export interface TDraftItem {
  title: string;
  body: string;
  links: TChecklistLink[];
  options: string[] | undefined;
  children: TDraftItem[];
  leadLinkLabel: string | undefined;
}

export const UNTITLED_ITEM = 'Untitled item';

export function listToDrafts(list: List, context: TParseContext): TDraftItem[] {
  return list.children.flatMap((entry) => entryToDrafts(entry, context));
}

/**
 * One list entry becomes one item; its nested lists become children. An entry without any text
 * but with nested entries (`-` followed by an indented list) hands its children to its parent
 * instead of inventing a title.
 */
function entryToDrafts(entry: ListItem, context: TParseContext): TDraftItem[] {
  const blocks = entry.children;
  const titleBlock = blocks.find(isTextBlock);
  const titleIndex = titleBlock ? blocks.indexOf(titleBlock) : -1;
  const itemText = titleBlock
    ? splitItemText(phrasingToPieces(titleBlock.children, context.definitions))
    : undefined;

  const children: TDraftItem[] = [];
  const bodyParts = [itemText?.body ?? ''];
  const links = [...(itemText?.links ?? [])];
  blocks.forEach((block, index) => {
    if (index === titleIndex) return;
    if (block.type === 'list') {
      children.push(...listToDrafts(block, context));
      return;
    }
    const part = blockText(block, context);
    bodyParts.push(part.text);
    links.push(...part.links);
  });

  let title = withoutDamagedEmoji(itemText?.title ?? '', context);
  let body = bodyParts
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
  if (!title) {
    if (!body && links.length === 0) return children;
    title = UNTITLED_ITEM;
  }
  const { head, rest } = splitAtWordBoundary(title, CHECKLIST_LIMITS.maxTitleLength);
  if (rest) {
    title = head;
    body = body ? `${rest}\n\n${body}` : rest;
  }

  const options = detectOptions(
    `${title} ${body}`,
    children.map((child) => ({
      title: child.title,
      leadLinkLabel: child.leadLinkLabel,
      hasChildren: child.children.length > 0,
    })),
  );
  return [
    {
      title,
      body,
      links: uniqueLinks(links),
      options,
      children,
      leadLinkLabel: itemText?.leadLinkLabel,
    },
  ];
}

/** The first paragraph (or heading) of an entry gives its title; code and HTML never do. */
function isTextBlock(block: ListItem['children'][number]): block is Paragraph | Heading {
  return block.type === 'paragraph' || block.type === 'heading';
}

export function uniqueLinks(links: readonly TChecklistLink[]): TChecklistLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const id = `${link.label}\u0000${link.url}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
