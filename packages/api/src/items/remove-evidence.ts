import type { Db } from '@shipshape/db';
import type { TItem, ZEvidenceRemoveInput } from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { updateIfVersion } from '../versioned-update';
import { readItem } from './item-view';

/** Unlinks evidence from its item, on the item's version the caller read (which it bumps). */
export function removeEvidence({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZEvidenceRemoveInput>;
}): Promise<TItem> {
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidenceLink.findUnique({ where: { id: input.evidenceId } });
    if (!evidence) throw notFound('Evidence link');
    await updateIfVersion(
      tx.projectItem,
      {
        id: evidence.itemId,
        expectedVersion: input.expectedVersion,
        data: {},
        entity: 'checklist item',
      },
      () => readItem(tx, evidence.itemId),
    );
    await tx.evidenceLink.delete({ where: { id: evidence.id } });
    const item = await readItem(tx, evidence.itemId);
    await recordActivity(tx, {
      workspaceId: actor.workspaceId,
      projectId: item.projectId,
      actorId: actor.id,
      action: 'evidence.removed',
      entityType: 'evidence',
      entityId: evidence.id,
      before: { itemId: item.id, kind: evidence.kind, url: evidence.url, label: evidence.label },
    });
    return item;
  });
}
