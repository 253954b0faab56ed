import { describe, expect, it } from 'vitest';
import { groupByProject } from './notification-groups';

const workspace = { id: 'w1', name: 'Acme' };
const entry = (id: string, project: string | null) => ({
  id,
  workspace,
  project: project ? { id: project, name: `Project ${project}` } : null,
});

describe('[notifications] inbox grouping', () => {
  it('groups by project in the order of each group’s newest entry', () => {
    const groups = groupByProject([
      entry('1', 'b'),
      entry('2', 'a'),
      entry('3', 'b'),
      entry('4', null),
    ]);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ['Project b', ['1', '3']],
      ['Project a', ['2']],
      ['Acme', ['4']],
    ]);
  });

  it('keeps workspace-wide entries of two workspaces apart', () => {
    const other = { id: 'w2', name: 'Other' };
    const groups = groupByProject([entry('1', null), { ...entry('2', null), workspace: other }]);
    expect(groups.map((g) => g.key)).toEqual(['workspace:w1', 'workspace:w2']);
  });

  it('shows an entry once when two pages overlap', () => {
    expect(groupByProject([entry('1', 'a'), entry('1', 'a')])[0]!.items).toHaveLength(1);
  });
});
