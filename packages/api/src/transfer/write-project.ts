import type { Prisma } from '@shipshape/db';
import { slugFromName, type TTransferProject } from '@shipshape/domain';
import { randomUUID } from 'node:crypto';
import { recordActivity } from '../activity/record-activity';
import type { PeopleMatcher } from './people';
import type { TLinkedTemplate } from './import-templates';

type Tx = Prisma.TransactionClient;

export interface TWrittenProject {
  id: string;
  items: number;
  comments: number;
  measurements: number;
  lessons: number;
}

/** A comment whose author is not a member here keeps their name in its text. */
function commentBody(body: string, author: { name: string } | null, authorId: string | null) {
  if (authorId || !author) return body;
  return `(Written by ${author.name}; imported.)\n\n${body}`.slice(0, 10_000);
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Writes one project of a document, inside the import's transaction: the
 * project, its stages, items (with evidence and comments), KPIs (with
 * measurements) and lessons, each table in one statement with one JSON
 * parameter. People are matched by email among the workspace's members (authors as
 * PeopleMatcher.authorOf allows).
 */
export async function writeProject(
  tx: Tx,
  target: { workspaceId: string; actorId: string; people: PeopleMatcher },
  project: TTransferProject,
  template: TLinkedTemplate | null,
): Promise<TWrittenProject> {
  const { workspaceId, people } = target;
  const projectId = randomUUID();
  const stageIds = new Map(project.stages.map((stage) => [stage.key, randomUUID()]));
  await tx.project.create({
    data: {
      id: projectId,
      workspaceId,
      name: project.name,
      slug: await freeProjectSlug(tx, workspaceId, slugFromName(project.name)),
      description: project.description,
      templateId: template?.id ?? null,
      phase: project.phase,
      approach: project.approach,
      inference: project.inference,
      archived: project.archived,
      archivedAt: project.archivedAt,
      createdAt: project.createdAt,
      createdById: people.authorOf(project.createdBy),
    },
  });
  await tx.projectStage.createMany({
    data: project.stages.map((stage, position) => ({
      id: stageIds.get(stage.key)!,
      projectId,
      templateStageId:
        (stage.templateStageKey && template?.stageIds.get(stage.templateStageKey)) || null,
      key: stage.key,
      title: stage.title,
      position,
      description: stage.description,
    })),
  });
  if (project.currentStageKey) {
    await tx.project.update({
      where: { id: projectId },
      data: { currentStageId: stageIds.get(project.currentStageKey)! },
    });
  }

  const itemIds = new Map<string, string>();
  const depths = new Map<string, number>();
  const items = project.items.map((item) => {
    const id = randomUUID();
    const depth = item.parentKey === null ? 0 : depths.get(item.parentKey)! + 1;
    itemIds.set(item.key, id);
    depths.set(item.key, depth);
    return {
      id,
      workspaceId,
      projectId,
      stageId: stageIds.get(item.stageKey)!,
      parentId: item.parentKey === null ? null : itemIds.get(item.parentKey)!,
      templateItemId: (item.templateItemKey && template?.itemIds.get(item.templateItemKey)) || null,
      key: item.key,
      position: item.position,
      depth,
      title: item.title,
      bodyMarkdown: item.body,
      links: item.links,
      toolOptions: item.toolOptions,
      isCustom: item.isCustom,
      removedFromTemplate: item.removedFromTemplate,
      status: item.status,
      notApplicableReason: item.notApplicableReason,
      assigneeId: people.idOf(item.assignee),
      dueDate: item.dueDate,
      notes: item.notes,
      completedAt: iso(item.completedAt),
      completedById: people.authorOf(item.completedBy),
      createdAt: iso(item.createdAt),
    };
  });
  await tx.$executeRaw`
    INSERT INTO project_items (id, "workspaceId", "projectId", "stageId", "parentId", "templateItemId",
      key, position, depth, title, "bodyMarkdown", links, "toolOptions", "isCustom", "removedFromTemplate",
      status, "notApplicableReason", "assigneeId", "dueDate", notes, "completedAt", "completedById",
      "createdAt", "updatedAt")
    SELECT id, "workspaceId", "projectId", "stageId", "parentId", "templateItemId",
      key, position, depth, title, "bodyMarkdown", coalesce(links, '[]'), "toolOptions", "isCustom",
      "removedFromTemplate", status, "notApplicableReason", "assigneeId", "dueDate", notes, "completedAt",
      "completedById", "createdAt", now()
      FROM json_populate_recordset(null::project_items, ${JSON.stringify(items)}::json)`;

  const evidence = project.items.flatMap((item) =>
    item.evidence.map((link) => ({
      id: randomUUID(),
      itemId: itemIds.get(item.key)!,
      kind: link.kind,
      url: link.url,
      label: link.label,
      createdById: people.authorOf(link.createdBy),
      createdAt: iso(link.createdAt),
    })),
  );
  await tx.$executeRaw`
    INSERT INTO evidence_links (id, "itemId", kind, url, label, "createdById", "createdAt")
    SELECT id, "itemId", kind, url, label, "createdById", "createdAt"
      FROM json_populate_recordset(null::evidence_links, ${JSON.stringify(evidence)}::json)`;

  const comments = project.items.flatMap((item) =>
    item.comments.map((comment) => {
      const authorId = people.authorOf(comment.author);
      return {
        id: randomUUID(),
        workspaceId,
        itemId: itemIds.get(item.key)!,
        authorId,
        body: commentBody(comment.body, comment.author, authorId),
        editedAt: iso(comment.editedAt),
        createdAt: iso(comment.createdAt),
      };
    }),
  );
  await tx.$executeRaw`
    INSERT INTO comments (id, "workspaceId", "itemId", "authorId", body, "editedAt", "createdAt", "updatedAt")
    SELECT id, "workspaceId", "itemId", "authorId", body, "editedAt", "createdAt", now()
      FROM json_populate_recordset(null::comments, ${JSON.stringify(comments)}::json)`;

  const kpiIds = project.kpis.map(() => randomUUID());
  await tx.kpi.createMany({
    data: project.kpis.map((kpi, index) => ({
      id: kpiIds[index]!,
      workspaceId,
      projectId,
      stageId: kpi.stageKey ? stageIds.get(kpi.stageKey)! : null,
      name: kpi.name,
      kind: kpi.kind,
      unit: kpi.unit,
      direction: kpi.direction,
      baseline: kpi.baseline,
      target: kpi.target,
      archived: kpi.archived,
      createdAt: kpi.createdAt,
      createdById: people.authorOf(kpi.createdBy),
    })),
  });
  const measurements = project.kpis.flatMap((kpi, index) =>
    kpi.measurements.map((m) => ({
      id: randomUUID(),
      kpiId: kpiIds[index]!,
      value: m.value,
      recordedAt: iso(m.recordedAt),
      note: m.note,
      recordedById: people.authorOf(m.recordedBy),
    })),
  );
  await tx.$executeRaw`
    INSERT INTO kpi_measurements (id, "kpiId", value, "recordedAt", note, "recordedById")
    SELECT id, "kpiId", value, "recordedAt", note, "recordedById"
      FROM json_populate_recordset(null::kpi_measurements, ${JSON.stringify(measurements)}::json)`;

  await tx.lesson.createMany({
    data: project.lessons.map((lesson) => ({
      workspaceId,
      projectId,
      stageId: lesson.stageKey ? stageIds.get(lesson.stageKey)! : null,
      stageKey: lesson.stageKey,
      itemId: lesson.itemKey ? itemIds.get(lesson.itemKey)! : null,
      title: lesson.title,
      tried: lesson.tried,
      happened: lesson.happened,
      learnt: lesson.learnt,
      tags: lesson.tags,
      authorId: people.authorOf(lesson.author),
      createdAt: lesson.createdAt,
    })),
  });

  const written = {
    id: projectId,
    items: items.length,
    comments: comments.length,
    measurements: measurements.length,
    lessons: project.lessons.length,
  };
  await recordActivity(
    tx,
    { id: target.actorId, workspaceId },
    {
      projectId,
      action: 'project.imported',
      entityType: 'project',
      entityId: projectId,
      after: { name: project.name, ...written },
    },
  );
  return written;
}

/** The project's slug from its name, with a number appended while it is taken. */
async function freeProjectSlug(tx: Tx, workspaceId: string, base: string): Promise<string> {
  const taken = new Set(
    (
      await tx.project.findMany({
        where: { workspaceId, slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
