import type { TFlatItem, TParsedItem, TParsedTemplate } from './schema';

/**
 * All items of a template in document order (parents before their children), with what a bulk
 * insert needs: stage, parent, depth and position among siblings.
 */
export function flattenTemplate(template: TParsedTemplate): TFlatItem[] {
  const rows: TFlatItem[] = [];
  for (const stage of template.stages) {
    const visit = (
      items: readonly TParsedItem[],
      parentKey: string | null,
      depth: number,
    ): void => {
      items.forEach((item, position) => {
        rows.push({
          key: item.key,
          stageKey: stage.key,
          parentKey,
          depth,
          position,
          title: item.title,
          body: item.body ?? null,
          links: item.links,
          options: item.options ?? [],
        });
        visit(item.children, item.key, depth + 1);
      });
    };
    visit(stage.items, null, 0);
  }
  return rows;
}
