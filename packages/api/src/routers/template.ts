import {
  ZParsedTemplate,
  ZTemplateDiffInput,
  ZTemplateImportInput,
  ZTemplateRef,
  ZTemplateSummary,
  ZWorkspaceRef,
  buildTree,
  diffTemplates,
} from '@shipshape/domain';
import { nextVersionLabel, storeTemplate } from '@shipshape/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { recordActivity } from '../activity';
import { findVisibleTemplate } from '../templates/find-template';
import { parseChecklistOrExplain } from '../templates/parse-checklist';
import { router, workspaceProcedure } from '../trpc';
import { byWorkspace } from '../access';

const ZLink = z.object({ label: z.string(), url: z.string() });
type TemplateItemNode = {
  id: string;
  key: string;
  title: string;
  body: string | null;
  links: Array<z.infer<typeof ZLink>>;
  options: string[];
  children: TemplateItemNode[];
};
const ZTemplateItemNode: z.ZodType<TemplateItemNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    links: z.array(ZLink),
    options: z.array(z.string()),
    children: z.array(ZTemplateItemNode),
  }),
);

export const templateRouter = router({
  list: workspaceProcedure(ZWorkspaceRef, 'VIEWER', byWorkspace)
    .output(z.array(ZTemplateSummary))
    .query(async ({ ctx }) => {
      const templates = await ctx.db.checklistTemplate.findMany({
        where: { OR: [{ workspaceId: null }, { workspaceId: ctx.workspaceId }] },
        select: {
          id: true,
          name: true,
          versionLabel: true,
          isDefault: true,
          workspaceId: true,
          createdAt: true,
          _count: { select: { stages: true, items: true } },
        },
        orderBy: [{ name: 'asc' }, { createdAt: 'asc' }],
      });
      return templates.map((t) => ({
        id: t.id,
        name: t.name,
        versionLabel: t.versionLabel,
        isDefault: t.isDefault,
        builtIn: t.workspaceId === null,
        createdAt: t.createdAt,
        stageCount: t._count.stages,
        itemCount: t._count.items,
      }));
    }),

  get: workspaceProcedure(ZTemplateRef, 'VIEWER', byWorkspace)
    .output(
      ZTemplateSummary.extend({
        stages: z.array(
          z.object({
            key: z.string(),
            title: z.string(),
            description: z.string().nullable(),
            items: z.array(ZTemplateItemNode),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const template = await findVisibleTemplate(ctx.db, ctx.workspaceId, input.templateId);
      const [stages, items] = await Promise.all([
        ctx.db.templateStage.findMany({
          where: { templateId: template.id },
          orderBy: { position: 'asc' },
        }),
        ctx.db.templateItem.findMany({ where: { templateId: template.id } }),
      ]);
      const toNode = (
        node: ReturnType<typeof buildTree<(typeof items)[number]>>[number],
      ): TemplateItemNode => ({
        id: node.id,
        key: node.key,
        title: node.title,
        body: node.bodyMarkdown,
        links: ZLink.array().parse(node.links),
        options: node.toolOptions,
        children: node.children.map(toNode),
      });
      return {
        id: template.id,
        name: template.name,
        versionLabel: template.versionLabel,
        isDefault: template.isDefault,
        builtIn: template.workspaceId === null,
        createdAt: template.createdAt,
        stageCount: stages.length,
        itemCount: items.length,
        stages: stages.map((stage) => ({
          key: stage.key,
          title: stage.title,
          description: stage.description,
          items: buildTree(items.filter((item) => item.stageId === stage.id)).map(toNode),
        })),
      };
    }),

  /** Imports a workspace's own checklist; with dryRun, only shows what would be stored. */
  import: workspaceProcedure(ZTemplateImportInput, 'ADMIN', byWorkspace)
    .output(
      z.object({
        template: ZParsedTemplate,
        stored: z
          .object({ id: z.string(), versionLabel: z.string(), duplicate: z.boolean() })
          .nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const parsed = await parseChecklistOrExplain(input.markdown);
      if (input.dryRun) return { template: parsed, stored: null };
      const versionLabel =
        input.versionLabel ?? (await nextVersionLabel(ctx.db, input.name, ctx.workspaceId));
      const exists = await ctx.db.checklistTemplate.findFirst({
        where: { workspaceId: ctx.workspaceId, name: input.name, versionLabel },
        select: { id: true },
      });
      if (exists) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `"${input.name}" already has a version ${versionLabel}.`,
        });
      }
      const stored = await storeTemplate(ctx.db, {
        name: input.name,
        versionLabel,
        sourceText: input.markdown,
        parsed,
        workspaceId: ctx.workspaceId,
        importedById: ctx.user.id,
        isDefault: input.makeDefault,
        onStored: (tx, templateId) =>
          recordActivity(tx, {
            workspaceId: ctx.workspaceId,
            actorId: ctx.user.id,
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
    }),

  diff: workspaceProcedure(ZTemplateDiffInput, 'VIEWER', byWorkspace).query(
    async ({ ctx, input }) => {
      const [from, to] = await Promise.all([
        findVisibleTemplate(ctx.db, ctx.workspaceId, input.fromTemplateId),
        findVisibleTemplate(ctx.db, ctx.workspaceId, input.toTemplateId),
      ]);
      // The parser is deterministic, so re-parsing the stored source gives the
      // structure that was stored; off the event loop like an import.
      const [fromParsed, toParsed] = await Promise.all([
        parseChecklistOrExplain(from.sourceText),
        parseChecklistOrExplain(to.sourceText),
      ]);
      return diffTemplates(fromParsed, toParsed);
    },
  ),
});
