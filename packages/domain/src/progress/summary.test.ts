import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_STATUSES, type TItemStatus } from './status';
import { summarizeCounts, summarizeStatuses } from './summary';

const items = (...statuses: TItemStatus[]) => statuses.map((status) => ({ status }));
const arbitraryItems = fc.array(
  fc.constantFrom(...ITEM_STATUSES).map((status) => ({ status })),
  { maxLength: 300 },
);

describe('summarizeStatuses', () => {
  it('counts every status and leaves NOT_APPLICABLE out of the denominator', () => {
    const summary = summarizeStatuses(
      items('DONE', 'DONE', 'TODO', 'BLOCKED', 'NOT_APPLICABLE', 'NOT_APPLICABLE'),
    );
    expect(summary).toEqual({
      total: 6,
      counts: { TODO: 1, IN_PROGRESS: 0, BLOCKED: 1, DONE: 2, NOT_APPLICABLE: 2 },
      applicable: 4,
      done: 2,
      percentDone: 50,
    });
  });

  it('rounds to one decimal', () => {
    expect(summarizeStatuses(items('DONE', 'TODO', 'TODO')).percentDone).toBe(33.3);
    expect(summarizeStatuses(items('DONE', 'DONE', 'TODO')).percentDone).toBe(66.7);
  });

  it('says 100 when every item is NOT_APPLICABLE: nothing is left to do', () => {
    const summary = summarizeStatuses(items('NOT_APPLICABLE', 'NOT_APPLICABLE'));
    expect(summary.applicable).toBe(0);
    expect(summary.percentDone).toBe(100);
  });

  it('says 0 for no items at all', () => {
    expect(summarizeStatuses([])).toMatchObject({ total: 0, applicable: 0, percentDone: 0 });
  });
});

describe('summarizeCounts', () => {
  it('treats missing statuses as zero', () => {
    expect(summarizeCounts({ DONE: 3, TODO: 1 })).toMatchObject({
      total: 4,
      applicable: 4,
      done: 3,
      percentDone: 75,
      counts: { IN_PROGRESS: 0, BLOCKED: 0, NOT_APPLICABLE: 0 },
    });
  });

  it('never rounds up to 100 or down to 0 while that would be untrue', () => {
    expect(summarizeCounts({ DONE: 1999, TODO: 1 }).percentDone).toBe(99.9);
    expect(summarizeCounts({ DONE: 1, TODO: 1999 }).percentDone).toBe(0.1);
    expect(summarizeCounts({ DONE: 2000 }).percentDone).toBe(100);
    expect(summarizeCounts({ TODO: 2000 }).percentDone).toBe(0);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => summarizeCounts({ DONE: -1 })).toThrow(RangeError);
    expect(() => summarizeCounts({ TODO: 1.5 })).toThrow(RangeError);
    expect(() => summarizeCounts({ BLOCKED: Number.NaN })).toThrow(RangeError);
  });

  it('agrees with summarizeStatuses on the same items', () => {
    fc.assert(
      fc.property(arbitraryItems, (list) => {
        const grouped: Partial<Record<TItemStatus, number>> = {};
        for (const { status } of list) grouped[status] = (grouped[status] ?? 0) + 1;
        expect(summarizeCounts(grouped)).toEqual(summarizeStatuses(list));
      }),
    );
  });

  it('keeps percentDone within [0, 100] with at most one decimal', () => {
    const counts = fc.record(
      {
        TODO: fc.nat(100_000),
        IN_PROGRESS: fc.nat(100_000),
        BLOCKED: fc.nat(100_000),
        DONE: fc.nat(100_000),
        NOT_APPLICABLE: fc.nat(100_000),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(counts, (input) => {
        const { percentDone, done, applicable } = summarizeCounts(input);
        expect(percentDone).toBeGreaterThanOrEqual(0);
        expect(percentDone).toBeLessThanOrEqual(100);
        expect(Math.round(percentDone * 10) / 10).toBe(percentDone);
        if (applicable > 0) expect(percentDone === 100).toBe(done === applicable);
        if (applicable > 0) expect(percentDone === 0).toBe(done === 0);
      }),
    );
  });
});
