import {
  ZProject,
  ZProjectArchiveInput,
  ZProjectCreateInput,
  ZProjectListInput,
  ZProjectRef,
  ZProjectSetStageInput,
  ZProjectUpdateInput,
  ZUpgradeApplyInput,
  ZUpgradeInput,
  flattenTemplate,
  slugFromName,
  type TProject,
} from '@shipshape/domain';
import { Prisma } from '@shipshape/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { recordActivity } from '../activity';
import type { MemberContext } from '../context';
import { badRequest } from '../errors';
import { instantiateChecklist } from '../projects/instantiate-checklist';
import { projectSelect, toProject } from '../projects/project-view';
import { applyProjectUpgrade, planProjectUpgrade } from '../projects/upgrade-project';
import { defaultTemplateFor, findVisibleTemplate } from '../templates/find-template';
import { pageArgs, toPage } from '../pagination';
import { router, workspaceProcedure } from '../trpc';
import { updateIfVersion } from '../versioned-update';
import { byProject, byWorkspace } from '../access';

const ZUpgradePreview = z.object({
  from: z.object({ templateId: z.string().nullable(), versionLabel: z.string().nullable() }),
  to: z.object({ templateId: z.string(), name: z.string(), versionLabel: z.string() }),
  matched: z.array(
    z.object({
      itemId: z.string(),
      title: z.string(),
      targetKey: z.string(),
      targetTitle: z.string(),
      confidence: z.number(),
      uncertain: z.boolean(),
      by: z.enum(['key', 'title']),
    }),
  ),
  added: z.array(z.object({ targetKey: z.string(), stageKey: z.string(), title: z.string() })),
  removed: z.array(
    z.object({ itemId: z.string(), key: z.string(), title: z.string(), keep: z.boolean() }),
  ),
});

async function readProject(db: Prisma.TransactionClient, projectId: string) {
  return toProject(
    await db.project.findUniqueOrThrow({ where: { id: projectId }, select: projectSelect }),
  );
}

