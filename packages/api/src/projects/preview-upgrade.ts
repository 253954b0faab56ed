import { flattenTemplate, type ZUpgradeInput } from '@shipshape/domain';
import { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { findVisibleTemplate } from '../templates/find-template';
import { readProject } from './project-view';
import { planProjectUpgrade } from './upgrade-project';

export const ZUpgradePreview = z.object({
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

/** What moving the project to another template would match, add and remove; writes nothing. */
export async function previewUpgrade({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZUpgradeInput>, 'workspaceId'>): Promise<
  z.infer<typeof ZUpgradePreview>
> {
  const target = await findVisibleTemplate(db, actor.workspaceId, input.templateId);
  const project = await readProject(db, input.projectId);
  const { plan, items, parsed } = await planProjectUpgrade(db, input.projectId, target);
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
    removed: plan.removed.map((r) => ({ itemId: r.id, key: r.key, title: r.title, keep: r.keep })),
  };
}
