import { describe, expect, it } from 'vitest';
import { utcDayNumber } from './calendar-day';
import { isOverdue } from './overdue';
import { ITEM_STATUSES } from './status';

const today = new Date('2024-05-10T08:30:00Z');

describe('isOverdue', () => {
  it('is true for an open item due before today', () => {
    for (const status of ['TODO', 'IN_PROGRESS', 'BLOCKED'] as const) {
      expect(isOverdue({ status, dueDate: new Date('2024-05-09T00:00:00Z') }, today)).toBe(true);
    }
  });

  it('is false for closed items, items without a due date and items due today or later', () => {
    const yesterday = '2024-05-09';
    expect(isOverdue({ status: 'DONE', dueDate: yesterday }, today)).toBe(false);
    expect(isOverdue({ status: 'NOT_APPLICABLE', dueDate: yesterday }, today)).toBe(false);
    expect(isOverdue({ status: 'TODO', dueDate: null }, today)).toBe(false);
    expect(isOverdue({ status: 'TODO', dueDate: '2024-05-10' }, today)).toBe(false);
    expect(isOverdue({ status: 'TODO', dueDate: '2024-05-11' }, today)).toBe(false);
  });

  it('compares UTC calendar days, not times', () => {
    // Due "today" stays on time until the very end of the UTC day...
    const lateToday = new Date('2024-05-10T23:59:59.999Z');
    expect(isOverdue({ status: 'TODO', dueDate: '2024-05-10' }, lateToday)).toBe(false);
    // ...and becomes overdue at the first millisecond of the next one.
    const justAfter = new Date('2024-05-11T00:00:00.000Z');
    expect(isOverdue({ status: 'TODO', dueDate: '2024-05-10' }, justAfter)).toBe(true);
  });

  it('reads due dates as Prisma and JSON deliver them', () => {
    const due = [new Date(Date.UTC(2024, 4, 9)), '2024-05-09', '2024-05-09T00:00:00.000Z'];
    for (const dueDate of due) expect(isOverdue({ status: 'TODO', dueDate }, today)).toBe(true);
  });

  it('treats an unreadable due date like no due date', () => {
    for (const dueDate of ['soon', '2024-02-30', new Date(Number.NaN)]) {
      expect(isOverdue({ status: 'TODO', dueDate }, today)).toBe(false);
    }
    expect(isOverdue({ status: 'TODO', dueDate: '2024-05-01' }, new Date(Number.NaN))).toBe(false);
  });

  it('covers every status', () => {
    const overdueStatuses = ITEM_STATUSES.filter((status) =>
      isOverdue({ status, dueDate: '2000-01-01' }, today),
    );
    expect(overdueStatuses).toEqual(['TODO', 'IN_PROGRESS', 'BLOCKED']);
  });
});

describe('utcDayNumber', () => {
  it('counts whole UTC days since 1970-01-01', () => {
    expect(utcDayNumber('1970-01-01')).toBe(0);
    expect(utcDayNumber('1970-01-02T23:59:59Z')).toBe(1);
    expect(utcDayNumber(new Date('1969-12-31T12:00:00Z'))).toBe(-1);
  });

  it('takes the UTC day of an instant with an offset', () => {
    // 23:00 in New York on 9 May is already 10 May in UTC.
    expect(utcDayNumber('2024-05-09T23:00:00-04:00')).toBe(utcDayNumber('2024-05-10'));
  });

  it('reads a date-time without a zone as UTC, never as local time', () => {
    expect(utcDayNumber('2024-05-09T23:30:00')).toBe(utcDayNumber('2024-05-09'));
  });
});
