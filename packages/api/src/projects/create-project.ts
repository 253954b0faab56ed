import { Prisma, type Db } from '@shipshape/db';
import { slugFromName, type TProject, type ZProjectCreateInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { Actor } from '../actor';
import { defaultTemplateFor, findVisibleTemplate } from '../templates/find-template';
import { instantiateChecklist } from './instantiate-checklist';
import { readProject } from './project-view';

/** A project with its checklist copied from the chosen (or default) template,
 * at its first stage; a taken slug gets a number appended. */
export async function createProject({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Pick<Actor, 'id' | 'workspaceId'>;
  input: z.infer<typeof ZProjectCreateInput>;
}): Promise<TProject> {
  const template = input.templateId
    ? await findVisibleTemplate(db, actor.workspaceId, input.templateId)
    : await defaultTemplateFor(db, actor.workspaceId);
  const base = slugFromName(input.name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      return await db.$transaction(async (tx) => {
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
        const created = await readProject(tx, project.id);
        await recordActivity(tx, {
          workspaceId: actor.workspaceId,
          projectId: project.id,
          actorId: actor.id,
          action: 'project.created',
          entityType: 'project',
          entityId: project.id,
          after: { ...created, checklist: copied },
        });
        return created;
      });
    } catch (error) {
      const slugTaken =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!slugTaken) throw error;
    }
  }
  throw new TRPCError({
    code: 'CONFLICT',
    message: 'Could not find a free project slug; rename it.',
  });
}
