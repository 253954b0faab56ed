import type { Root, RootContent } from 'mdast';
import { blockText } from './blocks';
import { withoutDamagedEmoji, type TParseContext } from './context';
import { piecesLinks } from './inline';
import { cleanTitleText, renderInlineText } from './item-text';
import { listToDrafts, uniqueLinks, type TDraftItem } from './items';
import { detectOptions } from './options';
import { buildSectionTree, checklistListsIn, headingPieces, type TSection } from './outline';
import { CHECKLIST_LIMITS } from './schema';
import { cleanHeadingTitle, selectStages } from './stage-selection';
import { hasWords, splitAtWordBoundary } from './text';

/** Turns the selected heading sections into draft stages and items (see stage-selection.ts). */
export interface TDraftStage {
  title: string;
  description: string;
  items: TDraftItem[];
}

export interface TDraftTemplate {
  title: string;
  stages: TDraftStage[];
}

export const UNTITLED_TEMPLATE = 'Untitled checklist';
const FALLBACK_STAGE = 'Checklist';

export function readStages(root: Root, context: TParseContext): TDraftTemplate {
  const tree = buildSectionTree(root);
  const { titleSection, stageSections } = selectStages(tree, context);
  const title = (titleSection && cleanHeadingTitle(titleSection, context)) || UNTITLED_TEMPLATE;

  const stages = stageSections
    .map((section, index) => stageFromSection(section, index, context))
    .filter((stage) => stage.items.length > 0);
  if (stages.length > 0) return { title: truncateTitle(title), stages };

  // No section holds entries: the introduction (or a heading-less file) is the checklist.
  const introduction = [...tree.blocks, ...(titleSection?.blocks ?? [])];
  const items = checklistListsIn(introduction, context).flatMap((list) =>
    listToDrafts(list, context),
  );
  const stageTitle = titleSection ? title : FALLBACK_STAGE;
  return {
    title: truncateTitle(title),
    stages: items.length > 0 ? [{ title: truncateTitle(stageTitle), description: '', items }] : [],
  };
}

function truncateTitle(title: string): string {
  return splitAtWordBoundary(title, CHECKLIST_LIMITS.maxStageTitleLength).head;
}

function stageFromSection(section: TSection, index: number, context: TParseContext): TDraftStage {
  const fullTitle = cleanHeadingTitle(section, context);
  const { head, rest } = splitAtWordBoundary(
    hasWords(fullTitle) ? fullTitle : `Stage ${index + 1}`,
    CHECKLIST_LIMITS.maxStageTitleLength,
  );
  const content = sectionContent(section, context);
  return {
    title: head,
    description: [rest, content.text].filter(Boolean).join('\n\n'),
    items: content.items,
  };
}

/** Entries and prose of a section: lists give items, sub-sections give grouping items. */
function sectionContent(
  section: TSection,
  context: TParseContext,
): { text: string; links: TDraftItem['links']; items: TDraftItem[] } {
  const items: TDraftItem[] = [];
  const paragraphs: string[] = [];
  const links: TDraftItem['links'] = [];
  const visitBlocks = (blocks: readonly RootContent[]): void => {
    for (const block of blocks) {
      if (block.type === 'list') {
        if (checklistListsIn([block], context).length > 0) {
          items.push(...listToDrafts(block, context));
        }
      } else if (block.type === 'blockquote') {
        visitBlocks(block.children);
      } else if (block.type === 'paragraph') {
        const part = blockText(block, context);
        paragraphs.push(part.text);
        links.push(...part.links);
      }
    }
  };
  visitBlocks(section.blocks);
  for (const subsection of section.subsections) {
    const group = groupFromSection(subsection, context);
    if (group) items.push(group);
  }
  return { text: paragraphs.filter(Boolean).join('\n\n'), links, items };
}

function groupFromSection(section: TSection, context: TParseContext): TDraftItem | undefined {
  const content = sectionContent(section, context);
  if (content.items.length === 0) return undefined;
  const pieces = headingPieces(section, context);
  const heading = withoutDamagedEmoji(cleanTitleText(renderInlineText(pieces)), context);
  const { head, rest } = splitAtWordBoundary(
    heading || 'Untitled section',
    CHECKLIST_LIMITS.maxTitleLength,
  );
  const body = [rest, content.text].filter(Boolean).join('\n\n');
  return {
    title: head,
    body,
    links: uniqueLinks([...piecesLinks(pieces), ...content.links]),
    options: detectOptions(
      `${head} ${body}`,
      content.items.map((child) => ({
        title: child.title,
        leadLinkLabel: child.leadLinkLabel,
        hasChildren: child.children.length > 0,
      })),
    ),
    children: content.items,
    leadLinkLabel: undefined,
  };
}
