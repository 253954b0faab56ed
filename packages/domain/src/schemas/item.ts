import { z } from 'zod';
import {
  ZCalendarDate,
  ZCursor,
  ZExpectedVersion,
  ZId,
  ZPageSize,
  ZUserText,
  ZVersionedRef,
  isStorableText,
} from './common';
import { ZEvidenceKind, ZItemStatus } from './enums';

export { ZEvidenceKind, ZItemStatus };

const ZReason = ZUserText(2000, { min: 1 });
const ZNotes = ZUserText(20_000, { trim: false });
const ZStageKey = ZUserText(120, { min: 1, trim: false });
const ZCommentBody = ZUserText(10_000, { min: 1 });

export const ZItemRef = z.strictObject({ itemId: ZId });

export const ZItemListInput = z.strictObject({
  projectId: ZId,
  stageKey: ZStageKey.optional(),
  assigneeId: ZId.optional(),
  status: ZItemStatus.optional(),
  overdue: z.boolean().optional(),
  cursor: ZCursor,
  limit: z.number().int().min(1).max(500).default(200),
});

export const ZItemUpdateInput = ZVersionedRef('itemId').extend({
  status: ZItemStatus.optional(),
  assigneeId: ZId.nullable().optional(),
  dueDate: ZCalendarDate.nullable().optional(),
  notes: ZNotes.nullable().optional(),
  notApplicableReason: ZReason.optional(),
  /** Marking a parent DONE while sub-items are open needs saying so. */
  allowOpenChildren: z.boolean().optional(),
});

export const ZItemBulkUpdateInput = z
  .strictObject({
    itemIds: z.array(ZId).min(1, 'needs at least one item').max(500, 'at most 500 items at once'),
    expectedVersions: z.array(ZExpectedVersion).min(1).max(500),
    status: ZItemStatus.optional(),
    assigneeId: ZId.nullable().optional(),
    dueDate: ZCalendarDate.nullable().optional(),
    notApplicableReason: ZReason.optional(),
    allowOpenChildren: z.boolean().optional(),
  })
  .refine((input) => input.itemIds.length === input.expectedVersions.length, {
    message: 'must have one expected version per item',
    path: ['expectedVersions'],
  })
  .refine((input) => new Set(input.itemIds).size === input.itemIds.length, {
    message: 'must not repeat an item',
    path: ['itemIds'],
  });

export const ZItemAddCustomInput = z.strictObject({
  projectId: ZId,
  stageKey: ZStageKey,
  parentId: ZId.optional(),
  title: ZUserText(1000, { min: 1 }),
  body: ZUserText(20_000, { trim: false }).optional(),
});

export const ZItemMoveInput = ZVersionedRef('itemId').extend({
  /** The new 0-based place among its siblings. */
  position: z.number().int().min(0).max(10_000),
});

export const ZItemMineInput = z.strictObject({
  workspaceId: ZId,
  cursor: ZCursor,
  limit: z.number().int().min(1).max(200).default(50),
});

/** Evidence belongs to its item: adding or removing it changes the item, so
 * both need the item's version the caller read (and bump it). */
export const ZEvidenceAddInput = ZVersionedRef('itemId').extend({
  kind: ZEvidenceKind,
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) link' })
    .max(2000)
    .refine(isStorableText, 'must be an http(s) link'),
  label: ZUserText(300, { min: 1 }),
});

/** `expectedVersion` is the evidence's item's version. */
export const ZEvidenceRemoveInput = ZVersionedRef('evidenceId');

const ZLink = z.object({ label: z.string(), url: z.string() });

export const ZItem = z.object({
  id: ZId,
  projectId: ZId,
  stageKey: z.string(),
  parentId: ZId.nullable(),
  templateItemId: ZId.nullable(),
  key: z.string(),
  position: z.number().int(),
  depth: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  links: z.array(ZLink),
  toolOptions: z.array(z.string()),
  isCustom: z.boolean(),
  removedFromTemplate: z.boolean(),
  status: ZItemStatus,
  notApplicableReason: z.string().nullable(),
  assignee: z.object({ id: ZId, name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  notes: z.string().nullable(),
  completedAt: z.date().nullable(),
  completedBy: z.object({ id: ZId, name: z.string() }).nullable(),
  evidence: z.array(
    z.object({
      id: ZId,
      kind: ZEvidenceKind,
      url: z.string(),
      label: z.string(),
      createdAt: z.date(),
    }),
  ),
  commentCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.date(),
});
export type TItem = z.infer<typeof ZItem>;

export const ZCommentAddInput = z.strictObject({
  itemId: ZId,
  body: ZCommentBody,
});
export const ZCommentListInput = z.strictObject({
  itemId: ZId,
  cursor: ZCursor,
  limit: ZPageSize,
});
export const ZCommentEditInput = ZVersionedRef('commentId').extend({ body: ZCommentBody });
export const ZCommentDeleteInput = ZVersionedRef('commentId');

export const ZComment = z.object({
  id: ZId,
  itemId: ZId,
  author: z.object({ id: ZId, name: z.string() }).nullable(),
  /** Null once deleted: the thread keeps its shape. */
  body: z.string().nullable(),
  deleted: z.boolean(),
  editedAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});
