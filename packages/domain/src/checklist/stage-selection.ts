import { withoutDamagedEmoji, type TParseContext } from './context';
import { renderInlineText } from './item-text';
import {
  allSections,
  anchorKey,
  checklistListsIn,
  hasChecklistItems,
  headingPieces,
  tableOfContentsAnchors,
  type TSection,
} from './outline';
import { collapseWhitespace, stripEmoji } from './text';

/**
 * Which heading sections are stages (what a checklist user expects from a README-style checklist):
 *
 * - The first heading is the document title when it is the only level-1 heading. Whatever sits
 *   under it before the first sub-heading is an introduction (v1's "This list serves three
 *   purposes: - Provides a checklist…"), not checklist content.
 * - The stage level is the shallowest heading level (below the title) at which some section has
 *   list entries directly under its heading. Sections at that level that hold list entries,
 *   directly or in sub-sections, are the stages; so are deeper sections with entries that have
 *   no ancestor at the stage level. Headings above the stage level are only containers.
 * - Sub-headings inside a stage become grouping items: the heading is the title, the entries
 *   under it are its children (nested sub-headings nest further). Sub-sections without list
 *   entries are skipped.
 * - A table of contents is not a stage. When the document has one and at least half of its
 *   links point at stage candidates, only the linked sections are stages: the author's own
 *   table of contents is the best evidence of which sections form the checklist (it leaves out
 *   v2's "Striving to:" and "Project template" notes).
 * - A document without headings (or with entries only in its introduction) becomes one stage.
 */
export function selectStages(
  tree: TSection,
  context: TParseContext,
): { titleSection: TSection | undefined; stageSections: TSection[] } {
  const titleSection = findTitleSection(tree);
  const forest = titleSection
    ? [
        ...tree.subsections.filter((section) => section !== titleSection),
        ...titleSection.subsections,
      ]
    : tree.subsections;
  const candidates = selectStageSections(forest, context);
  return { titleSection, stageSections: filterByTableOfContents(candidates, tree, context) };
}

function findTitleSection(tree: TSection): TSection | undefined {
  const first = allSections(tree)[1];
  if (first?.depth !== 1) return undefined;
  const levelOneCount = allSections(tree).filter((section) => section.depth === 1).length;
  return levelOneCount === 1 ? first : undefined;
}

function selectStageSections(forest: readonly TSection[], context: TParseContext): TSection[] {
  const candidates = forest.flatMap(allSections);
  const levelsWithEntries = candidates
    .filter((section) => checklistListsIn(section.blocks, context).length > 0)
    .map((section) => section.depth);
  if (levelsWithEntries.length === 0) return [];
  const stageLevel = levelsWithEntries.reduce((lowest, depth) => Math.min(lowest, depth));

  const stages: TSection[] = [];
  const visit = (section: TSection): void => {
    if (section.depth >= stageLevel) {
      if (hasChecklistItems(section, context)) stages.push(section);
      return;
    }
    section.subsections.forEach(visit);
  };
  forest.forEach(visit);
  return stages;
}

function filterByTableOfContents(
  candidates: TSection[],
  tree: TSection,
  context: TParseContext,
): TSection[] {
  const anchors = tableOfContentsAnchors(tree, context);
  if (anchors.size === 0) return candidates;
  const linked = candidates.filter((section) =>
    anchors.has(anchorKey(cleanHeadingTitle(section, context))),
  );
  const linkedAnchors = new Set(
    linked.map((section) => anchorKey(cleanHeadingTitle(section, context))),
  );
  return linkedAnchors.size > 0 && linkedAnchors.size * 2 >= anchors.size ? linked : candidates;
}

/** Heading text for stage and document titles: no emoji, no trailing colon. */
export function cleanHeadingTitle(section: TSection, context: TParseContext): string {
  const text = stripEmoji(renderInlineText(headingPieces(section, context)));
  return collapseWhitespace(withoutDamagedEmoji(text, context)).replace(/\s*:$/u, '');
}
