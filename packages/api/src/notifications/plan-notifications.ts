// What one activity row means for whom: the notifications it causes and the
// items people start watching. Reads what it needs inside the job's
// transaction; writes only a KPI's last verdict (derive-notifications.ts
// writes the rest).
import type { Prisma } from '@shipshape/db';
import { kpiStatus, parseMentions, type TNotificationKind } from '@shipshape/domain';

type Tx = Prisma.TransactionClient;

export interface ActivityRow {
  id: bigint;
  workspaceId: string;
  projectId: string | null;
  actorId: string | null;
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface PlannedNotification {
  recipientId: string;
  kind: TNotificationKind;
  projectId: string | null;
  itemId: string | null;
  kpiId: string | null;
  data: Record<string, string>;
}

export interface Plan {
  notifications: PlannedNotification[];
  /** Items people now watch (unless they unwatched them by hand). */
  watches: Array<{ userId: string; itemId: string }>;
}

const EMPTY: Plan = { notifications: [], watches: [] };

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export async function planActivity(tx: Tx, activity: ActivityRow): Promise<Plan> {
  switch (activity.action) {
    case 'item.created':
      return activity.actorId
        ? { notifications: [], watches: [{ userId: activity.actorId, itemId: activity.entityId }] }
        : EMPTY;
    case 'item.updated':
      return planItemChanges(tx, activity, [
        {
          itemId: activity.entityId,
          before: asObject(activity.before),
          after: asObject(activity.after),
        },
      ]);
    case 'item.bulk_updated':
      return planBulkUpdate(tx, activity);
    case 'comment.added':
    case 'comment.edited':
      return planComment(tx, activity);
    case 'member.joined':
      return planInvitationAccepted(tx, activity);
    case 'kpi.recorded':
    case 'kpi.recorded_many':
    case 'kpi.updated':
      return planKpi(tx, activity);
    default:
      return EMPTY;
  }
}

interface ItemChange {
  itemId: string;
  before: Json;
  after: Json;
}

function planBulkUpdate(tx: Tx, activity: ActivityRow): Promise<Plan> {
  const before = new Map<string, Json>();
  for (const row of Array.isArray(activity.before) ? activity.before : []) {
    const id = asString(asObject(row).id);
    if (id) before.set(id, asObject(row));
  }
  const changes: ItemChange[] = [];
  for (const row of Array.isArray(activity.after) ? activity.after : []) {
    const after = asObject(row);
    const id = asString(after.id);
    const was = id ? before.get(id) : undefined;
    if (!id || !was) continue;
    const changed = (key: string) => (after[key] !== was[key] ? { [key]: after[key] } : {});
    const changedBefore = (key: string) => (after[key] !== was[key] ? { [key]: was[key] } : {});
    changes.push({
      itemId: id,
      before: { ...changedBefore('assigneeId'), ...changedBefore('status') },
      after: { ...changed('assigneeId'), ...changed('status') },
    });
  }
  return planItemChanges(tx, activity, changes);
}

/** Assignment, unassignment and status changes of items, for whom they concern. */
async function planItemChanges(
  tx: Tx,
  activity: ActivityRow,
  changes: ItemChange[],
): Promise<Plan> {
  const plan: Plan = { notifications: [], watches: [] };
  for (const change of changes) {
    const item = await tx.projectItem.findUnique({
      where: { id: change.itemId },
      select: { id: true, projectId: true, assigneeId: true },
    });
    if (!item) continue;
    const about = { projectId: item.projectId, itemId: item.id, kpiId: null };
    const told = new Set<string>();
    if ('assigneeId' in change.after) {
      const assignee = asString(change.after.assigneeId);
      const previous = asString(change.before.assigneeId);
      if (assignee) {
        plan.watches.push({ userId: assignee, itemId: item.id });
        plan.notifications.push({ recipientId: assignee, kind: 'ASSIGNED', ...about, data: {} });
        told.add(assignee);
      }
      if (previous && previous !== assignee) {
        plan.notifications.push({ recipientId: previous, kind: 'UNASSIGNED', ...about, data: {} });
        told.add(previous);
      }
    }
    const status = asString(change.after.status);
    if (status) {
      for (const watcher of await itemFollowers(tx, item)) {
        if (told.has(watcher)) continue;
        plan.notifications.push({
          recipientId: watcher,
          kind: 'STATUS_CHANGED',
          ...about,
          data: { status },
        });
      }
    }
  }
  return plan;
}

/** Who follows an item: its assignee, its watchers and its project's watchers. */
async function itemFollowers(
  tx: Tx,
  item: { id: string; projectId: string; assigneeId: string | null },
): Promise<string[]> {
  const [itemWatchers, projectWatchers] = await Promise.all([
    tx.itemWatch.findMany({ where: { itemId: item.id }, select: { userId: true, watching: true } }),
    tx.projectWatch.findMany({ where: { projectId: item.projectId }, select: { userId: true } }),
  ]);
  const unwatched = new Set(itemWatchers.filter((w) => !w.watching).map((w) => w.userId));
  const followers = new Set<string>([
    ...itemWatchers.filter((w) => w.watching).map((w) => w.userId),
    ...projectWatchers.map((w) => w.userId).filter((id) => !unwatched.has(id)),
  ]);
  if (item.assigneeId) followers.add(item.assigneeId);
  return [...followers];
}

async function planComment(tx: Tx, activity: ActivityRow): Promise<Plan> {
  const comment = await tx.comment.findUnique({
    where: { id: activity.entityId },
    select: { itemId: true, item: { select: { id: true, projectId: true, assigneeId: true } } },
  });
  if (!comment) return EMPTY;
  const { item } = comment;
  const about = { projectId: item.projectId, itemId: item.id, kpiId: null };
  const body = asString(asObject(activity.after).body) ?? '';
  const earlier = new Set(
    parseMentions(asString(asObject(activity.before).body) ?? '').map((m) => m.userId),
  );
  const mentioned = parseMentions(body)
    .map((m) => m.userId)
    .filter((id) => !earlier.has(id));
  const plan: Plan = { notifications: [], watches: [] };
  const data = { commentId: activity.entityId };
  for (const userId of mentioned) {
    plan.watches.push({ userId, itemId: item.id });
    plan.notifications.push({ recipientId: userId, kind: 'MENTIONED', ...about, data });
  }
  if (activity.action !== 'comment.added') return plan;
  if (activity.actorId) plan.watches.push({ userId: activity.actorId, itemId: item.id });
  const alsoMentioned = new Set(mentioned);
  for (const follower of await itemFollowers(tx, item)) {
    if (alsoMentioned.has(follower)) continue;
    plan.notifications.push({ recipientId: follower, kind: 'COMMENTED', ...about, data });
  }
  return plan;
}

async function planInvitationAccepted(tx: Tx, activity: ActivityRow): Promise<Plan> {
  if (!activity.actorId) return EMPTY;
  const invitation = await tx.invitation.findFirst({
    where: { workspaceId: activity.workspaceId, acceptedById: activity.actorId },
    orderBy: { acceptedAt: 'desc' },
    select: { invitedById: true },
  });
  if (!invitation) return EMPTY;
  return {
    notifications: [
      {
        recipientId: invitation.invitedById,
        kind: 'INVITATION_ACCEPTED',
        projectId: null,
        itemId: null,
        kpiId: null,
        data: {},
      },
    ],
    watches: [],
  };
}

/** A KPI going off track (its verdict turning false) tells the project's watchers. */
async function planKpi(tx: Tx, activity: ActivityRow): Promise<Plan> {
  const kpi = await tx.kpi.findUnique({
    where: { id: activity.entityId },
    select: {
      id: true,
      projectId: true,
      direction: true,
      baseline: true,
      target: true,
      archived: true,
    },
  });
  if (!kpi || kpi.archived) return EMPTY;
  const latest = await tx.kpiMeasurement.findFirst({
    where: { kpiId: kpi.id },
    orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
    select: { value: true },
  });
  const { onTrack } = kpiStatus({
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    latest: latest?.value ?? null,
  });
  const previous = await tx.kpiTrackState.findUnique({ where: { kpiId: kpi.id } });
  await tx.kpiTrackState.upsert({
    where: { kpiId: kpi.id },
    create: { kpiId: kpi.id, onTrack },
    update: { onTrack },
  });
  if (onTrack !== false || previous?.onTrack === false) return EMPTY;
  const watchers = await tx.projectWatch.findMany({
    where: { projectId: kpi.projectId },
    select: { userId: true },
  });
  return {
    notifications: watchers.map((w) => ({
      recipientId: w.userId,
      kind: 'KPI_OFF_TRACK' as const,
      projectId: kpi.projectId,
      itemId: null,
      kpiId: kpi.id,
      data: {},
    })),
    watches: [],
  };
}
