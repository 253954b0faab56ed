import type { Db } from '@shipshape/db';
import type { TLiveEvent } from '@shipshape/domain';
import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import { findCallerInWorkspace } from '../access';
import type { AccessClaims } from '../context';
import type { ActivityHub, LiveChange } from './activity-hub';
import { NOTIFICATION_NOTICE } from './notification-notice';

/** How often an idle stream re-checks the session and membership. */
export const LIVE_RECHECK_MS = 30_000;
/** More missed changes than this on resume: the client reloads everything instead. */
export const LIVE_REPLAY_LIMIT = 200;
/**
 * Activity ids are taken at insert and become visible at commit, so a
 * transaction can commit after one with a higher id. Resuming therefore also
 * replays rows a little older than the last one seen, written around the same
 * time (writes time out well within this window); a change told twice only
 * reloads a query twice.
 */
const RESUME_OVERLAP_IDS = 1_000;
const RESUME_OVERLAP = '30 seconds';
/** Changes that may end someone's access: members, roles, the workspace itself. */
const ACCESS_CHANGES = new Set(['membership', 'workspace']);

export interface StreamArgs {
  db: Db;
  hub: ActivityHub;
  claims: AccessClaims;
  workspaceId: string;
  lastEventId: string | null | undefined;
  signal: AbortSignal;
}

type Event = TrackedEnvelope<TLiveEvent>;

/**
 * A workspace's committed changes, as they commit, for as long as the caller
 * stays a member with a live session: membership is re-checked on every
 * change to the workspace's members (or the workspace) and every 30 s, so a
 * removed member's stream ends at once. Resumes after `lastEventId`.
 */
export async function* streamWorkspace(args: StreamArgs): AsyncGenerator<Event, void> {
  const { hub, signal } = args;
  // Subscribed before the replay is read, so nothing falls between the two.
  const subscription = hub.subscribe(args.workspaceId);
  try {
    const replayed = new Set<string>();
    // The last event id told: a notice of new notifications has no activity id
    // of its own and repeats it, so resuming still starts where it should.
    let lastId = args.lastEventId ?? '0';
    let checkedAt = Date.now();
    if (args.lastEventId) {
      for (const event of await replay(args, args.lastEventId)) {
        if (event.data.kind === 'change') replayed.add(event.id);
        lastId = event.id;
        yield tracked(event.id, event.data);
      }
    }
    for (;;) {
      const next = await subscription.next(signal, LIVE_RECHECK_MS);
      if (next.kind === 'closed') {
        if (signal.aborted) return;
        // The process is shutting down: a retryable error makes the tRPC client
        // reconnect (to a process that is up) and resume after its last event;
        // a plain end of the stream would make it stop.
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          message: 'The server is restarting; reconnecting.',
        });
      }
      // Re-checked every 30 s however busy the workspace is (a stream of
      // changes must not keep a signed-out or removed member listening).
      if (next.kind === 'idle' || Date.now() - checkedAt >= LIVE_RECHECK_MS) {
        await assertStillMember(args);
        checkedAt = Date.now();
        if (next.kind === 'idle') continue;
      }
      if (next.kind === 'refetch') {
        lastId = next.lastId ?? lastId;
        yield tracked(lastId, { kind: 'refetch' });
        continue;
      }
      const { change } = next;
      if (change.entityType === NOTIFICATION_NOTICE) {
        // Only its recipient hears of a notification (entityId is who).
        if (change.entityId === args.claims.sub) yield tracked(lastId, toEvent(change));
        continue;
      }
      if (ACCESS_CHANGES.has(change.entityType)) {
        await assertStillMember(args);
        checkedAt = Date.now();
      }
      if (replayed.delete(change.id)) continue;
      lastId = change.id;
      yield tracked(change.id, toEvent(change));
    }
  } finally {
    subscription.close();
  }
}

function toEvent(change: LiveChange): TLiveEvent {
  return {
    kind: 'change',
    id: change.id,
    projectId: change.projectId,
    actorId: change.actorId,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
  };
}

async function assertStillMember({ db, claims, workspaceId }: StreamArgs): Promise<void> {
  const caller = await findCallerInWorkspace(db, claims, { kind: 'workspace', id: workspaceId });
  if (!caller?.sessionValid) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Your session has ended. Sign in again.',
    });
  }
  if (!caller.membership) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'You are no longer a member of this workspace.',
    });
  }
}

interface ReplayRow {
  id: string;
  projectId: string | null;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
}

/**
 * The workspace's changes since `lastEventId`, or one "refetch" when that
 * cannot be told: too many, or an id that is not this workspace's (the row of
 * `lastEventId` itself is always among the rows when it is).
 */
async function replay(
  { db, workspaceId }: StreamArgs,
  lastEventId: string,
): Promise<Array<{ id: string; data: TLiveEvent }>> {
  const rows = await db.$queryRawUnsafe<ReplayRow[]>(
    `WITH last AS (
       SELECT at FROM activity_log WHERE id = $2::bigint AND "workspaceId" = $1::uuid
     )
     SELECT a.id::text AS id, a."projectId", a."actorId", a."entityType", a."entityId", a.action
       FROM activity_log a, last
      WHERE a."workspaceId" = $1::uuid
        AND a.id > $2::bigint - ${RESUME_OVERLAP_IDS}
        AND (a.id >= $2::bigint OR a.at > last.at - interval '${RESUME_OVERLAP}')
      ORDER BY a.id
      LIMIT ${LIVE_REPLAY_LIMIT + 1}`,
    workspaceId,
    lastEventId,
  );
  if (rows.length === 0 || rows.length > LIVE_REPLAY_LIMIT) {
    return [{ id: await latestId(db, workspaceId), data: { kind: 'refetch' } }];
  }
  return rows
    .filter((row) => row.id !== lastEventId)
    .map((row) => ({ id: row.id, data: toEvent({ ...row, workspaceId }) }));
}

async function latestId(db: Db, workspaceId: string): Promise<string> {
  const rows = await db.$queryRaw<Array<{ id: string | null }>>`
    SELECT max(id)::text AS id FROM activity_log WHERE "workspaceId" = ${workspaceId}::uuid`;
  return rows[0]?.id ?? '0';
}
