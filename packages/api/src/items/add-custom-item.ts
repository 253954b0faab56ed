import type { TItem, ZItemAddCustomInput } from '@shipshape/domain';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { badRequest } from '../errors';
import { readAndRecord } from '../recorded-change';
import { itemRows } from './item-view';

/** A team's own item, last among its siblings (at the top of a stage, or under a parent). */
export function addCustomItem({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZItemAddCustomInput>>): Promise<TItem> {
  return db.$transaction(async (tx) => {
    const stage = await tx.projectStage.findUnique({
      where: { projectId_key: { projectId: input.projectId, key: input.stageKey } },
      select: { id: true },
    });
    if (!stage) throw badRequest(`This project has no stage "${input.stageKey}".`);
    let depth = 0;
    if (input.parentId) {
      const parent = await tx.projectItem.findFirst({
        where: { id: input.parentId, projectId: input.projectId, stageId: stage.id },
        select: { depth: true },
      });
      if (!parent) throw badRequest('The parent item must be in the same project and stage.');
      depth = parent.depth + 1;
    }
    const last = await tx.projectItem.aggregate({
      where: { projectId: input.projectId, stageId: stage.id, parentId: input.parentId ?? null },
      _max: { position: true },
    });
    const created = await tx.projectItem.create({
      data: {
        workspaceId: actor.workspaceId,
        projectId: input.projectId,
        stageId: stage.id,
        parentId: input.parentId ?? null,
        key: `${input.stageKey}/custom-${randomBytes(5).toString('hex')}`,
        position: (last._max.position ?? -1) + 1,
        depth,
        title: input.title,
        bodyMarkdown: input.body ?? null,
        isCustom: true,
      },
      select: { id: true },
    });
    return readAndRecord(tx, actor, itemRows, {
      id: created.id,
      action: 'item.created',
      recorded: (item) => ({
        after: { title: item.title, stageKey: item.stageKey, parentId: item.parentId },
      }),
    });
  });
}
