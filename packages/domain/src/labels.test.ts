import { describe, expect, it } from 'vitest';
import { ITEM_STATUS_LABEL, ROLE_LABEL, humanizeKey, itemStatusLabel, roleLabel } from './labels';
import { ZItemStatus, ZRole } from './schemas';

describe('[labels]', () => {
  it('has a label for every item status and role', () => {
    expect(Object.keys(ITEM_STATUS_LABEL).sort()).toEqual([...ZItemStatus.options].sort());
    expect(Object.keys(ROLE_LABEL).sort()).toEqual([...ZRole.options].sort());
    expect(itemStatusLabel('NOT_APPLICABLE')).toBe('Not applicable');
    expect(roleLabel('MEMBER')).toBe('Member');
  });

  it('makes unknown keys readable', () => {
    expect(humanizeKey('modelling')).toBe('Modelling');
    expect(humanizeKey('data_prep')).toBe('Data prep');
    expect(humanizeKey('SOME_NEW_STATUS')).toBe('Some new status');
    expect(humanizeKey('kpi.recorded_many')).toBe('Kpi recorded many');
    expect(itemStatusLabel('LATER')).toBe('Later');
  });
});
