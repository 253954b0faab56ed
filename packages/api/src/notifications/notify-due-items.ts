// The scheduled half of notifications: open items due tomorrow, or overdue,
// in each assignee's own time zone. One statement; the unique
// (recipient, kind, source) makes running it again, or from two processes,
// harmless: an item is announced once per due date.
import { Prisma, type Db } from '@shipshape/db';
import { announceNotificationsSql } from '../live/notification-notice';

/** Creates the due-soon and overdue notifications due at `now` (announced to
 * their recipients' live streams); returns how many. */
export async function notifyDueItems({
  db,
  now = new Date(),
}: {
  db: Db;
  now?: Date;
}): Promise<number> {
  const rows = await db.$queryRaw<Array<{ created: number }>>`
    WITH due AS (
      SELECT i.id, i."workspaceId", i."projectId", i."assigneeId", i."dueDate",
             CASE WHEN i."dueDate" = local.today + 1 THEN 'DUE_SOON'
                  WHEN i."dueDate" < local.today THEN 'OVERDUE' END AS kind
        FROM project_items i
        JOIN memberships m ON m."workspaceId" = i."workspaceId" AND m."userId" = i."assigneeId"
        LEFT JOIN notification_settings s ON s."userId" = i."assigneeId"
       CROSS JOIN LATERAL (
             SELECT (${now}::timestamptz AT TIME ZONE coalesce(s."timeZone", 'UTC'))::date AS today
       ) local
       WHERE i."assigneeId" IS NOT NULL
         AND i.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
         AND i."dueDate" IS NOT NULL
         AND i."dueDate" <= local.today + 1
         AND i."dueDate" <> local.today
    ), added AS (
    INSERT INTO notifications (id, "recipientId", "workspaceId", "projectId", "itemId", kind,
                               "sourceKey", data, "createdAt")
    SELECT gen_random_uuid(), due."assigneeId", due."workspaceId", due."projectId", due.id,
           due.kind::"NotificationKind",
           lower(due.kind) || ':' || due.id || ':' || due."dueDate",
           jsonb_build_object('dueDate', to_char(due."dueDate", 'YYYY-MM-DD')),
           ${now}::timestamptz
      FROM due
      LEFT JOIN notification_preferences p
        ON p."userId" = due."assigneeId" AND p.kind = due.kind::"NotificationKind"
     WHERE coalesce(p.channel, 'EMAIL') <> 'OFF'
    ON CONFLICT ("recipientId", kind, "sourceKey") DO NOTHING
    RETURNING "workspaceId", "recipientId"
    ), told AS (${announceNotificationsSql(Prisma.sql`added`)})
    SELECT (SELECT count(*) FROM added)::int AS created, (SELECT count(*) FROM told)::int AS told`;
  return rows[0]?.created ?? 0;
}
