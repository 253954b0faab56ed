import type { TDraftItem } from './items';
import {
  KeyAllocator,
  MAX_ITEM_KEY_LENGTH,
  MAX_STAGE_KEY_LENGTH,
  fitKey,
  itemSlug,
  stageKeyBase,
} from './keys';
import type { TParsedItem, TParsedStage, TParsedTemplate } from './schema';
import type { TDraftTemplate } from './stages';

/**
 * Gives every stage and item its key. Item keys are paths: `stage/item`, `stage/parent/child`,
 * so they are unique within a template and readable; duplicates get `-2`, `-3` in document order.
 */
export function assignKeys(draft: TDraftTemplate): TParsedTemplate {
  const stageKeys = new KeyAllocator(MAX_STAGE_KEY_LENGTH);
  const itemKeys = new KeyAllocator(MAX_ITEM_KEY_LENGTH);

  const toItem = (item: TDraftItem, parentPath: string): TParsedItem => {
    const key = itemKeys.claim(
      fitKey(`${parentPath}/${itemSlug(item.title)}`, MAX_ITEM_KEY_LENGTH),
    );
    const parsed: TParsedItem = {
      key,
      title: item.title,
      links: item.links,
      children: item.children.map((child) => toItem(child, key)),
    };
    if (item.body) parsed.body = item.body;
    if (item.options) parsed.options = item.options;
    return parsed;
  };

  const stages = draft.stages.map((stage): TParsedStage => {
    const key = stageKeys.claim(stageKeyBase(stage.title));
    const parsed: TParsedStage = {
      key,
      title: stage.title,
      items: stage.items.map((item) => toItem(item, key)),
    };
    if (stage.description) parsed.description = stage.description;
    return parsed;
  });
  return { title: draft.title, stages };
}