export const projectRouter = router({
  create: workspaceProcedure(ZProjectCreateInput, 'MEMBER', byWorkspace)
    .output(ZProject)
    .mutation(async ({ ctx, input }) => {
      const template = input.templateId
        ? await findVisibleTemplate(ctx.db, ctx.workspaceId, input.templateId)
        : await defaultTemplateFor(ctx.db, ctx.workspaceId);
      const base = slugFromName(input.name);
      for (let attempt = 0; attempt < 20; attempt++) {
        const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
        try {
          return await ctx.db.$transaction(async (tx) => {
            const project = await tx.project.create({
              data: {
                workspaceId: ctx.workspaceId,
                name: input.name,
                slug,
                description: input.description ?? null,
                templateId: template.id,
                phase: input.phase,
                approach: input.approach ?? null,
                inference: input.inference ?? null,
                createdById: ctx.user.id,
              },
              select: { id: true },
            });
            const copied = await instantiateChecklist(tx, {
              workspaceId: ctx.workspaceId,
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
              workspaceId: ctx.workspaceId,
              projectId: project.id,
              actorId: ctx.user.id,
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
    }),

  list: workspaceProcedure(ZProjectListInput, 'VIEWER', byWorkspace)
    .output(z.object({ items: z.array(ZProject), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.project.findMany({
        where: {
          workspaceId: ctx.workspaceId,
          archived: input.archived,
          ...(input.search
            ? { name: { contains: input.search, mode: 'insensitive' as const } }
            : {}),
        },
        select: projectSelect,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        ...pageArgs(input),
      });
      return toPage(rows, input.limit, toProject);
    }),

  get: workspaceProcedure(ZProjectRef, 'VIEWER', byProject)
    .output(ZProject)
    .query(({ ctx, input }) => readProject(ctx.db, input.projectId)),

  update: workspaceProcedure(ZProjectUpdateInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => {
      const { projectId, expectedVersion, ...changes } = input;
      return changeProject(ctx, {
        projectId,
        expectedVersion,
        data: changes,
        action: 'project.updated',
      });
    }),

  archive: workspaceProcedure(ZProjectArchiveInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => setArchived(ctx, input, true)),

  unarchive: workspaceProcedure(ZProjectArchiveInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(({ ctx, input }) => setArchived(ctx, input, false)),

  setStage: workspaceProcedure(ZProjectSetStageInput, 'MEMBER', byProject)
    .output(ZProject)
    .mutation(async ({ ctx, input }) => {
      const stage = await ctx.db.projectStage.findUnique({
        where: { projectId_key: { projectId: input.projectId, key: input.stageKey } },
        select: { id: true },
      });
      if (!stage) throw badRequest(`This project has no stage "${input.stageKey}".`);
      return changeProject(ctx, {
        projectId: input.projectId,
        expectedVersion: input.expectedVersion,
        data: { currentStageId: stage.id },
        action: 'project.stage_changed',
        recorded: (project) => ({ currentStageKey: project.currentStageKey }),
      });
    }),

  upgradePreview: workspaceProcedure(ZUpgradeInput, 'VIEWER', byProject)
    .output(ZUpgradePreview)
    .query(async ({ ctx, input }) => {
      const target = await findVisibleTemplate(ctx.db, ctx.workspaceId, input.templateId);
      const project = await readProject(ctx.db, input.projectId);
      const { plan, items, parsed } = await planProjectUpgrade(ctx.db, input.projectId, target);
      const titleOf = new Map(items.map((item) => [item.id, item.title]));
      const targetTitle = new Map(flattenTemplate(parsed).map((item) => [item.key, item.title]));
      return {
        from: {
          templateId: project.template?.id ?? null,
          versionLabel: project.template?.versionLabel ?? null,
        },
        to: { templateId: target.id, name: target.name, versionLabel: target.versionLabel },
        matched: plan.matched.map((m) => ({
          itemId: m.id,
          title: titleOf.get(m.id) ?? '',
          targetKey: m.targetKey,
          targetTitle: targetTitle.get(m.targetKey) ?? '',
          confidence: m.confidence,
          uncertain: m.uncertain,
          by: m.by,
        })),
        added: plan.added.map((a) => ({
          targetKey: a.targetKey,
          stageKey: a.stageKey,
          title: a.title,
        })),
        removed: plan.removed.map((r) => ({
          itemId: r.id,
          key: r.key,
          title: r.title,
          keep: r.keep,
        })),
      };
    }),

  upgradeApply: workspaceProcedure(ZUpgradeApplyInput, 'MEMBER', byProject)
    .output(
      z.object({
        project: ZProject,
        summary: z.object({
          matched: z.number(),
          uncertain: z.number(),
          added: z.number(),
          removed: z.number(),
          kept: z.number(),
        }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const target = await findVisibleTemplate(ctx.db, ctx.workspaceId, input.templateId);
      return ctx.db.$transaction(
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
            workspaceId: ctx.workspaceId,
            projectId: input.projectId,
            target,
          });
          const project = await readProject(tx, input.projectId);
          await recordActivity(tx, {
            workspaceId: ctx.workspaceId,
            projectId: input.projectId,
            actorId: ctx.user.id,
            action: 'project.upgraded',
            entityType: 'project',
            entityId: input.projectId,
            before: { template: before.template },
            after: { template: project.template, ...summary },
          });
          return { project, summary };
        },
        { timeout: 60_000 },
      );
    }),
});

function setArchived(
  ctx: MemberContext,
  input: { projectId: string; expectedVersion: number },
  archived: boolean,
) {
  return changeProject(ctx, {
    ...input,
    data: { archived, archivedAt: archived ? new Date() : null },
    action: archived ? 'project.archived' : 'project.unarchived',
    recorded: (project) => ({ archived: project.archived }),
  });
}

/**
 * The one way a project's own fields change: optimistic on its version, and
 * recorded in the activity log (all of it, or the part `recorded` picks) in
 * the same transaction.
 */
async function changeProject(
  ctx: MemberContext,
  change: {
    projectId: string;
    expectedVersion: number;
    data: Prisma.ProjectUncheckedUpdateManyInput;
    action: string;
    recorded?: (project: TProject) => unknown;
  },
): Promise<TProject> {
  const recorded = change.recorded ?? ((project: TProject) => project);
  return ctx.db.$transaction(async (tx) => {
    const before = await readProject(tx, change.projectId);
    await updateIfVersion(
      tx.project,
      {
        id: change.projectId,
        expectedVersion: change.expectedVersion,
        data: change.data,
        entity: 'project',
      },
      async () => before,
    );
    const after = await readProject(tx, change.projectId);
    await recordActivity(tx, {
      workspaceId: ctx.workspaceId,
      projectId: change.projectId,
      actorId: ctx.user.id,
      action: change.action,
      entityType: 'project',
      entityId: change.projectId,
      before: recorded(before),
      after: recorded(after),
    });
    return after;
  });
}
