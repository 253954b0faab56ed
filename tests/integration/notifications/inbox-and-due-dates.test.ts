// The inbox procedures (pages, unread count, marking read, only one's own and
// only while a member), preferences, the due-date scan across time zones,
// and a retried derivation that must not notify twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveNotifications } from '@shipshape/api/notifications/derive-notifications';
import { notifyDueItems } from '@shipshape/api/notifications/notify-due-items';
import { useTestServer } from '../../support/server';
import { teamWithTwoProjects } from '../../support/teams';
import { deriveAll, inbox } from '../../support/notifications';

const server = useTestServer();
const db = () => server.current.database.db;
let t: Awaited<ReturnType<typeof teamWithTwoProjects>>;

beforeAll(async () => {
  t = await teamWithTwoProjects(server.current);
});

async function assignMany(count: number, to: string, offset = 0) {
  const page = await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 100 });
  const items = page.items.slice(offset, offset + count);
  for (const item of items) {
    await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: to,
    });
  }
  await deriveAll(db());
  return items;
}

describe('[notifications] inbox', () => {
  it('pages newest first, counts unread, marks some or all read', async () => {
    await assignMany(5, t.member.user.id);
    const first = await t.member.client.ok('notification.list', { limit: 2 });
    expect(first.items.length).toBe(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.member.client.ok('notification.list', {
      limit: 10,
      cursor: first.nextCursor!,
    });
    expect(second.items.length).toBe(3);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((n) => n.id)).size).toBe(5);
    const times = all.map((n) => new Date(n.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    expect(await t.member.client.ok('notification.unreadCount')).toEqual({ count: 5 });
    await t.member.client.ok('notification.markRead', { ids: [all[0]!.id, all[1]!.id] });
    expect(await t.member.client.ok('notification.unreadCount')).toEqual({ count: 3 });
    expect((await inbox(t.member.client, true)).length).toBe(3);
    await t.member.client.ok('notification.markAllRead');
    expect(await t.member.client.ok('notification.unreadCount')).toEqual({ count: 0 });
    expect((await inbox(t.member.client)).every((n) => n.readAt !== null)).toBe(true);
  });

  it("cannot read or mark someone else's notifications", async () => {
    await assignMany(1, t.admin.user.id, 10);
    const [theirs] = await inbox(t.admin.client);
    const answer = await t.member.client.ok('notification.markRead', { ids: [theirs!.id] });
    expect(answer).toEqual({ updated: 0 });
    expect((await inbox(t.admin.client))[0]!.readAt).toBeNull();
    expect((await inbox(t.member.client)).map((n) => n.id)).not.toContain(theirs!.id);
  });

  it('hides the notifications of a workspace the person was removed from', async () => {
    await assignMany(1, t.viewer.user.id, 12);
    expect((await inbox(t.viewer.client)).length).toBe(1);
    await t.owner.client.ok('workspace.removeMember', {
      workspaceId: t.workspaceId,
      userId: t.viewer.user.id,
    });
    expect(await inbox(t.viewer.client)).toEqual([]);
    expect(await t.viewer.client.ok('notification.unreadCount')).toEqual({ count: 0 });
  });
});

describe('[notifications] preferences', () => {
  it('answers every kind with its default, and email off without SMTP', async () => {
    const preferences = await t.admin.client.ok('notification.preferences');
    expect(preferences).toMatchObject({
      timeZone: 'UTC',
      digestHour: 8,
      emailEnabled: false,
      channels: { ASSIGNED: 'EMAIL', COMMENTED: 'IN_APP' },
    });
  });

  it('a kind turned off is not notified at all', async () => {
    await t.admin.client.ok('notification.setPreferences', { channels: { ASSIGNED: 'OFF' } });
    const before = (await inbox(t.admin.client)).length;
    await assignMany(1, t.admin.user.id, 14);
    expect((await inbox(t.admin.client)).length).toBe(before);
    await t.admin.client.ok('notification.setPreferences', { channels: { ASSIGNED: 'EMAIL' } });
  });

  it('refuses an unknown time zone and an hour out of range', async () => {
    const zone = await t.admin.client.call('notification.setPreferences', {
      timeZone: 'Mars/Base',
    });
    expect(zone.status).toBe(400);
    // A retired name Node's Intl still accepts and Postgres does not (it would
    // stop the due-date scan for everyone): refused, and nothing saved.
    const retired = await t.admin.client.call('notification.setPreferences', {
      timeZone: 'US/Pacific-New',
    });
    expect(retired.status).toBe(400);
    expect(retired.error?.message).toContain('not a time zone this server knows');
    expect((await t.admin.client.ok('notification.preferences')).timeZone).not.toBe(
      'US/Pacific-New',
    );
    const hour = await t.admin.client.call('notification.setPreferences', { digestHour: 24 });
    expect(hour.status).toBe(400);
  });
});

describe('[notifications] due dates', () => {
  it("notifies due tomorrow and overdue in the assignee's time zone, once per due date", async () => {
    // 2026-12-01 20:00 UTC is already 2026-12-02 in Tokyo.
    const now = new Date('2026-12-01T20:00:00Z');
    await t.member.client.ok('notification.setPreferences', { timeZone: 'Asia/Tokyo' });
    const page = await t.owner.client.ok('item.list', { projectId: t.fraud.id, limit: 100 });
    const [tomorrowInTokyo, overdue, today] = page.items;
    for (const [item, dueDate] of [
      [tomorrowInTokyo!, '2026-12-03'],
      [overdue!, '2026-11-20'],
      [today!, '2026-12-02'],
    ] as const) {
      await t.owner.client.ok('item.update', {
        itemId: item.id,
        expectedVersion: item.version,
        assigneeId: t.member.user.id,
        dueDate,
      });
    }
    await deriveAll(db());
    await t.member.client.ok('notification.markAllRead');
    await notifyDueItems({ db: db(), now });
    await notifyDueItems({ db: db(), now });
    const fresh = await inbox(t.member.client, true);
    expect(fresh.map((n) => [n.kind, n.item?.id]).sort()).toEqual(
      [
        ['DUE_SOON', tomorrowInTokyo!.id],
        ['OVERDUE', overdue!.id],
      ].sort(),
    );
    expect(fresh.find((n) => n.kind === 'DUE_SOON')!.text).toBe(
      `“${tomorrowInTokyo!.title}” is due tomorrow (2026-12-03).`,
    );
    // In UTC the same instant is still 2026-12-01: the item due on the 2nd
    // (today in Tokyo, so not announced there) is due tomorrow.
    await t.member.client.ok('notification.setPreferences', { timeZone: 'UTC' });
    await t.member.client.ok('notification.markAllRead');
    await notifyDueItems({ db: db(), now });
    expect((await inbox(t.member.client, true)).map((n) => [n.kind, n.item?.id])).toEqual([
      ['DUE_SOON', today!.id],
    ]);
  });
});

describe('[notifications] durability', () => {
  it('a retried batch (the same activity queued again) notifies nobody twice', async () => {
    const [item] = await assignMany(1, t.admin.user.id, 20);
    const before = await db().notification.count();
    const activity = await db().activityLog.findFirstOrThrow({
      where: { entityId: item!.id, action: 'item.updated' },
      orderBy: { id: 'desc' },
    });
    await db().notificationOutbox.create({ data: { activityId: activity.id } });
    expect(await deriveAll(db())).toBe(1);
    expect(await db().notification.count()).toBe(before);
  });

  it('every committed write is queued in its own transaction, and nothing stays queued', async () => {
    await assignMany(3, t.admin.user.id, 25);
    expect(await db().notificationOutbox.count()).toBe(0);
  });

  it('two processes deriving at once share the queue: each notification made once', async () => {
    const page = await t.owner.client.ok('item.list', { projectId: t.fraud.id, limit: 100 });
    const items = page.items.slice(30, 50);
    for (const item of items) {
      await t.owner.client.ok('item.update', {
        itemId: item.id,
        expectedVersion: item.version,
        assigneeId: t.admin.user.id,
      });
    }
    const before = await db().notification.count({ where: { recipientId: t.admin.user.id } });
    const worker = async () => {
      let handled = 0;
      for (;;) {
        const result = await deriveNotifications({
          db: db(),
          delivery: { emailEnabled: false, emailDelayMs: 0 },
          batchSize: 3,
        });
        if (result.handled === 0) return handled;
        handled += result.handled;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(items.length);
    const after = await db().notification.count({ where: { recipientId: t.admin.user.id } });
    expect(after - before).toBe(items.length);
  });
});
