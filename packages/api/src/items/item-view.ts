import type { Prisma } from '@shipshape/db';
import type { TItem } from '@shipshape/domain';
import { z } from 'zod';
import { formatCalendarDate } from '../calendar-dates';
import type { RecordedRows } from '../recorded-change';

export const itemSelect = {
  id: true,
  projectId: true,
  parentId: true,
  templateItemId: true,
  key: true,
  position: true,
  depth: true,
  title: true,
  bodyMarkdown: true,
  links: true,
  toolOptions: true,
  isCustom: true,
  removedFromTemplate: true,
  status: true,
  notApplicableReason: true,
  dueDate: true,
  notes: true,
  completedAt: true,
  version: true,
  updatedAt: true,
  stage: { select: { key: true } },
  assignee: { select: { id: true, name: true } },
  completedBy: { select: { id: true, name: true } },
  evidence: {
    select: { id: true, kind: true, url: true, label: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} satisfies Prisma.ProjectItemSelect;

export type ItemRow = Prisma.ProjectItemGetPayload<{ select: typeof itemSelect }>;

const ZLinks = z.array(z.object({ label: z.string(), url: z.string() }));

export function toItem(row: ItemRow): TItem {
  return {
    id: row.id,
    projectId: row.projectId,
    stageKey: row.stage.key,
    parentId: row.parentId,
    templateItemId: row.templateItemId,
    key: row.key,
    position: row.position,
    depth: row.depth,
    title: row.title,
    body: row.bodyMarkdown,
    links: ZLinks.catch([]).parse(row.links),
    toolOptions: row.toolOptions,
    isCustom: row.isCustom,
    removedFromTemplate: row.removedFromTemplate,
    status: row.status,
    notApplicableReason: row.notApplicableReason,
    assignee: row.assignee,
    dueDate: formatCalendarDate(row.dueDate),
    notes: row.notes,
    completedAt: row.completedAt,
    completedBy: row.completedBy,
    evidence: row.evidence,
    commentCount: row._count.comments,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** One item as the API returns it; `db` may be a transaction. */
export async function readItem(db: Prisma.TransactionClient, itemId: string): Promise<TItem> {
  return toItem(
    await db.projectItem.findUniqueOrThrow({ where: { id: itemId }, select: itemSelect }),
  );
}

/** Checklist items as members change them; logged in the activity. */
export const itemRows: RecordedRows<TItem, Prisma.ProjectItemUncheckedUpdateManyInput> = {
  entity: 'checklist item',
  entityType: 'item',
  table: (tx) => tx.projectItem,
  read: readItem,
  projectOf: (item) => item.projectId,
};
