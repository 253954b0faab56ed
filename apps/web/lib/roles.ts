import type { TRole } from '@shipshape/domain';
import { ROLE_LABEL } from '@shipshape/domain/labels';
import { ROLES, roleAtLeast as domainRoleAtLeast } from '@shipshape/domain/roles';

export { ROLES, ROLE_LABEL };

/** The domain's rule; the API still decides (the UI only hides what would be refused). */
export function roleAtLeast(role: TRole | undefined, minimum: TRole): boolean {
  return role !== undefined && domainRoleAtLeast(role, minimum);
}

export const ROLE_HELP: Record<TRole, string> = {
  OWNER: 'Everything, including deleting the workspace and managing owners.',
  ADMIN: 'Manages members, invitations and templates.',
  MEMBER: 'Creates and edits projects.',
  VIEWER: 'Reads everything, changes nothing.',
};
