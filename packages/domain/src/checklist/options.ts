import { stripEmoji, collapseWhitespace } from './text';

/**
 * "Options" are the tools or alternatives an item offers to choose from. The seed checklists list
 * them as child entries, mostly led by a link (`- [DVC](…) | [Notes](…)`), under an item that says
 * so (`Data versioning. Available tools:`). Heuristic, documented here because it is a guess:
 *
 * - only leaf children count (a child with its own children is a category, not an option);
 * - a child's option name is its leading link label, or the short name before a colon
 *   (`Grid search: doable…`), or its title when that is a short name (at most 5 words, no
 *   sentence);
 *   comparisons (`Kredo vs. ZenML`) are not options;
 * - the item has options when at least two children have names, they are at least 60% of the
 *   children, and either the item's text has a cue word (tools, options, frameworks, choose, …)
 *   or at least half of the children start with a link (a list of linked products).
 */
export interface TOptionCandidate {
  title: string;
  leadLinkLabel: string | undefined;
  hasChildren: boolean;
}

const CUE_WORDS =
  /\b(?:tools?|options?|packages?|librar(?:y|ies)|frameworks?|alternatives?|vendors?|services?|platforms?|formats?|choose|choices?|available|servers?|registr(?:y|ies)|solutions?|methods?)\b/iu;
const MAX_NAME_WORDS = 5;
const MAX_NAME_LENGTH = 60;

export function detectOptions(
  parentText: string,
  children: readonly TOptionCandidate[],
): string[] | undefined {
  if (children.length < 2) return undefined;
  const names: string[] = [];
  const seen = new Set<string>();
  let linkLed = 0;
  for (const child of children) {
    if (child.leadLinkLabel) linkLed++;
    const name = child.hasChildren ? undefined : optionName(child);
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  const enoughNames = names.length >= 2 && names.length >= 0.6 * children.length;
  const listsChoices = CUE_WORDS.test(parentText) || linkLed * 2 >= children.length;
  return enoughNames && listsChoices ? names : undefined;
}

function optionName(child: TOptionCandidate): string | undefined {
  // The candidates in order of preference, each cleaned only when the ones before failed.
  const lead = child.leadLinkLabel ? cleanName(child.leadLinkLabel) : undefined;
  if (isOptionName(lead)) return lead;
  const title = cleanName(child.title);
  const beforeColon = cleanName(/^([^:]{1,60}):\s/u.exec(title)?.[1] ?? '');
  if (isOptionName(beforeColon)) return beforeColon;
  return isOptionName(title) ? title : undefined;
}

function isOptionName(name: string | undefined): name is string {
  return !!name && isShortName(name) && !/\bvs\.?(?:\s|$)/iu.test(name);
}

function cleanName(text: string): string {
  return collapseWhitespace(stripEmoji(text)).replace(/[:\s]+$/u, '');
}

function isShortName(text: string): boolean {
  if (!text || text.length > MAX_NAME_LENGTH) return false;
  if (text.split(' ').length > MAX_NAME_WORDS) return false;
  // A sentence (`It works. Then…`, `Why?`) is a description, not a name.
  return !/[.!?](?:\s|$)/u.test(text);
}
