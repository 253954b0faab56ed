/** Helpers shared by the checklist tests (not exported from index.ts). */
import { expect } from 'vitest';
import { parseChecklistMarkdown } from './parse';
import type { TParsedItem, TParsedTemplate } from './schema';

/** Every item of a template, depth first, in document order. */
export function allItems(template: TParsedTemplate): TParsedItem[] {
  const items: TParsedItem[] = [];
  const visit = (list: readonly TParsedItem[]): void => {
    for (const item of list) {
      items.push(item);
      visit(item.children);
    }
  };
  for (const stage of template.stages) visit(stage.items);
  return items;
}

export function findItem(template: TParsedTemplate, key: string): TParsedItem {
  const item = allItems(template).find((candidate) => candidate.key === key);
  if (!item) throw new Error(`No item with key ${key}`);
  return item;
}

/** Parses a one-stage checklist and returns its items. */
export function itemsOf(list: string) {
  const template = parseChecklistMarkdown(`# Checklist\n\n## Stage\n\n${list}\n`);
  expect(template.stages).toHaveLength(1);
  return template.stages[0]!.items;
}
