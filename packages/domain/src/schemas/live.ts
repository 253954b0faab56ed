import { z } from 'zod';
import { ZActivityCursor } from './activity';
import { ZId } from './common';

/**
 * A live stream of a workspace's committed changes. `lastEventId` (set by the
 * tRPC client when it reconnects) is the last event seen: the activity id to
 * resume after.
 */
export const ZLiveInput = z.strictObject({
  workspaceId: ZId,
  lastEventId: ZActivityCursor.nullish(),
});
export type TLiveInput = z.infer<typeof ZLiveInput>;

/** One committed change, as a subscriber sees it: enough to know what to reload. */
export const ZLiveChange = z.object({
  kind: z.literal('change'),
  /** The activity id (a decimal string): the stream's event id. */
  id: z.string(),
  projectId: ZId.nullable(),
  /** Who made it: a browser skips echoes of its own writes. */
  actorId: ZId.nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
});

/** Changes may have been missed (a slow reader, a lost connection, a long gap): reload everything. */
export const ZLiveRefetch = z.object({ kind: z.literal('refetch') });

export const ZLiveEvent = z.discriminatedUnion('kind', [ZLiveChange, ZLiveRefetch]);
export type TLiveEvent = z.infer<typeof ZLiveEvent>;
