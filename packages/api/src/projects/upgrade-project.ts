// Moving a running project onto a newer template version. The matching is the
// domain's (planUpgrade); this file reads the project's state and writes the
// plan back in one transaction, keeping every status, assignee, due date,
// note, comment and evidence of matched items.
import { randomUUID } from 'node:crypto';
import { checklistItemColumns, type Prisma } from '@shipshape/db';
import { parseStoredChecklist } from '../templates/parse-checklist';
import {
  flattenTemplate,
  planUpgrade,
  type TParsedTemplate,
  type TUpgradePlan,
} from '@shipshape/domain';

type Tx = Prisma.TransactionClient;

interface CurrentItem {
  id: string;
  key: string;
  title: string;
  isCustom: boolean;
  parentId: string | null;
  stageKey: string;
  hasProgress: boolean;
}

export interface UpgradeTarget {
  id: string;
  sourceText: string;
}

async function currentItems(tx: Tx, projectId: string): Promise<CurrentItem[]> {
  const rows = await tx.projectItem.findMany({
    where: { projectId },
    select: {
      id: true,
      key: true,
      title: true,
      isCustom: true,
      parentId: true,
      status: true,
      assigneeId: true,
      dueDate: true,
      notes: true,
      notApplicableReason: true,
      stage: { select: { key: true } },
      _count: { select: { comments: true, evidence: true, lessons: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    title: row.title,
    isCustom: row.isCustom,
    parentId: row.parentId,
    stageKey: row.stage.key,
    hasProgress:
      row.status !== 'TODO' ||
      row.assigneeId !== null ||
      row.dueDate !== null ||
      Boolean(row.notes) ||
      Boolean(row.notApplicableReason) ||
      row._count.comments + row._count.evidence + row._count.lessons > 0,
  }));
}

export async function planProjectUpgrade(
  tx: Tx,
  projectId: string,
  target: UpgradeTarget,
): Promise<{ plan: TUpgradePlan; parsed: TParsedTemplate; items: CurrentItem[] }> {
  const items = await currentItems(tx, projectId);
  const keyOf = new Map(items.map((item) => [item.id, item.key]));
  // The parser is deterministic: re-parsing the stored source gives the keys stored.
  const parsed = await parseStoredChecklist(target);
  const plan = planUpgrade({
    current: items.map((item) => ({
      id: item.id,
      key: item.key,
      stageKey: item.stageKey,
      parentKey: item.parentId ? (keyOf.get(item.parentId) ?? null) : null,
      title: item.title,
      hasProgress: item.hasProgress,
      isCustom: item.isCustom,
    })),
    target: parsed,
  });
  return { plan, parsed, items };
}

export interface UpgradeSummary {
  matched: number;
  uncertain: number;
  added: number;
  removed: number;
  kept: number;
}

/** Applies the plan; call inside the transaction that bumped the project's version. */
export async function applyProjectUpgrade(
  tx: Tx,
  input: { workspaceId: string; projectId: string; target: UpgradeTarget },
): Promise<UpgradeSummary> {
  const { projectId, workspaceId } = input;
  const { plan, parsed } = await planProjectUpgrade(tx, projectId, input.target);
  const stageIds = await upsertStages(tx, projectId, input.target.id, parsed);

  const templateItems = await tx.templateItem.findMany({
    where: { templateId: input.target.id },
    select: { id: true, key: true },
  });
  const templateItemId = new Map(templateItems.map((t) => [t.key, t.id]));
  const flat = new Map(flattenTemplate(parsed).map((item) => [item.key, item]));

  // Every target key gets its project item: the matched one, or a new one.
  const projectItemFor = new Map<string, string>();
  for (const match of plan.matched) projectItemFor.set(match.targetKey, match.id);
  const additions = plan.added.map((addition) => ({ ...addition, id: randomUUID() }));
  for (const addition of additions) projectItemFor.set(addition.targetKey, addition.id);

  const placement = (targetKey: string) => {
    const item = flat.get(targetKey);
    if (!item) throw new Error(`upgrade plan names unknown key ${targetKey}`);
    return {
      stageId: stageIds.get(item.stageKey)!,
      parentId: item.parentKey ? (projectItemFor.get(item.parentKey) ?? null) : null,
      templateItemId: templateItemId.get(targetKey) ?? null,
      ...checklistItemColumns(item),
    };
  };

  // Matched items may swap keys with each other or with additions: park them
  // on temporary keys first so the (project, key) unique index never trips.
  const matchedIds = plan.matched.map((m) => m.id);
  if (matchedIds.length > 0) {
    await tx.$executeRaw`
      UPDATE project_items SET key = 'upgrading:' || id::text WHERE id = ANY(${matchedIds}::uuid[])`;
  }
  if (additions.length > 0) {
    await tx.projectItem.createMany({
      data: additions.map((addition) => ({
        id: addition.id,
        workspaceId,
        projectId,
        ...placement(addition.targetKey),
      })),
    });
  }
  for (const match of plan.matched) {
    await tx.projectItem.update({
      where: { id: match.id },
      data: {
        ...placement(match.targetKey),
        removedFromTemplate: false,
        version: { increment: 1 },
      },
    });
  }

  const kept = plan.removed.filter((r) => r.keep).map((r) => r.id);
  const dropped = plan.removed.filter((r) => !r.keep).map((r) => r.id);
  if (kept.length > 0) {
    await tx.projectItem.updateMany({
      where: { id: { in: kept } },
      data: { removedFromTemplate: true, templateItemId: null, version: { increment: 1 } },
    });
  }
  if (dropped.length > 0) {
    // Whatever hangs under a dropped item (kept or custom items) moves up a level.
    await tx.projectItem.updateMany({
      where: { parentId: { in: dropped }, id: { notIn: dropped } },
      data: { parentId: null },
    });
    await tx.projectItem.deleteMany({ where: { id: { in: dropped } } });
  }
  // Stages the new version does not have go when nothing is left in them.
  await tx.projectStage.deleteMany({
    where: { projectId, key: { notIn: parsed.stages.map((s) => s.key) }, items: { none: {} } },
  });

  return {
    matched: plan.matched.length,
    uncertain: plan.matched.filter((m) => m.uncertain).length,
    added: additions.length,
    removed: dropped.length,
    kept: kept.length,
  };
}

async function upsertStages(
  tx: Tx,
  projectId: string,
  templateId: string,
  parsed: TParsedTemplate,
): Promise<Map<string, string>> {
  const [existing, templateStages] = await Promise.all([
    tx.projectStage.findMany({ where: { projectId }, select: { id: true, key: true } }),
    tx.templateStage.findMany({ where: { templateId }, select: { id: true, key: true } }),
  ]);
  const ids = new Map(existing.map((stage) => [stage.key, stage.id]));
  const templateStageId = new Map(templateStages.map((stage) => [stage.key, stage.id]));
  for (const [position, stage] of parsed.stages.entries()) {
    const data = {
      title: stage.title,
      position,
      description: stage.description ?? null,
      templateStageId: templateStageId.get(stage.key) ?? null,
    };
    const id = ids.get(stage.key);
    if (id) {
      await tx.projectStage.update({ where: { id }, data });
    } else {
      const created = await tx.projectStage.create({
        data: { ...data, projectId, key: stage.key },
      });
      ids.set(stage.key, created.id);
    }
  }
  // Stages keep the new version's order; ones it dropped follow them.
  const dropped = existing.filter((stage) => !parsed.stages.some((s) => s.key === stage.key));
  for (const [index, stage] of dropped.entries()) {
    await tx.projectStage.update({
      where: { id: stage.id },
      data: { position: parsed.stages.length + index },
    });
  }
  return ids;
}
