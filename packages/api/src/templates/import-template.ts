import { nextVersionLabel, storeTemplate } from '@shipshape/db';
import type { ZParsedTemplate, ZTemplateImportInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { ServiceArgs } from '../actor';
import { parseChecklistOrExplain } from './parse-checklist';

/** Imports a workspace's own checklist; with dryRun, only shows what would be stored. */
export async function importTemplate({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZTemplateImportInput>>): Promise<{
  template: z.infer<typeof ZParsedTemplate>;
  stored: { id: string; versionLabel: string; duplicate: boolean } | null;
}> {
  const parsed = await parseChecklistOrExplain(input.markdown);
  if (input.dryRun) return { template: parsed, stored: null };
  const versionLabel =
    input.versionLabel ?? (await nextVersionLabel(db, input.name, actor.workspaceId));
  const exists = await db.checklistTemplate.findFirst({
    where: { workspaceId: actor.workspaceId, name: input.name, versionLabel },
    select: { id: true },
  });
  if (exists) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `"${input.name}" already has a version ${versionLabel}.`,
    });
  }
  const stored = await storeTemplate(db, {
    name: input.name,
    versionLabel,
    sourceText: input.markdown,
    parsed,
    workspaceId: actor.workspaceId,
    importedById: actor.id,
    isDefault: input.makeDefault,
    onStored: (tx, templateId) =>
      recordActivity(tx, actor, {
        action: 'template.imported',
        entityType: 'template',
        entityId: templateId,
        after: { name: input.name, versionLabel, stages: parsed.stages.length },
      }),
  });
  return {
    template: parsed,
    stored: { id: stored.id, versionLabel: stored.versionLabel, duplicate: stored.duplicate },
  };
}
