// New notifications reach their recipient's live stream (the bell's count) on
// the activity channel, as a change of entity type "notification" whose
// entityId is the recipient: announced in the transaction that writes them,
// so delivered at its commit. The stream passes it to that person only.
import { ACTIVITY_CHANNEL, Prisma } from '@shipshape/db';

export const NOTIFICATION_NOTICE = 'notification';

/**
 * SELECTs one notice per (workspace, recipient) of `rows`, a relation with
 * "workspaceId" and "recipientId" columns (a CTE or VALUES list of the
 * caller's): run it in the writing transaction.
 */
export function announceNotificationsSql(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT pg_notify(${ACTIVITY_CHANNEL}, json_build_object(
             'id', '0', 'workspaceId', r."workspaceId", 'projectId', NULL, 'actorId', NULL,
             'entityType', ${NOTIFICATION_NOTICE}::text, 'entityId', r."recipientId",
             'action', 'notification.created')::text)
      FROM (SELECT DISTINCT "workspaceId", "recipientId" FROM ${rows}) r`;
}
