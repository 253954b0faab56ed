// Email through a real SMTP server in this process, with the real job queue
// (pg-boss on the app's own pool) and Postgres: batching, mentions,
// preferences, one-click unsubscribe, SMTP failure and recovery, and a restart
// of the jobs losing and doubling nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, startNotificationJobs, type NotificationJobs } from '@shipshape/api';
import { formatMention } from '@shipshape/domain';
import { useTestServer, TEST_WEB_ORIGIN } from '../../support/server';
import { startTestSmtp, eventually, type TestSmtp } from '../../support/smtp';
import { teamWithTwoProjects } from '../../support/teams';
import { deriveAll, inbox } from '../../support/notifications';

// The batching window: long enough for ten sequential updates on a busy test machine.
const delivery = { emailEnabled: true, emailDelayMs: 3_000 };
const unsubscribeSecret = 'test-unsubscribe-secret-long-enough';
const server = useTestServer({ notifications: { delivery, unsubscribeSecret } });
const db = () => server.current.database.db;
const silent = { error: () => {}, warn: () => {}, info: () => {} };
let smtp: TestSmtp;
let jobs: NotificationJobs | undefined;
let t: Awaited<ReturnType<typeof teamWithTwoProjects>>;

function startJobs() {
  return startNotificationJobs({
    db: db(),
    log: silent,
    delivery,
    mail: {
      mailer: createMailer(smtp.url, 'Shipshape <shipshape@test.example>'),
      settings: {
        from: 'Shipshape <shipshape@test.example>',
        webOrigin: TEST_WEB_ORIGIN,
        unsubscribeSecret,
      },
    },
    pollMs: 100,
    mailPollSeconds: 0.5,
    retryDelaySeconds: 1,
    schedule: false,
  });
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await teamWithTwoProjects(server.current);
  jobs = await startJobs();
});

afterAll(async () => {
  await jobs?.stop();
  await smtp.close();
});

let nextItem = 0;
async function assign(count: number, to: string) {
  const page = await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 100 });
  const items = page.items.slice(nextItem, nextItem + count);
  nextItem += count;
  for (const item of items) {
    await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: to,
    });
  }
  return items;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_500));

describe('[email] immediate mail', () => {
  it('ten assignments in a row make one mail, with absolute links and one-click unsubscribe', async () => {
    const items = await assign(10, t.member.user.id);
    await eventually(() => smtp.mailsTo(t.member.user.email).length > 0);
    await settle();
    const mails = smtp.mailsTo(t.member.user.email);
    expect(mails.length).toBe(1);
    const [mail] = mails;
    expect(mail!.subject).toMatch(/^Olivia Owner assigned you “.+” \(and 9 more\)$/);
    for (const item of items) expect(mail!.text).toContain(`#item-${item.id}`);
    expect(mail!.text).toContain(`${TEST_WEB_ORIGIN}/w/`);
    expect(mail!.header('list-unsubscribe')).toMatch(
      new RegExp(`^<${TEST_WEB_ORIGIN}/trpc/mail\\.unsubscribe\\?token=[^>]+>$`),
    );
    expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // A person reading the mail is sent to the web app's page, which asks first.
    expect(mail!.text).toMatch(
      new RegExp(
        `Unsubscribe from all Shipshape email: ${TEST_WEB_ORIGIN}/unsubscribe\\?token=\\S+$`,
      ),
    );
    // The owner acted: nothing to them.
    expect(smtp.mailsTo(t.owner.user.email)).toEqual([]);
  });

  it('mails a mention; a kind set to in-app only stays in the inbox', async () => {
    const page = await t.owner.client.ok('item.list', { projectId: t.fraud.id, limit: 1 });
    await t.owner.client.ok('comment.add', {
      itemId: page.items[0]!.id,
      body: `Thoughts, ${formatMention({ id: t.admin.user.id, name: 'Ada' })}?`,
    });
    await eventually(() => smtp.mailsTo(t.admin.user.email).length > 0);
    expect(smtp.mailsTo(t.admin.user.email)[0]!.subject).toContain('mentioned you in a comment');

    await t.viewer.client.ok('notification.setPreferences', { channels: { ASSIGNED: 'IN_APP' } });
    await assign(1, t.viewer.user.id);
    await eventually(async () => (await inbox(t.viewer.client)).length === 1);
    await settle();
    expect(smtp.mailsTo(t.viewer.user.email)).toEqual([]);
  });
});

