import type { TRole } from '@shipshape/domain';

const RANK: Record<TRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export const ROLES: readonly TRole[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];

/** Mirrors the API's rule; the API still decides (the UI only hides what would be refused). */
export function roleAtLeast(role: TRole | undefined, minimum: TRole): boolean {
  return role !== undefined && RANK[role] >= RANK[minimum];
}

export const ROLE_LABEL: Record<TRole, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};

export const ROLE_HELP: Record<TRole, string> = {
  OWNER: 'Everything, including deleting the workspace and managing owners.',
  ADMIN: 'Manages members, invitations and templates.',
  MEMBER: 'Creates and edits projects.',
  VIEWER: 'Reads everything, changes nothing.',
};
