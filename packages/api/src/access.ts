import type { Db } from '@shipshape/db';
import type { TRole } from '@shipshape/domain';
import type { AccessClaims } from './context';
import { notFound } from './errors';

/** Where a procedure's input points; the workspace is found from it. */
export type Locator =
  | { kind: 'workspace'; id: string }
  | { kind: 'project'; id: string }
  | { kind: 'item'; id: string }
  | { kind: 'kpi'; id: string }
  | { kind: 'lesson'; id: string }
  | { kind: 'comment'; id: string }
  | { kind: 'evidence'; id: string }
  | { kind: 'webhook'; id: string };

export type LocatorKind = Locator['kind'];

export const entityLabel: Record<LocatorKind, string> = {
  workspace: 'Workspace',
  project: 'Project',
  item: 'Checklist item',
  kpi: 'KPI',
  lesson: 'Lesson',
  comment: 'Comment',
  evidence: 'Evidence link',
  webhook: 'Webhook',
};

// How each kind of id leads to its workspace. Constant SQL fragments, never
// built from input: the id is always a bound parameter.
export const workspaceOf: Record<LocatorKind, string> = {
  workspace: '$2::uuid',
  project: '(SELECT "workspaceId" FROM projects WHERE id = $2::uuid)',
  item: '(SELECT "workspaceId" FROM project_items WHERE id = $2::uuid)',
  kpi: '(SELECT "workspaceId" FROM kpis WHERE id = $2::uuid)',
  lesson: '(SELECT "workspaceId" FROM lessons WHERE id = $2::uuid AND "deletedAt" IS NULL)',
  comment: '(SELECT "workspaceId" FROM comments WHERE id = $2::uuid AND "deletedAt" IS NULL)',
  evidence:
    '(SELECT i."workspaceId" FROM evidence_links e JOIN project_items i ON i.id = e."itemId" WHERE e.id = $2::uuid)',
  webhook: '(SELECT "workspaceId" FROM webhooks WHERE id = $2::uuid)',
};

// How each kind of id leads to its project, where it has one (same rules).
export const projectOf: Record<LocatorKind, string> = {
  workspace: 'NULL::uuid',
  project: '$2::uuid',
  item: '(SELECT "projectId" FROM project_items WHERE id = $2::uuid)',
  kpi: '(SELECT "projectId" FROM kpis WHERE id = $2::uuid)',
  lesson: 'NULL::uuid',
  comment: 'NULL::uuid',
  evidence: 'NULL::uuid',
  webhook: 'NULL::uuid',
};

export { roleAtLeast } from '@shipshape/domain';

export interface Caller {
  user: { id: string; email: string; name: string };
  /** False when the account is disabled, the token predates its sessions, or
   * the token's own session was logged out (or revoked as stolen). */
  sessionValid: boolean;
}

export interface CallerInWorkspace extends Caller {
  membership: {
    workspaceId: string;
    role: TRole;
    dataVersion: number;
    /** The version of what a read inside the locator's project depends on: the
     * project's own writes and the workspace's shared ones (members, the
     * workspace). Null when the locator is not inside a project. */
    projectVersion: string | null;
  } | null;
}

interface CallerRow {
  email: string;
  name: string;
  disabled: boolean;
  validAfterMs: number;
  sessionLive: boolean;
}

/** The account columns of a caller check; `sid` is the parameter holding the
 * token's session id. A session lives while its family has a usable token. */
function callerColumns(sid: string): string {
  return `u.email, u.name, u.disabled,
            (extract(epoch FROM u."sessionsValidAfter") * 1000)::float8 AS "validAfterMs",
            EXISTS (SELECT 1 FROM refresh_tokens r
                     WHERE r."familyId" = ${sid}::uuid AND r."userId" = u.id
                       AND r."revokedAt" IS NULL AND r."expiresAt" > now()) AS "sessionLive"`;
}

function callerOf(claims: AccessClaims, row: CallerRow): Caller {
  return {
    user: { id: claims.sub, email: row.email, name: row.name },
    sessionValid: !row.disabled && row.sessionLive && claims.sv >= Math.round(row.validAfterMs),
  };
}

