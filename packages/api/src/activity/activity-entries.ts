import { Prisma, type Db } from '@shipshape/db';
import type { TActivityEntry, TRole } from '@shipshape/domain';
import { roleAtLeast } from '../access';

/** Entity types whose before/after only ADMIN and OWNER may read: an
 * invitation's carries the invitee's email, and listing invitations is an
 * admin's business (workspace.invitations). Others still see who did it, when. */
const adminOnlyDetails = new Set(['invitation']);

/** Whether `role` reads every entry whole, admin-only details included. */
export function seesActivityDetails(role: TRole): boolean {
  return roleAtLeast(role, 'ADMIN');
}

interface ActivityRow {
  id: bigint;
  workspaceId: string;
  projectId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  projectName: string | null;
  entityTitle: string | null;
  inviteeEmail: string | null;
  inviteeRole: TRole | null;
}

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * A workspace's activity entries, newest first: all of them or one project's,
 * older than `beforeId` when given, at most `limit`. Each carries the names a
 * sentence needs (the entity's title, the project's name, an invitation's
 * invitee), found in the same statement: one query however many entries.
 * Without `details` (see `seesActivityDetails`), admin-only details are null.
 */
export async function readActivityEntries(
  db: Db,
  details: boolean,
  page: { workspaceId: string; projectId?: string; beforeId?: bigint; limit: number },
): Promise<TActivityEntry[]> {
  // The page first, then the names of its entries only (index lookups).
  const rows = await db.$queryRaw<ActivityRow[]>`
    WITH page AS (
      SELECT a.*,
             CASE WHEN a."entityId" ~ ${UUID} THEN a."entityId"::uuid END AS "entityUuid",
             -- Evidence entries name their item in the recorded values; as a
             -- uuid (when it is one) so the lookup uses the primary key.
             CASE WHEN COALESCE(a.after->>'itemId', a.before->>'itemId') ~ ${UUID}
                  THEN COALESCE(a.after->>'itemId', a.before->>'itemId')::uuid END AS "evidenceItemUuid"
        FROM activity_log a
       WHERE a."workspaceId" = ${page.workspaceId}::uuid
         ${page.projectId ? Prisma.sql`AND a."projectId" = ${page.projectId}::uuid` : Prisma.empty}
         ${page.beforeId !== undefined ? Prisma.sql`AND a.id < ${page.beforeId}` : Prisma.empty}
       ORDER BY a.id DESC
       LIMIT ${page.limit}
    )
    SELECT page.id, page."workspaceId", page."projectId", page.action, page."entityType",
           page."entityId", page.before, page.after, page.at,
           u.id AS "actorId", u.name AS "actorName", p.name AS "projectName",
           CASE page."entityType"
             WHEN 'item' THEN (SELECT i.title FROM project_items i
                                WHERE i.id = page."entityUuid" AND i."workspaceId" = page."workspaceId")
             WHEN 'comment' THEN (SELECT i.title FROM comments c JOIN project_items i ON i.id = c."itemId"
                                   WHERE c.id = page."entityUuid" AND c."workspaceId" = page."workspaceId")
             WHEN 'evidence' THEN (SELECT i.title FROM project_items i
                                    WHERE i.id = page."evidenceItemUuid" AND i."workspaceId" = page."workspaceId")
             WHEN 'kpi' THEN (SELECT k.name FROM kpis k
                               WHERE k.id = page."entityUuid" AND k."workspaceId" = page."workspaceId")
             WHEN 'lesson' THEN (SELECT l.title FROM lessons l
                                  WHERE l.id = page."entityUuid" AND l."workspaceId" = page."workspaceId"
                                    AND l."deletedAt" IS NULL)
             WHEN 'project' THEN (SELECT pr.name FROM projects pr
                                   WHERE pr.id = page."entityUuid" AND pr."workspaceId" = page."workspaceId")
             WHEN 'membership' THEN (SELECT mu.name FROM users mu WHERE mu.id = page."entityUuid")
             WHEN 'workspace' THEN (SELECT w.name FROM workspaces w
                                     WHERE w.id = page."entityUuid" AND w.id = page."workspaceId")
           END AS "entityTitle",
           inv.email AS "inviteeEmail", inv.role::text AS "inviteeRole"
      FROM page
      LEFT JOIN users u ON u.id = page."actorId"
      LEFT JOIN projects p ON p.id = page."projectId"
      LEFT JOIN invitations inv ON page."entityType" = 'invitation'
                               AND inv.id = page."entityUuid" AND inv."workspaceId" = page."workspaceId"
     ORDER BY page.id DESC`;
  return rows.map((row) => {
    const withheld = !details && adminOnlyDetails.has(row.entityType);
    return {
      id: row.id.toString(),
      workspaceId: row.workspaceId,
      projectId: row.projectId,
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: withheld ? null : (row.before ?? null),
      after: withheld ? null : (row.after ?? null),
      at: row.at,
      entityTitle: row.entityTitle,
      projectName: row.projectName,
      invitee:
        !withheld && row.inviteeEmail && row.inviteeRole
          ? { email: row.inviteeEmail, role: row.inviteeRole }
          : null,
    };
  });
}
