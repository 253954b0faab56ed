import type { TRole } from './schemas/common';

/** Every role, most powerful first (the order a role picker shows them). */
export const ROLES: readonly TRole[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];

const RANK: Record<TRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** Whether `role` may do what needs `minimum`: the API decides with it, the web hides with it. */
export function roleAtLeast(role: TRole, minimum: TRole): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Comments and lessons: their author may delete them, and so may an admin or owner. */
export function canDeleteAuthored(
  actor: { id: string; role: TRole },
  authorId: string | null | undefined,
): boolean {
  return authorId === actor.id || roleAtLeast(actor.role, 'ADMIN');
}
