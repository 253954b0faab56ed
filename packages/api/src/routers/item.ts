import {
  ZEvidenceAddInput,
  ZEvidenceRemoveInput,
  ZItem,
  ZItemAddCustomInput,
  ZItemBulkUpdateInput,
  ZItemListInput,
  ZItemMineInput,
  ZItemMoveInput,
  ZItemRef,
  ZItemUpdateInput,
} from '@shipshape/domain';
import { z } from 'zod';
import { byItem, byProject, byWorkspace } from '../access';
import { member } from '../actor';
import { addCustomItem } from '../items/add-custom-item';
import { addEvidence } from '../items/add-evidence';
import { bulkUpdateItems } from '../items/bulk-update-items';
import { getItem, listItems, listMyItems } from '../items/list-items';
import { moveItem } from '../items/move-item';
import { removeEvidence } from '../items/remove-evidence';
import { updateItem } from '../items/update-item';
import { router, workspaceProcedure } from '../trpc';
import { outputOnce } from '../validated-output';

const ZMyItem = ZItem.extend({
  project: z.object({ id: z.string(), name: z.string() }),
  overdue: z.boolean(),
});

export const itemRouter = router({
  list: workspaceProcedure(ZItemListInput, 'VIEWER', byProject)
    .output(outputOnce(z.object({ items: z.array(ZItem), nextCursor: z.string().nullable() })))
    .query(({ ctx, input }) => listItems({ ...member(ctx), input })),

  get: workspaceProcedure(ZItemRef, 'VIEWER', byItem)
    .output(ZItem)
    .query(({ ctx, input }) => getItem({ db: ctx.db, input })),

  update: workspaceProcedure(ZItemUpdateInput, 'MEMBER', byItem)
    .output(ZItem)
    .mutation(({ ctx, input }) => updateItem({ ...member(ctx), input })),

  /** Assign or set status for many items at once: all of them or none. */
  bulkUpdate: workspaceProcedure(ZItemBulkUpdateInput, 'MEMBER', (input) => ({
    kind: 'item',
    id: input.itemIds[0]!,
  }))
    .output(z.object({ items: z.array(ZItem) }))
    .mutation(({ ctx, input }) => bulkUpdateItems({ ...member(ctx), input })),

  addCustom: workspaceProcedure(ZItemAddCustomInput, 'MEMBER', byProject)
    .output(ZItem)
    .mutation(({ ctx, input }) => addCustomItem({ ...member(ctx), input })),

  /** Reorders an item among its siblings. */
  move: workspaceProcedure(ZItemMoveInput, 'MEMBER', byItem)
    .output(ZItem)
    .mutation(({ ctx, input }) => moveItem({ ...member(ctx), input })),

  /** The caller's open items across the workspace's active projects, overdue first. */
  mine: workspaceProcedure(ZItemMineInput, 'VIEWER', byWorkspace)
    .output(z.object({ items: z.array(ZMyItem), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listMyItems({ ...member(ctx), input })),

  addEvidence: workspaceProcedure(ZEvidenceAddInput, 'MEMBER', byItem)
    .output(ZItem)
    .mutation(({ ctx, input }) => addEvidence({ ...member(ctx), input })),

  removeEvidence: workspaceProcedure(ZEvidenceRemoveInput, 'MEMBER', (input) => ({
    kind: 'evidence',
    id: input.evidenceId,
  }))
    .output(ZItem)
    .mutation(({ ctx, input }) => removeEvidence({ ...member(ctx), input })),
});
