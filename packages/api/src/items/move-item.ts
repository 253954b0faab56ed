import type { TItem, ZItemMoveInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { readAndRecord, recordFields } from '../recorded-change';
import { itemRows, readItem } from './item-view';
import { bumpItemVersion } from './write-item';

/** Reorders an item among its siblings. */
export function moveItem({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZItemMoveInput>>): Promise<TItem> {
  return db.$transaction(async (tx) => {
    const item = await readItem(tx, input.itemId);
    await bumpItemVersion(tx, input.itemId, input.expectedVersion);
    const siblings = await tx.projectItem.findMany({
      where: { projectId: item.projectId, stage: { key: item.stageKey }, parentId: item.parentId },
      select: { id: true },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
    const order = siblings.map((s) => s.id).filter((id) => id !== item.id);
    order.splice(Math.min(input.position, order.length), 0, item.id);
    await tx.$executeRaw`
      UPDATE project_items p SET position = v.position - 1
        FROM unnest(${order}::uuid[]) WITH ORDINALITY AS v(id, position)
       WHERE p.id = v.id AND p.position <> v.position - 1`;
    return readAndRecord(tx, actor, itemRows, {
      id: item.id,
      action: 'item.moved',
      recorded: (after) => recordFields('position')(item, after),
    });
  });
}
