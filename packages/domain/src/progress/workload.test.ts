import { describe, expect, it } from 'vitest';
import { UNASSIGNED, workload } from './workload';

const today = new Date('2024-05-10T12:00:00Z');
const ada = '0190a4d2-0000-7000-8000-000000000001';
const bob = '0190a4d2-0000-7000-8000-000000000002';

describe('workload', () => {
  it('counts open, overdue and done items per assignee', () => {
    const result = workload(
      [
        { assigneeId: ada, status: 'TODO', dueDate: '2024-05-01' },
        { assigneeId: ada, status: 'BLOCKED', dueDate: null },
        { assigneeId: ada, status: 'DONE', dueDate: '2024-05-01' },
        { assigneeId: bob, status: 'IN_PROGRESS', dueDate: '2024-05-10' },
        { assigneeId: null, status: 'TODO', dueDate: new Date('2024-04-01T00:00:00Z') },
        { assigneeId: null, status: 'DONE', dueDate: null },
      ],
      today,
    );
    expect(result).toEqual({
      [ada]: { open: 2, overdue: 1, done: 1 },
      [bob]: { open: 1, overdue: 0, done: 0 },
      [UNASSIGNED]: { open: 1, overdue: 1, done: 1 },
    });
  });

  it('leaves NOT_APPLICABLE items out entirely', () => {
    expect(workload([{ assigneeId: ada, status: 'NOT_APPLICABLE', dueDate: null }], today)).toEqual(
      {},
    );
  });

  it('keeps a "__proto__" key as a plain entry', () => {
    const result = workload([{ assigneeId: '__proto__', status: 'DONE', dueDate: null }], today);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});
