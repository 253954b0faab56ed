import { describe, expect, it } from 'vitest';
import { ROLES, roleAtLeast } from './roles';

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
