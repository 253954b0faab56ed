import { z } from 'zod';
import { ZId, ZPageSize, ZRole } from './common';

/** Activity ids are bigints; they travel as decimal strings. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;
export const ZActivityCursor = z
  .string()
  .regex(/^[0-9]{1,19}$/, 'must be an activity id')
  .refine(
    // zod runs refinements after a failed check too: only digits reach BigInt.
    (id) => !/^[0-9]{1,19}$/.test(id) || BigInt(id) <= MAX_BIGINT,
    'must be an activity id',
  );

/**
 * The workspace's activity, newest first (by id, which only grows). With
 * `projectId` (a project of this workspace), only that project's activity.
 * `cursor` is the previous page's `nextCursor`: the id of its last entry.
 */
export const ZActivityListInput = z.strictObject({
  workspaceId: ZId,
  projectId: ZId.optional(),
  cursor: ZActivityCursor.optional(),
  limit: ZPageSize,
});
export type TActivityListInput = z.infer<typeof ZActivityListInput>;

export const ZActivityEntry = z.object({
  /** The bigint id, as a string. */
  id: z.string(),
  workspaceId: ZId,
  projectId: ZId.nullable(),
  /** Null when the actor's account is gone (or the system acted). */
  actor: z.object({ id: ZId, name: z.string() }).nullable(),
  /** "lesson.created", "project.updated", … */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** What the entity was and became, as the writing procedure recorded it.
   * Null when not recorded, or withheld from the caller's role. */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: z.date(),
  /** What the sentence names, as it is now; null when gone or not named:
   * item → the item's title; comment and evidence → the title of the item they
   * are on; kpi → its name; lesson → its title; project → its name;
   * membership → the member's name; workspace → its name. */
  entityTitle: z.string().nullable().optional(),
  /** The entry's project's name; null for workspace-level entries. */
  projectName: z.string().nullable().optional(),
  /** For invitation entries: who was invited, as what. Null for other entries,
   * and withheld (null) from roles below ADMIN, like before/after. */
  invitee: z.object({ email: z.string(), role: ZRole }).nullable().optional(),
});
export type TActivityEntry = z.infer<typeof ZActivityEntry>;

export const ZActivityPage = z.object({
  items: z.array(ZActivityEntry),
  nextCursor: z.string().nullable(),
});
export type TActivityPage = z.infer<typeof ZActivityPage>;
