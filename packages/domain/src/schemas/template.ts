import { z } from 'zod';
import { CHECKLIST_LIMITS } from '../checklist/schema';
import { ZId } from './common';

export const ZTemplateRef = z.strictObject({ workspaceId: ZId, templateId: ZId });

export const ZTemplateImportInput = z.strictObject({
  workspaceId: ZId,
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  versionLabel: z.string().trim().min(1).max(50, 'must be at most 50 characters').optional(),
  markdown: z
    .string()
    .min(1, 'is required')
    .max(CHECKLIST_LIMITS.maxInputBytes, 'must be at most 5 MB'),
  /** Parse and show what would be stored, without storing it. */
  dryRun: z.boolean().default(false),
  makeDefault: z.boolean().default(false),
});

export const ZTemplateDiffInput = z.strictObject({
  workspaceId: ZId,
  fromTemplateId: ZId,
  toTemplateId: ZId,
});

export const ZTemplateSummary = z.object({
  id: ZId,
  name: z.string(),
  versionLabel: z.string(),
  isDefault: z.boolean(),
  builtIn: z.boolean(),
  createdAt: z.date(),
  stageCount: z.number().int(),
  itemCount: z.number().int(),
});
export type TTemplateSummary = z.infer<typeof ZTemplateSummary>;
