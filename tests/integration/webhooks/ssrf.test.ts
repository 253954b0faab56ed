// Where webhooks may not go: private, loopback and link-local targets, by
// literal address or by a name that resolves to one, are refused before any
// connection; WEBHOOK_ALLOW_PRIVATE=true (allowPrivate) lets a loopback
// receiver through. Redirects are not followed: a 3xx is a failed attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookJobs, type WebhookJobs } from '@shipshape/api';
import { useTestServer } from '../../support/server';
import { teamWithTwoProjects } from '../../support/teams';
import { startReceiver, type TestReceiver } from '../../support/webhook-receiver';

const server = useTestServer();
const db = () => server.current.database.db;
let receiver: TestReceiver;
let strict: WebhookJobs;
let t: Awaited<ReturnType<typeof teamWithTwoProjects>>;
const silent = { error: () => {} };

beforeAll(async () => {
  receiver = await startReceiver();
  strict = startWebhookJobs({
    db: db(),
    log: silent,
    transport: { allowPrivate: false },
    pollMs: 0,
  });
  t = await teamWithTwoProjects(server.current);
});
afterAll(async () => {
  await strict.stop();
  await receiver.close();
});

async function testEventTo(url: string) {
  const hook = await t.admin.client.ok('webhook.create', {
    workspaceId: t.workspaceId,
    url,
    events: ['item.updated'],
  });
  await t.admin.client.ok('webhook.test', { id: hook.id });
  return hook.id;
}

const lastAttempt = async (id: string) =>
  (await t.admin.client.ok('webhook.deliveries', { id })).items[0];

describe('[webhooks][ssrf] private targets', () => {
  it('are refused after resolution, and nothing reaches them', async () => {
    const port = receiver.port;
    const targets = [
      `http://127.0.0.1:${port}/hook`,
      `http://10.20.30.40/hook`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[::1]:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://0.0.0.0:${port}/hook`,
      `http://localhost:${port}/hook`,
    ];
    const ids = [];
    for (const url of targets) ids.push(await testEventTo(url));
    await strict.run();
    for (const [index, id] of ids.entries()) {
      expect(await lastAttempt(id), targets[index]).toMatchObject({
        statusCode: null,
        error: expect.stringMatching(/^refused /),
      });
    }
    expect(receiver.received).toEqual([]);
  });

  it('WEBHOOK_ALLOW_PRIVATE lets a loopback receiver through', async () => {
    const id = await testEventTo(`http://localhost:${receiver.port}/hook`);
    const open = startWebhookJobs({
      db: db(),
      log: silent,
      transport: { allowPrivate: true },
      pollMs: 0,
    });
    await open.run();
    await open.stop();
    expect(await lastAttempt(id)).toMatchObject({ statusCode: 200, error: null });
    expect(receiver.received).toHaveLength(1);
  });

  it('a redirect is not followed: a 3xx is a failure', async () => {
    receiver.answer({ status: 302, location: 'http://169.254.169.254/' });
    const id = await testEventTo(receiver.url);
    const open = startWebhookJobs({
      db: db(),
      log: silent,
      transport: { allowPrivate: true },
      pollMs: 0,
    });
    await open.run();
    await open.stop();
    expect(await lastAttempt(id)).toMatchObject({
      statusCode: 302,
      error: 'redirects are not followed',
    });
    expect(receiver.received).toHaveLength(2);
  });

  it('only http(s) addresses without credentials, of bounded length, are accepted', async () => {
    for (const url of [
      'ftp://example.com/hook',
      'file:///etc/passwd',
      'https://user:pass@example.com/hook',
      `https://example.com/${'a'.repeat(2100)}`,
      'not a url',
    ]) {
      const result = await t.admin.client.call('webhook.create', {
        workspaceId: t.workspaceId,
        url,
        events: ['item.updated'],
      });
      expect(result.status, url).toBe(400);
    }
  });
});
