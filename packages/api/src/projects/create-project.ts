import { slugFromName, type TProject, type ZProjectCreateInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { withFreeSlug } from '../free-slug';
import { readAndRecord } from '../recorded-change';
import { defaultTemplateFor, findVisibleTemplate } from '../templates/find-template';
import { instantiateChecklist } from './instantiate-checklist';
import { projectRows } from './project-view';

const slugOptions = { chosen: false, exhausted: 'Could not find a free project slug; rename it.' };

/** A project with its checklist copied from the chosen (or default) template,
 * at its first stage; a taken slug gets a number appended. */
export async function createProject({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZProjectCreateInput>>): Promise<TProject> {
  const template = input.templateId
    ? await findVisibleTemplate(db, actor.workspaceId, input.templateId)
    : await defaultTemplateFor(db, actor.workspaceId);
  return withFreeSlug(slugFromName(input.name), slugOptions, (slug) =>
    db.$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          workspaceId: actor.workspaceId,
          name: input.name,
          slug,
          description: input.description ?? null,
          templateId: template.id,
          phase: input.phase,
          approach: input.approach ?? null,
          inference: input.inference ?? null,
          createdById: actor.id,
        },
        select: { id: true },
      });
      const copied = await instantiateChecklist(tx, {
        workspaceId: actor.workspaceId,
        projectId: project.id,
        templateId: template.id,
      });
      const first = await tx.projectStage.findFirst({
        where: { projectId: project.id },
        orderBy: { position: 'asc' },
        select: { id: true },
      });
      if (first) {
        await tx.project.update({
          where: { id: project.id },
          data: { currentStageId: first.id },
        });
      }
      return readAndRecord(tx, actor, projectRows, {
        id: project.id,
        action: 'project.created',
        recorded: (created) => ({ after: { ...created, checklist: copied } }),
      });
    }),
  );
}
