import type { Db } from '@shipshape/db';
import type { TRole } from '@shipshape/domain';

/** Where a procedure's input points; the workspace is found from it. */
export type Locator =
  | { kind: 'workspace'; id: string }
  | { kind: 'project'; id: string }
  | { kind: 'item'; id: string }
  | { kind: 'kpi'; id: string }
  | { kind: 'lesson'; id: string }
  | { kind: 'comment'; id: string }
  | { kind: 'evidence'; id: string };

export type LocatorKind = Locator['kind'];

export const entityLabel: Record<LocatorKind, string> = {
  workspace: 'Workspace',
  project: 'Project',
  item: 'Checklist item',
  kpi: 'KPI',
  lesson: 'Lesson',
  comment: 'Comment',
  evidence: 'Evidence link',
};

// How each kind of id leads to its workspace. Constant SQL fragments, never
// built from input: the id is always a bound parameter.
const workspaceOf: Record<LocatorKind, string> = {
  workspace: '$2::uuid',
  project: '(SELECT "workspaceId" FROM projects WHERE id = $2::uuid)',
  item: '(SELECT "workspaceId" FROM project_items WHERE id = $2::uuid)',
  kpi: '(SELECT "workspaceId" FROM kpis WHERE id = $2::uuid)',
  lesson: '(SELECT "workspaceId" FROM lessons WHERE id = $2::uuid AND "deletedAt" IS NULL)',
  comment: '(SELECT "workspaceId" FROM comments WHERE id = $2::uuid AND "deletedAt" IS NULL)',
  evidence:
    '(SELECT i."workspaceId" FROM evidence_links e JOIN project_items i ON i.id = e."itemId" WHERE e.id = $2::uuid)',
};

const roleRank: Record<TRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function roleAtLeast(role: TRole, minimum: TRole): boolean {
  return roleRank[role] >= roleRank[minimum];
}

/**
 * The caller's membership in the workspace the locator points into, read from
 * the database on every request (so a removed member is out at once), in one
 * round trip. Null when the entity does not exist or is in a workspace the
 * caller is not in: the two are indistinguishable on purpose.
 */
export async function findMembership(
  db: Db,
  userId: string,
  locator: Locator,
): Promise<{ workspaceId: string; role: TRole } | null> {
  const rows = await db.$queryRawUnsafe<Array<{ workspaceId: string; role: TRole }>>(
    `SELECT m."workspaceId", m.role::text AS role FROM memberships m
      WHERE m."userId" = $1::uuid AND m."workspaceId" = ${workspaceOf[locator.kind]}`,
    userId,
    locator.id,
  );
  return rows[0] ?? null;
}
