// The notification job's core: turns queued activity rows into notifications.
// A trigger queues every activity row in the writer's own transaction
// (notification_outbox); this claims a batch with FOR UPDATE SKIP LOCKED, so
// several API processes share the work, and deletes the claimed rows in the
// transaction that writes their notifications: a crash before COMMIT leaves
// them queued, and (recipient, kind, source) is unique, so a retry never
// notifies twice.
import { Prisma, type Db } from '@shipshape/db';
import {
  DEFAULT_CHANNEL,
  DIGEST_KINDS,
  type TNotificationChannel,
  type TNotificationKind,
} from '@shipshape/domain';
import { claimOutboxActivities } from '../activity/claim-outbox';
import { announceNotificationsSql } from '../live/notification-notice';
import type { DeliveryConfig } from './delivery-config';
import { planActivity, type ActivityRow, type PlannedNotification } from './plan-notifications';

type Tx = Prisma.TransactionClient;

export interface DeriveResult {
  /** Activity rows handled. */
  handled: number;
  /** Notifications created. */
  created: number;
  /** Recipients with a mail to send. */
  mailTo: string[];
}

/** Handles up to `batchSize` queued activity rows, oldest first, in one transaction. */
export async function deriveNotifications({
  db,
  delivery,
  now = new Date(),
  batchSize = 50,
}: {
  db: Db;
  delivery: DeliveryConfig;
  now?: Date;
  batchSize?: number;
}): Promise<DeriveResult> {
  return db.$transaction(
    async (tx) => {
      const { ids, activities } = await claimOutboxActivities(tx, 'notification_outbox', batchSize);
      if (ids.length === 0) return { handled: 0, created: 0, mailTo: [] };
      let created = 0;
      const mailTo = new Set<string>();
      const told: Array<{ workspaceId: string; recipientId: string }> = [];
      for (const activity of activities) {
        const result = await applyActivity(tx, activity, delivery, now);
        created += result.created;
        for (const userId of result.mailTo) mailTo.add(userId);
        told.push(...result.told);
      }
      await tx.notificationOutbox.deleteMany({ where: { activityId: { in: ids } } });
      if (told.length > 0) {
        await tx.$executeRaw(
          announceNotificationsSql(
            Prisma.sql`unnest(${told.map((t) => t.workspaceId)}::uuid[],
                              ${told.map((t) => t.recipientId)}::uuid[]) AS t("workspaceId", "recipientId")`,
          ),
        );
      }
      return { handled: ids.length, created, mailTo: [...mailTo] };
    },
    { timeout: 60_000 },
  );
}

async function applyActivity(
  tx: Tx,
  activity: ActivityRow,
  delivery: DeliveryConfig,
  now: Date,
): Promise<{
  created: number;
  mailTo: string[];
  told: Array<{ workspaceId: string; recipientId: string }>;
}> {
  const plan = await planActivity(tx, activity);
  const candidates = [
    ...new Set([
      ...plan.notifications.map((n) => n.recipientId),
      ...plan.watches.map((w) => w.userId),
    ]),
  ];
  if (candidates.length === 0) return { created: 0, mailTo: [], told: [] };
  // Only people still in the workspace hear of it or watch anything in it.
  const members = new Set(
    (
      await tx.membership.findMany({
        where: { workspaceId: activity.workspaceId, userId: { in: candidates } },
        select: { userId: true },
      })
    ).map((m) => m.userId),
  );
  const watches = plan.watches.filter((w) => members.has(w.userId));
  if (watches.length > 0) {
    await tx.itemWatch.createMany({ data: watches, skipDuplicates: true });
  }
  // Nobody is notified of their own actions, nor twice of one thing.
  const seen = new Set<string>();
  const wanted = plan.notifications.filter((n) => {
    const key = `${n.recipientId}:${n.kind}:${n.itemId}`;
    if (n.recipientId === activity.actorId || !members.has(n.recipientId) || seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
  const channels = await channelsOf(tx, wanted);
  const mailTo = new Set<string>();
  const rows = wanted.flatMap((n) => {
    const choices = channels.get(n.recipientId);
    const channel = choices?.channels.get(n.kind) ?? DEFAULT_CHANNEL[n.kind];
    if (channel === 'OFF') return [];
    const email =
      delivery.emailEnabled &&
      channel === 'EMAIL' &&
      !DIGEST_KINDS.includes(n.kind) &&
      !choices?.unsubscribed;
    if (email) mailTo.add(n.recipientId);
    return [
      toRow(activity, n, email ? new Date(now.getTime() + delivery.emailDelayMs) : null, now),
    ];
  });
  if (rows.length === 0) return { created: 0, mailTo: [], told: [] };
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  const told = rows.map((row) => ({ workspaceId: row.workspaceId, recipientId: row.recipientId }));
  return { created: count, mailTo: [...mailTo], told: count > 0 ? told : [] };
}

function toRow(
  activity: ActivityRow,
  n: PlannedNotification,
  emailDueAt: Date | null,
  now: Date,
): Prisma.NotificationCreateManyInput {
  return {
    recipientId: n.recipientId,
    workspaceId: activity.workspaceId,
    projectId: n.projectId,
    itemId: n.itemId,
    kpiId: n.kpiId,
    actorId: activity.actorId,
    kind: n.kind,
    // One activity may touch many items (a bulk update): one notification each.
    sourceKey: n.itemId ? `a:${activity.id}:${n.itemId}` : `a:${activity.id}`,
    activityId: activity.id,
    data: n.data,
    createdAt: now,
    emailDueAt,
  };
}

interface Choices {
  channels: Map<TNotificationKind, TNotificationChannel>;
  unsubscribed: boolean;
}

/** Each recipient's chosen channels (kinds without a choice keep their default). */
async function channelsOf(tx: Tx, wanted: PlannedNotification[]): Promise<Map<string, Choices>> {
  const userIds = [...new Set(wanted.map((n) => n.recipientId))];
  const result = new Map<string, Choices>();
  if (userIds.length === 0) return result;
  const [preferences, settings] = await Promise.all([
    tx.notificationPreference.findMany({ where: { userId: { in: userIds } } }),
    tx.notificationSettings.findMany({
      where: { userId: { in: userIds }, unsubscribedAt: { not: null } },
      select: { userId: true },
    }),
  ]);
  for (const userId of userIds) result.set(userId, { channels: new Map(), unsubscribed: false });
  for (const p of preferences) result.get(p.userId)!.channels.set(p.kind, p.channel);
  for (const s of settings) result.get(s.userId)!.unsubscribed = true;
  return result;
}
