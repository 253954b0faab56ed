import type { Root } from 'mdast';
import { assignKeys } from './assemble';
import type { TParseContext } from './context';
import { ChecklistImportError } from './errors';
import { collectDefinitions } from './inline';
import { parseMarkdownTree } from './markdown-tree';
import { repairMojibakeDetailed } from './mojibake';
import { ZParsedTemplate, type TParsedTemplate } from './schema';
import { readStages } from './stages';
import { TOO_COMPLEX } from './structure-limits';
import { assertImportableText } from './validate-input';

/**
 * Parses a Markdown checklist into a template: mojibake is repaired first (mojibake.ts),
 * stage-selection.ts decides which headings are stages, item-text.ts how entries become titles,
 * bodies and links. Pure and deterministic: the same text always gives a deep-equal template.
 * Bad input throws `ChecklistImportError`, nothing else.
 */
export function parseChecklistMarkdown(text: string): TParsedTemplate {
  assertImportableText(text);
  try {
    return parseValidatedText(text);
  } catch (error) {
    // Pathological nesting the line scan cannot see (e.g. thousands of nested brackets) can
    // still exhaust the stack; that is a property of the file, so say so instead of crashing.
    if (error instanceof RangeError && /call stack/iu.test(error.message)) {
      throw new ChecklistImportError([
        { message: `${TOO_COMPLEX}: it is nested too deeply to be read` },
      ]);
    }
    throw error;
  }
}

function parseValidatedText(text: string): TParsedTemplate {
  const repaired = repairMojibakeDetailed(text.replace(/^\ufeff/u, ''));
  const root = parseMarkdownTree(repaired.text);
  const listItemCount = countListItems(root);
  if (listItemCount === 0) {
    throw new ChecklistImportError([
      { message: "The file has no list items: a checklist needs at least one '- item' line" },
    ]);
  }

  const context: TParseContext = {
    definitions: collectDefinitions(root),
    damagedEmoji: repaired.damagedEmoji,
  };
  const draft = readStages(root, context);
  if (draft.stages.length === 0) {
    throw new ChecklistImportError([
      {
        message:
          "The file has no checklist items: its lists are empty or only a table of contents; a checklist needs at least one '- item' line",
      },
    ]);
  }
  // The schema check guards the contract shared with the API and the web app.
  return ZParsedTemplate.parse(assignKeys(draft));
}

function countListItems(root: Root): number {
  let count = 0;
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'listItem') count++;
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(root);
  return count;
}
