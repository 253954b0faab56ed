import { z } from 'zod';
import { ZExpectedVersion, ZId } from './common';

export const ZItemStatus = z.enum(['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'NOT_APPLICABLE']);
export const ZEvidenceKind = z.enum([
  'EXPERIMENT_RUN',
  'COMMIT',
  'PULL_REQUEST',
  'DATASET_VERSION',
  'DOCUMENT',
  'OTHER',
]);

/** A calendar date, as people pick due dates: 2027-01-31. */
export const ZCalendarDate = z.iso.date({ message: 'must be a date like 2027-01-31' });
const ZReason = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000, 'must be at most 2000 characters');
const ZNotes = z.string().max(20_000, 'must be at most 20000 characters');

export const ZItemRef = z.strictObject({ itemId: ZId });

export const ZItemListInput = z.strictObject({
  projectId: ZId,
  stageKey: z.string().min(1).max(120).optional(),
  assigneeId: ZId.optional(),
  status: ZItemStatus.optional(),
  overdue: z.boolean().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ZItemUpdateInput = z.strictObject({
  itemId: ZId,
  expectedVersion: ZExpectedVersion,
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
  stageKey: z.string().min(1).max(120),
  parentId: ZId.optional(),
  title: z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  body: z.string().max(20_000).optional(),
});

export const ZItemMoveInput = z.strictObject({
  itemId: ZId,
  expectedVersion: ZExpectedVersion,
  /** The new 0-based place among its siblings. */
  position: z.number().int().min(0).max(10_000),
});

export const ZItemMineInput = z.strictObject({
  workspaceId: ZId,
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZEvidenceAddInput = z.strictObject({
  itemId: ZId,
  kind: ZEvidenceKind,
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(2000),
  label: z.string().trim().min(1, 'is required').max(300),
});

export const ZEvidenceRef = z.strictObject({ evidenceId: ZId });

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
  body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
});
export const ZCommentListInput = z.strictObject({
  itemId: ZId,
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZCommentEditInput = z.strictObject({
  commentId: ZId,
  expectedVersion: ZExpectedVersion,
  body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
});
export const ZCommentRef = z.strictObject({ commentId: ZId });

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
