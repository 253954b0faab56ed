// Failed deliveries: retried with backoff under the same webhook-id, and an
// endpoint failing for three days running is disabled, with a notice in the
// workspace's activity. The job runs on a clock the test moves: no sleeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookJobs, type WebhookJobs } from '@shipshape/api';
import { useTestServer } from '../../support/server';
import { teamWithTwoProjects } from '../../support/teams';
import {
  startReceiver,
  verifyStandardWebhook,
  type TestReceiver,
} from '../../support/webhook-receiver';

const server = useTestServer();
const db = () => server.current.database.db;
let receiver: TestReceiver;
let now = new Date();
let jobs: WebhookJobs;
const later = (ms: number) => (now = new Date(now.getTime() + ms));
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  receiver = await startReceiver();
  jobs = startWebhookJobs({
    db: db(),
    log: { error: () => {} },
    transport: { allowPrivate: true, timeoutMs: 5_000 },
    pollMs: 0,
    clock: () => now,
  });
});
afterAll(async () => {
  await jobs.stop();
  await receiver.close();
});

async function teamWithHook() {
  const t = await teamWithTwoProjects(server.current);
  const hook = await t.admin.client.ok('webhook.create', {
    workspaceId: t.workspaceId,
    url: receiver.url,
    events: ['item.updated'],
  });
  const items = (await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 10 })).items;
  const touch = async (index: number, title: string) => {
    const item = items[index]!;
    await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      notes: title,
    });
  };
  return { ...t, hook, touch };
}

describe('[webhooks] retries', () => {
  it('a receiver answering 500 gets the same webhook-id again, after a growing wait', async () => {
    const t = await teamWithHook();
    const mine = () => receiver.received.filter((r) => verifyStandardWebhook(t.hook.secret, r));
    receiver.answer({ status: 500, body: 'x'.repeat(2000) }, 500);
    await t.touch(0, 'retry me');
    await jobs.run();
    expect(mine()).toHaveLength(1);
    await jobs.run();
    expect(mine()).toHaveLength(1); // Not due yet.
    later(31_000);
    await jobs.run();
    expect(mine()).toHaveLength(2);
    later(60_000);
    await jobs.run();
    expect(mine()).toHaveLength(2); // The second wait is longer (2 min).
    later(61_000);
    await jobs.run();
    const hooks = mine();
    expect(hooks).toHaveLength(3);
    expect(new Set(hooks.map((h) => h.headers['webhook-id'])).size).toBe(1);
    expect(new Set(hooks.map((h) => h.body)).size).toBe(1);
    const log = await t.admin.client.ok('webhook.deliveries', { id: t.hook.id });
    expect(log.items.map((d) => [d.attempt, d.statusCode])).toEqual([
      [3, 200],
      [2, 500],
      [1, 500],
    ]);
    expect(log.items[2]!.responseExcerpt).toHaveLength(500);
    const [listed] = await t.admin.client.ok('webhook.list', { workspaceId: t.workspaceId });
    expect(listed).toMatchObject({ lastStatusCode: 200, failingSince: null, enabled: true });
  });

  it('an endpoint failing continuously for 3 days is disabled and the workspace told', async () => {
    const t = await teamWithHook();
    const mine = () => receiver.received.filter((r) => verifyStandardWebhook(t.hook.secret, r));
    receiver.answer(...Array.from({ length: 40 }, () => 503));
    const started = new Date(now);
    await t.touch(1, 'day 0');
    await jobs.run();
    later(DAY);
    await t.touch(2, 'day 1');
    await jobs.run();
    const [failing] = await t.admin.client.ok('webhook.list', { workspaceId: t.workspaceId });
    expect(failing).toMatchObject({
      enabled: true,
      lastStatusCode: 503,
      failingSince: started.toISOString(),
    });
    later(2 * DAY + 60_000);
    await jobs.run();
    const [disabled] = await t.admin.client.ok('webhook.list', { workspaceId: t.workspaceId });
    expect(disabled).toMatchObject({ enabled: false, disabledAt: now.toISOString() });
    const notice = await db().activityLog.findFirst({
      where: { workspaceId: t.workspaceId, action: 'webhook.disabled' },
    });
    expect(notice).toMatchObject({ entityId: t.hook.id, actorId: null });
    // Nothing more is queued or sent.
    const sent = mine().length;
    await t.touch(3, 'after');
    later(DAY);
    await jobs.run();
    expect(mine().length).toBe(sent);
    // Turned on by hand: a fresh start.
    await t.admin.client.ok('webhook.update', { id: t.hook.id, enabled: true });
    const [again] = await t.admin.client.ok('webhook.list', { workspaceId: t.workspaceId });
    expect(again).toMatchObject({ enabled: true, failingSince: null, disabledAt: null });
  });
});