describe('[email] unsubscribe', () => {
  it('GET only sends to the confirm page; the one-click POST unsubscribes from all email', async () => {
    const url = new URL(
      smtp.mailsTo(t.member.user.email)[0]!.header('list-unsubscribe').slice(1, -1),
    );
    const target = `${server.current.url}${url.pathname}${url.search}`;
    const page = await fetch(target, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/unsubscribe${url.search}`);
    expect((await t.member.client.ok('notification.preferences')).unsubscribedAt).toBeNull();

    const forged = await fetch(`${server.current.url}${url.pathname}?token=abc.def`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(400);
    // Some mail clients post multipart/form-data: read the same way (the forged token fails alike).
    const multipart = await fetch(`${server.current.url}${url.pathname}?token=abc.def`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(multipart.status).toBe(400);
    const done = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://mail.example',
      },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect((await t.member.client.ok('notification.preferences')).unsubscribedAt).not.toBeNull();

    const before = smtp.mailsTo(t.member.user.email).length;
    await assign(1, t.member.user.id);
    await eventually(async () => (await inbox(t.member.client)).length === 11);
    await settle();
    expect(smtp.mailsTo(t.member.user.email).length).toBe(before);
    await t.member.client.ok('notification.setPreferences', { resubscribe: true });
  });
});

describe('[email] failures and restarts', () => {
  it('retries with backoff while SMTP fails, then delivers once', async () => {
    smtp.failing = true;
    await assign(2, t.admin.user.id);
    await eventually(() => smtp.refused >= 2, 20_000);
    const before = smtp.mailsTo(t.admin.user.email).length;
    smtp.failing = false;
    await eventually(() => smtp.mailsTo(t.admin.user.email).length > before, 30_000);
    await settle();
    const mails = smtp.mailsTo(t.admin.user.email);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.subject).toContain('(and 1 more)');
  }, 60_000);

  it('writes while the jobs are down are mailed once after a restart', async () => {
    await jobs!.stop();
    jobs = undefined;
    const items = await assign(3, t.member.user.id);
    expect(await db().notificationOutbox.count()).toBeGreaterThan(0);
    const before = smtp.mailsTo(t.member.user.email).length;
    jobs = await startJobs();
    await eventually(() => smtp.mailsTo(t.member.user.email).length > before);
    // Stopped again with a mail queued but not yet due: the next start sends it.
    await assign(1, t.member.user.id);
    const waiting = () =>
      db().notification.count({
        where: { recipientId: t.member.user.id, emailedAt: null, emailDueAt: { not: null } },
      });
    await eventually(async () => (await waiting()) > 0);
    await jobs.stop();
    jobs = await startJobs();
    await eventually(() => smtp.mailsTo(t.member.user.email).length > before + 1, 20_000);
    await settle();
    const mails = smtp.mailsTo(t.member.user.email).slice(before);
    expect(mails.length).toBe(2);
    for (const item of items) expect(mails[0]!.text).toContain(`#item-${item.id}`);
    expect(await waiting()).toBe(0);
  }, 60_000);

  it('mail claimed by a job the queue lost is sent by the next scan', async () => {
    const before = smtp.mailsTo(t.viewer.user.email).length;
    await t.viewer.client.ok('notification.setPreferences', { channels: { ASSIGNED: 'EMAIL' } });
    await jobs!.stop();
    jobs = undefined;
    await assign(1, t.viewer.user.id);
    await deriveAll(db(), delivery);
    await db().notification.updateMany({
      where: { recipientId: t.viewer.user.id, emailedAt: null, emailDueAt: { not: null } },
      data: { emailJob: '00000000-0000-4000-8000-000000000000', emailDueAt: new Date(0) },
    });
    jobs = await startJobs();
    await jobs.scan();
    await eventually(() => smtp.mailsTo(t.viewer.user.email).length > before, 20_000);
  }, 60_000);
});
