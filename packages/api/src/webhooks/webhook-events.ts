// What one activity row means for webhooks: the events it fires and their
// `data`. Every event's data names the activity row, workspace, project and
// actor; the rest is per type (README "Webhooks"). Reads only.
import type { Prisma } from '@shipshape/db';
import { kpiStatus, type TWebhookEvent } from '@shipshape/domain';
import type { ActivityRow } from '../notifications/plan-notifications';

type Tx = Prisma.TransactionClient;
type Json = Record<string, unknown>;

export interface WebhookEventRow extends ActivityRow {
  at: Date;
}

export interface FiredEvent {
  type: TWebhookEvent;
  data: Json;
}

const asObject = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export async function eventsOf(tx: Tx, activity: WebhookEventRow): Promise<FiredEvent[]> {
  const base = {
    activityId: String(activity.id),
    workspaceId: activity.workspaceId,
    projectId: activity.projectId,
    actorId: activity.actorId,
  };
  const before = asObject(activity.before);
  const after = asObject(activity.after);
  switch (activity.action) {
    case 'item.updated':
      return itemEvents(base, activity.entityId, before, after);
    case 'item.bulk_updated':
      return bulkItemEvents(base, activity.before, activity.after);
    case 'comment.added':
      return [
        { type: 'comment.created', data: { ...base, commentId: activity.entityId, ...after } },
      ];
    case 'kpi.recorded':
    case 'kpi.recorded_many':
      return kpiEvents(tx, base, activity.entityId, after);
    case 'lesson.created':
      return [{ type: 'lesson.created', data: { ...base, lessonId: activity.entityId, ...after } }];
    case 'project.created':
      return [{ type: 'project.created', data: { ...base, projectId: activity.entityId, after } }];
    case 'project.stage_changed':
      return [
        {
          type: 'project.stage_changed',
          data: { ...base, projectId: activity.entityId, before, after },
        },
      ];
    default:
      return [];
  }
}

/** `item.updated` for every change; `item.assigned` and `item.completed` when it is one. */
function itemEvents(base: Json, itemId: string, before: Json, after: Json): FiredEvent[] {
  const events: FiredEvent[] = [{ type: 'item.updated', data: { ...base, itemId, before, after } }];
  const assignee = asString(after.assigneeId);
  if ('assigneeId' in after && assignee && assignee !== asString(before.assigneeId)) {
    events.push({ type: 'item.assigned', data: { ...base, itemId, assigneeId: assignee } });
  }
  if (after.status === 'DONE' && before.status !== 'DONE') {
    events.push({ type: 'item.completed', data: { ...base, itemId } });
  }
  return events;
}

/** A bulk update is one activity row for many items: each item's own events. */
function bulkItemEvents(base: Json, before: unknown, after: unknown): FiredEvent[] {
  const was = new Map<string, Json>();
  for (const row of Array.isArray(before) ? before : []) {
    const id = asString(asObject(row).id);
    if (id) was.set(id, asObject(row));
  }
  const events: FiredEvent[] = [];
  for (const row of Array.isArray(after) ? after : []) {
    const now = asObject(row);
    const id = asString(now.id);
    const then = id ? was.get(id) : undefined;
    if (!id || !then) continue;
    const changed = Object.keys(now).filter((key) => key !== 'id' && now[key] !== then[key]);
    if (changed.length === 0) continue;
    const pick = (source: Json) => Object.fromEntries(changed.map((key) => [key, source[key]]));
    events.push(...itemEvents(base, id, pick(then), pick(now)));
  }
  return events;
}

/**
 * A measurement; and `kpi.off_track` when the value this activity recorded
 * made the KPI off track and the value before it (in time) did not, or there
 * was none. Judged on the recorded measurement, not the KPI's current latest,
 * so a row handled late still gives the same answer.
 */
async function kpiEvents(tx: Tx, base: Json, kpiId: string, after: Json): Promise<FiredEvent[]> {
  const events: FiredEvent[] = [
    { type: 'kpi.measurement_recorded', data: { ...base, kpiId, ...after } },
  ];
  const kpi = await tx.kpi.findUnique({
    where: { id: kpiId },
    select: { name: true, direction: true, baseline: true, target: true, archived: true },
  });
  if (!kpi || kpi.archived) return events;
  const select = { value: true, recordedAt: true, createdAt: true } as const;
  const order = [{ recordedAt: 'desc' as const }, { createdAt: 'desc' as const }];
  const measurementId = asString(after.measurementId);
  // One measurement: that one; a batch (no id): the KPI's latest.
  const recorded = measurementId
    ? await tx.kpiMeasurement.findUnique({ where: { id: measurementId }, select })
    : await tx.kpiMeasurement.findFirst({ where: { kpiId }, orderBy: order, select });
  if (!recorded) return events;
  const previous = await tx.kpiMeasurement.findFirst({
    where: {
      kpiId,
      OR: [
        { recordedAt: { lt: recorded.recordedAt } },
        { recordedAt: recorded.recordedAt, createdAt: { lt: recorded.createdAt } },
      ],
    },
    orderBy: order,
    select,
  });
  const onTrack = (value: number | null) =>
    kpiStatus({
      direction: kpi.direction,
      baseline: kpi.baseline,
      target: kpi.target,
      latest: value,
    }).onTrack;
  if (onTrack(recorded.value) === false && (previous ? onTrack(previous.value) : null) !== false) {
    events.push({
      type: 'kpi.off_track',
      data: { ...base, kpiId, name: kpi.name, value: recorded.value, target: kpi.target },
    });
  }
  return events;
}
