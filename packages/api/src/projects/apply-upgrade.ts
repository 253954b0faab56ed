import type { TProject, ZUpgradeApplyInput } from '@shipshape/domain';
import { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { readAndRecord } from '../recorded-change';
import { findVisibleTemplate } from '../templates/find-template';
import { updateIfVersion } from '../versioned-update';
import { projectRows, readProject } from './project-view';
import { applyProjectUpgrade, type UpgradeSummary } from './upgrade-project';

export const ZUpgradeSummary = z.object({
  matched: z.number(),
  uncertain: z.number(),
  added: z.number(),
  removed: z.number(),
  kept: z.number(),
});

/** Moves the project to another template version, on the version the caller read. */
export async function applyUpgrade({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZUpgradeApplyInput>>): Promise<{
  project: TProject;
  summary: UpgradeSummary;
}> {
  const target = await findVisibleTemplate(db, actor.workspaceId, input.templateId);
  return db.$transaction(
    async (tx) => {
      const before = await readProject(tx, input.projectId);
      // Bumping the version first also locks the project row, so two
      // upgrades (or an upgrade and an edit) cannot interleave.
      await updateIfVersion(
        tx.project,
        {
          id: input.projectId,
          expectedVersion: input.expectedVersion,
          data: { templateId: target.id },
          entity: 'project',
        },
        async () => before,
      );
      const summary = await applyProjectUpgrade(tx, {
        workspaceId: actor.workspaceId,
        projectId: input.projectId,
        target,
      });
      const project = await readAndRecord(tx, actor, projectRows, {
        id: input.projectId,
        action: 'project.upgraded',
        recorded: (after) => ({
          before: { template: before.template },
          after: { template: after.template, ...summary },
        }),
      });
      return { project, summary };
    },
    { timeout: 60_000 },
  );
}
