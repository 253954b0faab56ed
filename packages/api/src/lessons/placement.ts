import type { Prisma } from '@shipshape/db';
import { fieldError } from './field-error';

/** Where in its project a lesson is filed. */
export interface Placement {
  stageId: string | null;
  stageKey: string | null;
  itemId: string | null;
}

type Tx = Pick<Prisma.TransactionClient, 'projectItem' | 'projectStage'>;

/**
 * Checks a requested stage and checklist item against the lesson's project
 * and answers the columns to store (nothing when neither is being changed).
 *
 * - `stageKey` must be a stage of the project; `itemId` an item of it.
 * - An item pins the stage: given an item without a stage, the lesson takes the
 *   item's stage; given both, the item must be in that stage.
 * - `null` clears; `undefined` keeps what `current` has (null on create).
 */
export async function resolvePlacement(
  tx: Tx,
  projectId: string,
  change: { stageKey?: string | null; itemId?: string | null },
  current: Placement | null,
): Promise<Partial<Placement>> {
  if (change.stageKey === undefined && change.itemId === undefined) return {};

  const itemId = change.itemId !== undefined ? change.itemId : (current?.itemId ?? null);
  const item = itemId
    ? await tx.projectItem.findFirst({
        where: { id: itemId, projectId },
        select: { id: true, stage: { select: { id: true, key: true } } },
      })
    : null;
  if (itemId && !item) throw fieldError('itemId', 'must be a checklist item of this project.');

  let stage: { id: string | null; key: string | null };
  if (change.stageKey !== undefined) {
    if (change.stageKey === null) {
      stage = { id: null, key: null };
    } else {
      const found = await tx.projectStage.findUnique({
        where: { projectId_key: { projectId, key: change.stageKey } },
        select: { id: true, key: true },
      });
      if (!found) {
        throw fieldError(
          'stageKey',
          `must be a stage of this project; it has no stage "${change.stageKey}".`,
        );
      }
      stage = found;
    }
  } else if (item) {
    // A new item and no word on the stage: the item's stage.
    stage = item.stage;
  } else {
    stage = { id: current?.stageId ?? null, key: current?.stageKey ?? null };
  }

  if (item && stage.key !== item.stage.key) {
    throw fieldError(
      'itemId',
      `must be an item of ${stage.key ? `stage "${stage.key}"` : 'the lesson’s stage'}; it is in stage "${item.stage.key}".`,
    );
  }
  return { stageId: stage.id, stageKey: stage.key, itemId: item?.id ?? null };
}
