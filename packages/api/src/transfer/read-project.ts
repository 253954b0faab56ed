import type { Db } from '@shipshape/db';
import {
  TRANSFER_LIMITS,
  orderedItems,
  type TTransferPerson,
  type TTransferProject,
  type TTransferTemplate,
} from '@shipshape/domain';
import { badRequest } from '../errors';

interface Person {
  id: string;
  name: string;
}

/** How a document names people: by email while they are members of the
 * exporting workspace, by name alone once they are not. */
export async function memberEmails(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const members = await db.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, email: true } } },
  });
  return new Map(members.map(({ user }) => [user.id, user.email]));
}

const person = { select: { id: true, name: true } } as const;

export interface TProjectExport {
  project: TTransferProject;
  template: TTransferTemplate | null;
}

/** Everything of one project a document keeps (no activity history, no ids). */
export async function readProjectForExport(
  db: Db,
  projectId: string,
  emails: ReadonlyMap<string, string>,
): Promise<TProjectExport> {
  // Read whole into memory and written as one string: bounded before reading.
  const measurements = await db.kpiMeasurement.count({ where: { kpi: { projectId } } });
  if (measurements > TRANSFER_LIMITS.maxMeasurementsPerKpi) {
    throw badRequest(
      `This project has ${measurements} KPI measurements; an export holds at most ${TRANSFER_LIMITS.maxMeasurementsPerKpi}.`,
    );
  }
  const someone = (user: Person | null): TTransferPerson | null =>
    user ? { email: emails.get(user.id) ?? null, name: user.name } : null;
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      template: true,
      createdBy: person,
      currentStage: { select: { key: true } },
      stages: {
        orderBy: { position: 'asc' },
        include: { templateStage: { select: { key: true } } },
      },
    },
  });
  const items = await db.projectItem.findMany({
    where: { projectId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    include: {
      stage: { select: { key: true } },
      parent: { select: { key: true } },
      templateItem: { select: { key: true } },
      assignee: person,
      completedBy: person,
      evidence: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { createdBy: person } },
      comments: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: { author: person },
      },
    },
  });
  const kpis = await db.kpi.findMany({
    where: { projectId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: {
      stage: { select: { key: true } },
      createdBy: person,
      measurements: {
        orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
        include: { recordedBy: person },
      },
    },
  });
  const lessons = await db.lesson.findMany({
    where: { projectId, deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { stage: { select: { key: true } }, item: { select: { key: true } }, author: person },
  });
  const template = project.template;
  const stages = project.stages.map((stage) => ({
    key: stage.key,
    title: stage.title,
    description: stage.description,
    templateStageKey: stage.templateStage?.key ?? null,
  }));
  return {
    template: template && {
      name: template.name,
      versionLabel: template.versionLabel,
      builtIn: template.workspaceId === null,
      contentHash: template.contentHash,
      sourceText: template.sourceText,
    },
    project: {
      name: project.name,
      description: project.description,
      phase: project.phase,
      approach: project.approach,
      inference: project.inference,
      archived: project.archived,
      archivedAt: project.archivedAt,
      createdAt: project.createdAt,
      createdBy: someone(project.createdBy),
      templateHash: template?.contentHash ?? null,
      currentStageKey: project.currentStage?.key ?? null,
      stages,
      items: inReadingOrder(
        stages,
        items.map((item) => ({
          key: item.key,
          stageKey: item.stage.key,
          parentKey: item.parent?.key ?? null,
          position: item.position,
          title: item.title,
          body: item.bodyMarkdown,
          links: item.links as Array<{ label: string; url: string }>,
          toolOptions: item.toolOptions,
          templateItemKey: item.templateItem?.key ?? null,
          isCustom: item.isCustom,
          removedFromTemplate: item.removedFromTemplate,
          status: item.status,
          notApplicableReason: item.notApplicableReason,
          assignee: someone(item.assignee),
          dueDate: item.dueDate ? item.dueDate.toISOString().slice(0, 10) : null,
          notes: item.notes,
          completedAt: item.completedAt,
          completedBy: someone(item.completedBy),
          createdAt: item.createdAt,
          evidence: item.evidence.map((evidence) => ({
            kind: evidence.kind,
            url: evidence.url,
            label: evidence.label,
            createdAt: evidence.createdAt,
            createdBy: someone(evidence.createdBy),
          })),
          comments: item.comments.map((comment) => ({
            author: someone(comment.author),
            body: comment.body,
            createdAt: comment.createdAt,
            editedAt: comment.editedAt,
          })),
        })),
      ),
      kpis: kpis.map((kpi) => ({
        name: kpi.name,
        kind: kpi.kind,
        unit: kpi.unit,
        direction: kpi.direction,
        baseline: kpi.baseline,
        target: kpi.target,
        archived: kpi.archived,
        stageKey: kpi.stage?.key ?? null,
        createdAt: kpi.createdAt,
        createdBy: someone(kpi.createdBy),
        measurements: kpi.measurements.map((m) => ({
          value: m.value,
          recordedAt: m.recordedAt,
          note: m.note,
          recordedBy: someone(m.recordedBy),
        })),
      })),
      lessons: lessons.map((lesson) => ({
        stageKey: lesson.stage?.key ?? null,
        itemKey: lesson.item?.key ?? null,
        title: lesson.title,
        tried: lesson.tried,
        happened: lesson.happened,
        learnt: lesson.learnt,
        tags: lesson.tags,
        author: someone(lesson.author),
        createdAt: lesson.createdAt,
      })),
    },
  };
}

/** Items stage by stage, each parent before its sub-items: the same order for
 * equal projects, whatever their ids (and parents come first, as import needs). */
function inReadingOrder(
  stages: TTransferProject['stages'],
  items: TTransferProject['items'],
): TTransferProject['items'] {
  const ordered = orderedItems({ stages, items }).map(({ item }) => item);
  const seen = new Set(ordered);
  return [...ordered, ...items.filter((item) => !seen.has(item))];
}
