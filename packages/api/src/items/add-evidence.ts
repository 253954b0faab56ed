import type { Db } from '@shipshape/db';
import type { TItem, ZEvidenceAddInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { updateIfVersion } from '../versioned-update';
import { readItem } from './item-view';

/** Links evidence to an item, on the item's version the caller read (which it bumps). */
export function addEvidence({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZEvidenceAddInput>;
}): Promise<TItem> {
  return db.$transaction(async (tx) => {
    await updateIfVersion(
      tx.projectItem,
      {
        id: input.itemId,
        expectedVersion: input.expectedVersion,
        data: {},
        entity: 'checklist item',
      },
      () => readItem(tx, input.itemId),
    );
    const evidence = await tx.evidenceLink.create({
      data: {
        itemId: input.itemId,
        kind: input.kind,
        url: input.url,
        label: input.label,
        createdById: actor.id,
      },
    });
    const item = await readItem(tx, input.itemId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: item.projectId,
      actorId: actor.id,
      action: 'evidence.added',
      entityType: 'evidence',
      entityId: evidence.id,
      after: { itemId: item.id, kind: input.kind, url: input.url, label: input.label },
    });
    return item;
  });
}
