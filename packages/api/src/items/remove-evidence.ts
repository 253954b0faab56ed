import type { TItem, ZEvidenceRemoveInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { notFound } from '../errors';
import { recordEvidenceChange } from './evidence-change';
import { bumpItemVersion } from './write-item';

/** Unlinks evidence from its item, on the item's version the caller read (which it bumps). */
export function removeEvidence({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZEvidenceRemoveInput>>): Promise<TItem> {
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidenceLink.findUnique({ where: { id: input.evidenceId } });
    if (!evidence) throw notFound('Evidence link');
    await bumpItemVersion(tx, evidence.itemId, input.expectedVersion);
    await tx.evidenceLink.delete({ where: { id: evidence.id } });
    return recordEvidenceChange(tx, actor, 'removed', evidence);
  });
}
