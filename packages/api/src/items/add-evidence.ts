import type { TItem, ZEvidenceAddInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { recordEvidenceChange } from './evidence-change';
import { bumpItemVersion } from './write-item';

/** Links evidence to an item, on the item's version the caller read (which it bumps). */
export function addEvidence({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZEvidenceAddInput>>): Promise<TItem> {
  return db.$transaction(async (tx) => {
    await bumpItemVersion(tx, input.itemId, input.expectedVersion);
    const evidence = await tx.evidenceLink.create({
      data: {
        itemId: input.itemId,
        kind: input.kind,
        url: input.url,
        label: input.label,
        createdById: actor.id,
      },
    });
    return recordEvidenceChange(tx, actor, 'added', evidence);
  });
}
