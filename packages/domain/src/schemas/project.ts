import { z } from 'zod';
import { ZCursor, ZExpectedVersion, ZId, ZPageSize, ZUserText, ZVersionedRef } from './common';
import { ZInferenceMode, ZProjectApproach, ZProjectPhase } from './enums';

export { ZInferenceMode, ZProjectApproach, ZProjectPhase };

const ZProjectName = ZUserText(200, { min: 1 });
const ZDescription = ZUserText(5000);

export const ZProjectCreateInput = z.strictObject({
  workspaceId: ZId,
  name: ZProjectName,
  description: ZDescription.optional(),
  /** Omitted: the workspace's default template (the built-in v2 checklist). */
  templateId: ZId.optional(),
  phase: ZProjectPhase.default('POC'),
  approach: ZProjectApproach.optional(),
  inference: ZInferenceMode.optional(),
});

export const ZProjectRef = z.strictObject({ projectId: ZId });

export const ZProjectListInput = z.strictObject({
  workspaceId: ZId,
  archived: z.boolean().default(false),
  search: ZUserText(200).optional(),
  cursor: ZCursor,
  limit: ZPageSize,
});

export const ZProjectUpdateInput = ZVersionedRef('projectId').extend({
  name: ZProjectName.optional(),
  description: ZDescription.nullable().optional(),
  phase: ZProjectPhase.optional(),
  approach: ZProjectApproach.nullable().optional(),
  inference: ZInferenceMode.nullable().optional(),
});

export const ZProjectSetStageInput = ZVersionedRef('projectId').extend({
  stageKey: ZUserText(120, { min: 1, trim: false }),
});

export const ZProjectArchiveInput = ZVersionedRef('projectId');

export const ZUpgradeInput = z.strictObject({
  projectId: ZId,
  templateId: ZId,
});

export const ZUpgradeApplyInput = ZUpgradeInput.extend({
  expectedVersion: ZExpectedVersion,
});

export const ZProject = z.object({
  id: ZId,
  workspaceId: ZId,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  template: z.object({ id: ZId, name: z.string(), versionLabel: z.string() }).nullable(),
  currentStageKey: z.string().nullable(),
  phase: ZProjectPhase,
  approach: ZProjectApproach.nullable(),
  inference: ZInferenceMode.nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TProject = z.infer<typeof ZProject>;
