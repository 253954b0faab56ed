import { describe, expect, it } from 'vitest';
import { notificationPath, notificationText } from './sentences';

describe('[notifications] sentences and links', () => {
  it('names the actor and the subject in one sentence', () => {
    expect(notificationText({ kind: 'ASSIGNED', actorName: 'Ana', subject: 'Define KPIs' })).toBe(
      'Ana assigned you “Define KPIs”.',
    );
    expect(
      notificationText({ kind: 'STATUS_CHANGED', actorName: null, subject: 'X', status: 'DONE' }),
    ).toBe('Someone marked “X” done.');
    expect(
      notificationText({ kind: 'OVERDUE', actorName: null, subject: 'X', dueDate: '2026-12-01' }),
    ).toBe('“X” is overdue (due 2026-12-01).');
  });

  it('links straight to the item, the KPIs, or the members page', () => {
    const base = {
      workspaceSlug: 'ml',
      projectId: 'p1',
      stageKey: null,
      itemId: null,
      kpiId: null,
    };
    expect(notificationPath({ ...base, stageKey: 'data prep', itemId: 'i1' })).toBe(
      '/w/ml/p/p1/s/data%20prep#item-i1',
    );
    expect(notificationPath({ ...base, kpiId: 'k1' })).toBe('/w/ml/p/p1/kpis');
    expect(notificationPath({ ...base, projectId: null })).toBe('/w/ml/settings/members');
  });
});
