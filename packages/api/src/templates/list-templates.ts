import { buildTree, type ZTemplateRef, type ZTemplateSummary } from '@shipshape/domain';
import type { z } from 'zod';
import type { ActorArgs, ServiceArgs } from '../actor';
import { findVisibleTemplate } from './find-template';
import { ZLink, type TemplateItemNode, type ZTemplateDetail } from './template-view';

/** The built-in templates and the workspace's own, by name. */
export async function listTemplates({
  db,
  actor,
}: ActorArgs<'workspaceId'>): Promise<Array<z.infer<typeof ZTemplateSummary>>> {
  const templates = await db.checklistTemplate.findMany({
    where: { OR: [{ workspaceId: null }, { workspaceId: actor.workspaceId }] },
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
}

/** One visible template with its stages and item trees. */
export async function getTemplate({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZTemplateRef>, 'workspaceId'>): Promise<
  z.infer<typeof ZTemplateDetail>
> {
  const template = await findVisibleTemplate(db, actor.workspaceId, input.templateId);
  const [stages, items] = await Promise.all([
    db.templateStage.findMany({ where: { templateId: template.id }, orderBy: { position: 'asc' } }),
    db.templateItem.findMany({ where: { templateId: template.id } }),
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
}
