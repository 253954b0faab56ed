import { NoticeFanOut } from '@shipshape/db';
import { describe, expect, it } from 'vitest';
import { ActivityHub, LIVE_QUEUE_LIMIT } from './activity-hub';

const WORKSPACE = '0196f3c0-0000-7000-8000-000000000001';
const OTHER = '0196f3c0-0000-7000-8000-000000000002';

function notice(id: number, workspaceId = WORKSPACE): string {
  return JSON.stringify({
    id: String(id),
    workspaceId,
    projectId: null,
    actorId: null,
    entityType: 'item',
    entityId: 'x',
    action: 'item.updated',
  });
}

function hub() {
  const source = new NoticeFanOut();
  const bad: string[] = [];
  const live = new ActivityHub(
    { subscribe: (listener) => source.subscribe(listener), close: async () => {} },
    (payload) => bad.push(payload),
  );
  return { source, live, bad };
}

const never = new AbortController().signal;

describe('[live] activity hub', () => {
  it("hands each workspace's changes to its own subscribers only, in order", async () => {
    const { source, live } = hub();
    const mine = live.subscribe(WORKSPACE);
    const theirs = live.subscribe(OTHER);
    source.notice(notice(1));
    source.notice(notice(2, OTHER));
    source.notice(notice(3));
    expect(await mine.next(never, 10)).toMatchObject({ kind: 'change', change: { id: '1' } });
    expect(await mine.next(never, 10)).toMatchObject({ kind: 'change', change: { id: '3' } });
    expect(await mine.next(never, 10)).toEqual({ kind: 'idle' });
    expect(await theirs.next(never, 10)).toMatchObject({ change: { id: '2' } });
  });

  it('a subscriber that falls behind holds at most the limit, then gets one "refetch" instead', async () => {
    const { source, live } = hub();
    const slow = live.subscribe(WORKSPACE);
    for (let id = 1; id <= LIVE_QUEUE_LIMIT * 5; id++) source.notice(notice(id));
    expect(await slow.next(never, 10)).toEqual({
      kind: 'refetch',
      lastId: String(LIVE_QUEUE_LIMIT * 5),
    });
    expect(await slow.next(never, 10)).toEqual({ kind: 'idle' });
  });

  it('a lost LISTEN connection tells every subscriber to refetch; bad payloads are dropped', async () => {
    const { source, live, bad } = hub();
    const subscription = live.subscribe(WORKSPACE);
    source.notice('not json');
    source.gap();
    expect(await subscription.next(never, 10)).toEqual({ kind: 'refetch', lastId: null });
    expect(bad).toEqual(['not json']);
  });

  it('close() ends waiting subscribers at once and refuses new ones', async () => {
    const { live } = hub();
    const waiting = live.subscribe(WORKSPACE).next(never, 60_000);
    live.close();
    expect(await waiting).toEqual({ kind: 'closed' });
    expect(await live.subscribe(WORKSPACE).next(never, 60_000)).toEqual({ kind: 'closed' });
    expect(live.size).toBe(0);
  });

  it("an aborted request ends its subscriber's wait", async () => {
    const { live } = hub();
    const controller = new AbortController();
    const waiting = live.subscribe(WORKSPACE).next(controller.signal, 60_000);
    controller.abort();
    expect(await waiting).toEqual({ kind: 'closed' });
  });
});
