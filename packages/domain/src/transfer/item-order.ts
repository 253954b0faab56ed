import type { TTransferItem, TTransferProject } from '../schemas/transfer';

/** A project's items in reading order: stage by stage, each parent followed by
 * its sub-items (by position), with each item's depth. */
export function orderedItems(
  project: Pick<TTransferProject, 'stages' | 'items'>,
): Array<{ item: TTransferItem; depth: number }> {
  const children = new Map<string, TTransferItem[]>();
  for (const item of project.items) {
    const parent = `${item.stageKey}\u0000${item.parentKey ?? ''}`;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const ordered: Array<{ item: TTransferItem; depth: number }> = [];
  const visit = (stageKey: string, parentKey: string, depth: number) => {
    for (const item of children.get(`${stageKey}\u0000${parentKey}`) ?? []) {
      ordered.push({ item, depth });
      visit(stageKey, item.key, depth + 1);
    }
  };
  for (const stage of project.stages) visit(stage.key, '', 0);
  return ordered;
}
