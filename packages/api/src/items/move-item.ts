import type { Db } from '@shipshape/db';
import type { TItem, ZItemMoveInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { updateIfVersion } from '../versioned-update';
import { readItem } from './item-view';

/** Reorders an item among its siblings. */
export function moveItem({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZItemMoveInput>;
}): Promise<TItem> {
  return db.$transaction(async (tx) => {
    const item = await readItem(tx, input.itemId);
    await updateIfVersion(
      tx.projectItem,
      {
        id: input.itemId,
        expectedVersion: input.expectedVersion,
        data: {},
        entity: 'checklist item',
      },
      async () => item,
    );
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
    const after = await readItem(tx, input.itemId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: item.projectId,
      actorId: actor.id,
      action: 'item.moved',
      entityType: 'item',
      entityId: item.id,
      before: { position: item.position },
      after: { position: after.position },
    });
    return after;
  });
}