/** The signed-in caller, read from the database on every request, in one statement. */
export async function findCaller(db: Db, claims: AccessClaims): Promise<Caller | null> {
  const rows = await db.$queryRawUnsafe<CallerRow[]>(
    `SELECT ${callerColumns('$2')} FROM users u WHERE u.id = $1::uuid`,
    claims.sub,
    claims.sid,
  );
  const row = rows[0];
  return row ? callerOf(claims, row) : null;
}

/** The statement of `findCallerInWorkspace`: $1 user id, $2 the locator's id, $3 session id
 * (exported for the benchmark's bare `pg` route). */
export function callerInWorkspaceSql(kind: LocatorKind): string {
  return `SELECT ${callerColumns('$3')},
            m."workspaceId", m.role::text AS role, w."dataVersion",
            w."sharedVersion" || '.' || p."dataVersion" AS "projectVersion"
       FROM users u
       LEFT JOIN memberships m ON m."userId" = u.id AND m."workspaceId" = ${workspaceOf[kind]}
       LEFT JOIN workspaces w ON w.id = m."workspaceId"
       LEFT JOIN projects p ON p.id = ${projectOf[kind]} AND p."workspaceId" = w.id
      WHERE u.id = $1::uuid`;
}

/**
 * The caller's account, session and their membership in the workspace the
 * locator points into, read from the database on every request (so a removed
 * member or a revoked session is out at once), in one round trip.
 * `membership` is null when the entity does not exist or is in a workspace the
 * caller is not in: the two are indistinguishable on purpose.
 */
export async function findCallerInWorkspace(
  db: Db,
  claims: AccessClaims,
  locator: Locator,
): Promise<CallerInWorkspace | null> {
  const rows = await db.$queryRawUnsafe<
    Array<
      CallerRow & {
        workspaceId: string | null;
        role: TRole | null;
        dataVersion: number | null;
        projectVersion: string | null;
      }
    >
  >(callerInWorkspaceSql(locator.kind), claims.sub, locator.id, claims.sid);
  const row = rows[0];
  if (!row) return null;
  return { ...callerOf(claims, row), membership: membershipOf(row) };
}

/** The membership columns of a caller check (a session's or an API token's), or null. */
export function membershipOf(row: {
  workspaceId: string | null;
  role: TRole | null;
  dataVersion: number | null;
  projectVersion: string | null;
}): CallerInWorkspace['membership'] {
  return row.workspaceId && row.role
    ? {
        workspaceId: row.workspaceId,
        role: row.role,
        dataVersion: row.dataVersion ?? 0,
        projectVersion: row.projectVersion,
      }
    : null;
}

/**
 * A project an input names besides its locator (a filter) must be in the
 * caller's workspace; else NOT_FOUND, as for any entity that is not theirs.
 */
export async function assertProjectInWorkspace(
  db: Db,
  workspaceId: string,
  projectId: string | undefined,
): Promise<void> {
  if (!projectId) return;
  const project = await db.project.findFirst({
    where: { id: projectId, workspaceId },
    select: { id: true },
  });
  if (!project) throw notFound('Project');
}

/** Locators for `workspaceProcedure`, one per kind of id an input carries. */
export const byWorkspace = (input: { workspaceId: string }): Locator => ({
  kind: 'workspace',
  id: input.workspaceId,
});
export const byProject = (input: { projectId: string }): Locator => ({
  kind: 'project',
  id: input.projectId,
});
export const byItem = (input: { itemId: string }): Locator => ({ kind: 'item', id: input.itemId });
export const byWebhook = (input: { id: string }): Locator => ({ kind: 'webhook', id: input.id });
export const byKpi = (input: { kpiId: string }): Locator => ({ kind: 'kpi', id: input.kpiId });
export const byLesson = (input: { lessonId: string }): Locator => ({
  kind: 'lesson',
  id: input.lessonId,
});
export const byComment = (input: { commentId: string }): Locator => ({
  kind: 'comment',
  id: input.commentId,
});
