// Webhooks end to end: real Postgres, the real API server, the real delivery
// job (run by hand, on a clock the tests move) and real HTTP receivers on
// loopback (so these run with private targets allowed; ssrf.test.ts refuses
// them). Signatures are checked with node:crypto from the spec, not with the
// package the server signs with.
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
let jobs: WebhookJobs;

beforeAll(async () => {
  receiver = await startReceiver();
  jobs = startWebhookJobs({
    db: db(),
    log: { error: () => {} },
    transport: { allowPrivate: true, timeoutMs: 5_000 },
    pollMs: 0,
  });
});
afterAll(async () => {
  await jobs.stop();
  await receiver.close();
});

async function teamWithHook(events: string[]) {
  const t = await teamWithTwoProjects(server.current);
  const hook = await t.admin.client.ok('webhook.create', {
    workspaceId: t.workspaceId,
    url: receiver.url,
    events: events as never,
  });
  const items = (await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 10 })).items;
  return { ...t, hook, items };
}

const received = (webhookSecret: string) =>
  receiver.received.filter((r) => verifyStandardWebhook(webhookSecret, r));

describe('[webhooks][admin] endpoints', () => {
  it('create answers a whsec_ secret once; list and the log never show it', async () => {
    const t = await teamWithHook(['item.updated']);
    expect(t.hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(t.hook.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const listed = await t.admin.client.ok('webhook.list', { workspaceId: t.workspaceId });
    expect(listed).toEqual([
      expect.objectContaining({
        id: t.hook.id,
        url: receiver.url,
        events: ['item.updated'],
        enabled: true,
        lastStatusCode: null,
        failingSince: null,
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(t.hook.secret.slice(6));
    const member = await t.member.client.call('webhook.list', { workspaceId: t.workspaceId });
    expect(member.status).toBe(403);
  });

  it('"send test event" is signed per Standard Webhooks and logged', async () => {
    const t = await teamWithHook(['item.updated']);
    const { messageId } = await t.admin.client.ok('webhook.test', { id: t.hook.id });
    await jobs.run();
    const [hook, ...more] = received(t.hook.secret);
    expect(more).toEqual([]);
    expect(hook!.headers['webhook-id']).toBe(messageId);
    const sentAt = Number(hook!.headers['webhook-timestamp']);
    expect(Math.abs(sentAt - Date.now() / 1000)).toBeLessThan(30);
    expect(hook!.headers['content-type']).toBe('application/json');
    expect(hook!.json).toEqual({
      type: 'webhook.test',
      timestamp: expect.any(String),
      data: { webhookId: t.hook.id, workspaceId: t.workspaceId, actorId: t.admin.user.id },
    });
    // A tampered body or another secret does not verify.
    expect(verifyStandardWebhook(t.hook.secret, { ...hook!, body: hook!.body + ' ' })).toBe(false);
    const log = await t.admin.client.ok('webhook.deliveries', { id: t.hook.id });
    expect(log.items).toEqual([
      expect.objectContaining({
        messageId,
        eventType: 'webhook.test',
        attempt: 1,
        statusCode: 200,
        error: null,
        responseExcerpt: 'ok',
      }),
    ]);
    expect(log.items[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('the log keeps 500 characters of a response, without control characters', async () => {
    const t = await teamWithHook(['item.updated']);
    receiver.answer({ status: 200, body: `a\u0000b\u0007c${'z'.repeat(5000)}` });
    await t.admin.client.ok('webhook.test', { id: t.hook.id });
    await jobs.run();
    const [attempt] = (await t.admin.client.ok('webhook.deliveries', { id: t.hook.id })).items;
    expect(attempt!.responseExcerpt).toBe(`abc${'z'.repeat(497)}`);
  });
});

describe('[webhooks] events', () => {
  it('each event type fires once per change, with its documented payload', async () => {
    const t = await teamWithHook([
      'item.updated',
      'item.assigned',
      'item.completed',
      'comment.created',
      'kpi.measurement_recorded',
      'kpi.off_track',
      'lesson.created',
      'project.created',
      'project.stage_changed',
    ]);
    const item = t.items[0]!;
    const assigned = await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: t.member.user.id,
    });
    await t.member.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: assigned.version,
      status: 'DONE',
    });
    await t.member.client.ok('comment.add', { itemId: item.id, body: 'Shipped' });
    const kpi = await t.owner.client.ok('kpi.create', {
      projectId: t.churn.id,
      name: 'Recall',
      kind: 'MODEL',
      unit: '',
      direction: 'HIGHER_IS_BETTER',
      baseline: 0.5,
      target: 0.9,
    });
    await t.owner.client.ok('kpi.record', { kpiId: kpi.id, value: 0.85 });
    await t.owner.client.ok('kpi.record', { kpiId: kpi.id, value: 0.4 });
    await t.owner.client.ok('kpi.record', { kpiId: kpi.id, value: 0.3 });
    const lesson = await t.member.client.ok('lesson.create', {
      projectId: t.churn.id,
      stageKey: 'data',
      title: 'SMOTE did not help',
      tried: 'Oversampling',
      happened: 'Overfitting',
      learnt: 'Class weights first',
      tags: ['imbalance'],
    });
    const vision = await t.owner.client.ok('project.create', {
      workspaceId: t.workspaceId,
      name: 'Vision',
    });
    await t.owner.client.ok('project.setStage', {
      projectId: t.fraud.id,
      expectedVersion: t.fraud.version,
      stageKey: 'modelling',
    });
    await jobs.run();
    await jobs.run(); // Nothing twice.

    const hooks = received(t.hook.secret);
    expect(hooks.map((h) => h.json.type).sort()).toEqual(
      [
        'item.updated',
        'item.assigned',
        'item.updated',
        'item.completed',
        'comment.created',
        'kpi.measurement_recorded',
        'kpi.measurement_recorded',
        'kpi.off_track',
        'kpi.measurement_recorded',
        'lesson.created',
        'project.created',
        'project.stage_changed',
      ].sort(),
    );
    expect(new Set(hooks.map((h) => h.headers['webhook-id'])).size).toBe(hooks.length);
    for (const hook of hooks) {
      expect(Object.keys(hook.json)).toEqual(['type', 'timestamp', 'data']);
      expect(new Date(hook.json.timestamp).toISOString()).toBe(hook.json.timestamp);
      expect(hook.json.data).toMatchObject({
        activityId: expect.stringMatching(/^\d+$/),
        workspaceId: t.workspaceId,
      });
    }
    const of = (type: string) => hooks.find((h) => h.json.type === type)!.json.data;
    expect(of('item.assigned')).toMatchObject({
      itemId: item.id,
      assigneeId: t.member.user.id,
      actorId: t.owner.user.id,
    });
    expect(of('item.completed')).toMatchObject({ itemId: item.id, actorId: t.member.user.id });
    expect(of('comment.created')).toMatchObject({ projectId: t.churn.id });
    expect(of('kpi.off_track')).toMatchObject({ kpiId: kpi.id, value: 0.4, target: 0.9 });
    expect(of('lesson.created')).toMatchObject({ lessonId: lesson.id });
    expect(of('project.created')).toMatchObject({ projectId: vision.id });
    expect(of('project.stage_changed')).toMatchObject({
      projectId: t.fraud.id,
      after: { currentStageKey: 'modelling' },
    });
  });

  it('a bulk update fires each item’s own events', async () => {
    const t = await teamWithHook(['item.assigned', 'item.completed']);
    const [a, b] = t.items;
    await t.owner.client.ok('item.bulkUpdate', {
      itemIds: [a!.id, b!.id],
      expectedVersions: [a!.version, b!.version],
      assigneeId: t.member.user.id,
      status: 'DONE',
    });
    await jobs.run();
    const fired = received(t.hook.secret).map((h) => `${h.json.type} ${h.json.data.itemId}`);
    expect(fired.sort()).toEqual(
      [
        `item.assigned ${a!.id}`,
        `item.assigned ${b!.id}`,
        `item.completed ${a!.id}`,
        `item.completed ${b!.id}`,
      ].sort(),
    );
  });

  it('unsubscribed events and other workspaces send nothing', async () => {
    const t = await teamWithHook(['lesson.created']);
    const item = t.items[0]!;
    await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      status: 'DONE',
    });
    await jobs.run();
    expect(received(t.hook.secret)).toEqual([]);
  });
});
