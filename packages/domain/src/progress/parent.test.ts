import { describe, expect, it } from 'vitest';
import { canMarkParentDone } from './parent';

describe('canMarkParentDone', () => {
  it('allows closing when every child is DONE or NOT_APPLICABLE', () => {
    expect(canMarkParentDone([{ status: 'DONE' }, { status: 'NOT_APPLICABLE' }])).toBe(true);
  });

  it('refuses while any child is still open', () => {
    for (const open of ['TODO', 'IN_PROGRESS', 'BLOCKED'] as const) {
      expect(canMarkParentDone([{ status: 'DONE' }, { status: open }])).toBe(false);
    }
  });

  it('allows a parent without children', () => {
    expect(canMarkParentDone([])).toBe(true);
  });
});
