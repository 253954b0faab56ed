import type { Prisma } from '@shipshape/db';
import {
  notificationPath,
  notificationText,
  type TNotification,
  type TNotificationKind,
  type TNotificationListInput,
} from '@shipshape/domain';
import type { UserArgs } from './user-args';
import { pageArgs, toPage } from '../pagination';

/** Only the recipient's own, and only in workspaces they still belong to. */
export function inboxWhere(userId: string): Prisma.NotificationWhereInput {
  return { recipientId: userId, workspace: { memberships: { some: { userId } } } };
}

export const notificationSelect = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  data: true,
  actor: { select: { id: true, name: true } },
  workspace: { select: { id: true, name: true, slug: true } },
  project: { select: { id: true, name: true } },
  item: { select: { id: true, title: true, stage: { select: { key: true } } } },
  kpi: { select: { id: true, name: true } },
} satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** The inbox entry: one sentence and a link, from the rows as they are now. */
export function toNotification(row: NotificationRow): TNotification {
  const data = (row.data ?? {}) as Record<string, string | undefined>;
  const kind = row.kind as TNotificationKind;
  return {
    id: row.id,
    kind,
    createdAt: row.createdAt,
    readAt: row.readAt,
    text: notificationText({
      kind,
      actorName: row.actor?.name ?? null,
      subject: row.item?.title ?? row.kpi?.name ?? row.workspace.name,
      status: data.status,
      dueDate: data.dueDate,
    }),
    url: notificationPath({
      workspaceSlug: row.workspace.slug,
      projectId: row.project?.id ?? null,
      stageKey: row.item?.stage.key ?? null,
      itemId: row.item?.id ?? null,
      kpiId: row.kpi?.id ?? null,
    }),
    actor: row.actor,
    workspace: row.workspace,
    project: row.project,
    item: row.item ? { id: row.item.id, title: row.item.title } : null,
  };
}

/** Newest first. */
export async function listNotifications({
  db,
  user,
  input,
}: UserArgs & { input: TNotificationListInput }) {
  const rows = await db.notification.findMany({
    where: { ...inboxWhere(user.id), ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: notificationSelect,
    ...pageArgs(input),
  });
  return toPage(rows, input.limit, toNotification);
}

export async function countUnread({ db, user }: UserArgs): Promise<{ count: number }> {
  const count = await db.notification.count({ where: { ...inboxWhere(user.id), readAt: null } });
  return { count };
}

export async function markRead({ db, user, input }: UserArgs & { input: { ids: string[] } }) {
  const { count } = await db.notification.updateMany({
    where: { ...inboxWhere(user.id), id: { in: input.ids }, readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count };
}

export async function markAllRead({ db, user }: UserArgs) {
  const { count } = await db.notification.updateMany({
    where: { ...inboxWhere(user.id), readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count };
}
