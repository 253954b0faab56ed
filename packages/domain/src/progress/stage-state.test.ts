import { describe, expect, it } from 'vitest';
import { stageState } from './stage-state';
import { summarizeCounts } from './summary';

const quiet = { overdue: 0, isCurrent: false };

describe('stageState', () => {
  it('is empty when nothing applies, even though percentDone says 100', () => {
    expect(stageState(summarizeCounts({}), quiet)).toBe('empty');
    expect(
      stageState(summarizeCounts({ NOT_APPLICABLE: 4 }), { overdue: 0, isCurrent: true }),
    ).toBe('empty');
  });

  it('is done when every applicable item is DONE', () => {
    expect(stageState(summarizeCounts({ DONE: 3, NOT_APPLICABLE: 2 }), quiet)).toBe('done');
  });

  it('is blocked when any item is BLOCKED, ahead of overdue items', () => {
    const summary = summarizeCounts({ DONE: 5, BLOCKED: 1 });
    expect(stageState(summary, quiet)).toBe('blocked');
    expect(stageState(summary, { overdue: 3, isCurrent: true })).toBe('blocked');
  });

  it('is at risk when an open item is overdue', () => {
    expect(stageState(summarizeCounts({ TODO: 2 }), { overdue: 1, isCurrent: false })).toBe(
      'at-risk',
    );
  });

  it('is in progress once work started, or when it is the current stage', () => {
    expect(stageState(summarizeCounts({ TODO: 2, IN_PROGRESS: 1 }), quiet)).toBe('in-progress');
    expect(stageState(summarizeCounts({ TODO: 2, DONE: 1 }), quiet)).toBe('in-progress');
    expect(stageState(summarizeCounts({ TODO: 2 }), { overdue: 0, isCurrent: true })).toBe(
      'in-progress',
    );
  });

  it('is not started when everything applicable is TODO outside the current stage', () => {
    expect(stageState(summarizeCounts({ TODO: 2, NOT_APPLICABLE: 1 }), quiet)).toBe('not-started');
  });
});
