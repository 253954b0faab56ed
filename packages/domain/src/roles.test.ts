import { describe, expect, it } from 'vitest';
import { ROLES, canDeleteAuthored, roleAtLeast } from './roles';

describe('[roles] roleAtLeast', () => {
  it('orders owner > admin > member > viewer, each at least itself', () => {
    expect(ROLES).toEqual(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);
    for (const [index, role] of ROLES.entries()) {
      for (const [other, minimum] of ROLES.entries()) {
        expect(roleAtLeast(role, minimum), `${role} ≥ ${minimum}`).toBe(index <= other);
      }
    }
  });
});

describe('[roles] canDeleteAuthored', () => {
  it('lets the author, an admin or an owner delete; not another member or viewer', () => {
    expect(canDeleteAuthored({ id: 'a', role: 'VIEWER' }, 'a')).toBe(true);
    expect(canDeleteAuthored({ id: 'b', role: 'MEMBER' }, 'a')).toBe(false);
    expect(canDeleteAuthored({ id: 'b', role: 'VIEWER' }, null)).toBe(false);
    expect(canDeleteAuthored({ id: 'b', role: 'ADMIN' }, 'a')).toBe(true);
    expect(canDeleteAuthored({ id: 'b', role: 'OWNER' }, undefined)).toBe(true);
  });
});
