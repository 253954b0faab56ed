import { z } from 'zod';
import { CHECKLIST_LIMITS } from '../checklist/schema';
import { ZId, ZUserText, isStorableText } from './common';

export const ZTemplateRef = z.strictObject({ workspaceId: ZId, templateId: ZId });

export const ZTemplateImportInput = z.strictObject({
  workspaceId: ZId,
  name: ZUserText(200, { min: 1 }),
  versionLabel: ZUserText(50, { min: 1 }).optional(),
  markdown: z
    .string()
    .min(1, 'is required')
    .max(CHECKLIST_LIMITS.maxInputBytes, 'must be at most 5 MB')
    .refine(isStorableText, 'must not contain control characters such as NUL'),
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
