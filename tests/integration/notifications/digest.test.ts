// The daily digest at each person's chosen hour in their own time zone, with
// an injected clock: once a day, nothing for people with nothing due, kinds
// turned off left out, and a failed send retried on the next run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '@shipshape/api';
import { sendDigests } from '@shipshape/api/notifications/mail/send-digests';
import { useTestServer, TEST_WEB_ORIGIN } from '../../support/server';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';
import { teamWithTwoProjects } from '../../support/teams';

const server = useTestServer();
const db = () => server.current.database.db;
let smtp: TestSmtp;
let t: Awaited<ReturnType<typeof teamWithTwoProjects>>;
const settings = {
  from: 'Shipshape <shipshape@test.example>',
  webOrigin: TEST_WEB_ORIGIN,
  unsubscribeSecret: 'digest-test-secret',
};
const run = (iso: string) =>
  sendDigests({
    db: db(),
    mailer: createMailer(smtp.url, settings.from),
    settings,
    now: new Date(iso),
  });

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await teamWithTwoProjects(server.current);
  const page = await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 10 });
  const due = [
    [t.member, '2026-12-01'], // overdue on the 2nd
    [t.member, '2026-12-03'], // due tomorrow on the 2nd
    [t.member, '2026-12-20'], // not yet
    [t.admin, '2026-12-03'],
  ] as const;
  for (const [index, [person, dueDate]] of due.entries()) {
    const item = page.items[index]!;
    await t.owner.client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      assigneeId: person.user.id,
      dueDate,
    });
  }
  // Mia reads mail at 9 in New York (UTC−5), Ada at 7 in Tokyo (UTC+9).
  await t.member.client.ok('notification.setPreferences', {
    timeZone: 'America/New_York',
    digestHour: 9,
  });
  await t.admin.client.ok('notification.setPreferences', { timeZone: 'Asia/Tokyo', digestHour: 7 });
});

afterAll(async () => {
  await smtp.close();
});

describe('[email] daily digest', () => {
  it("goes out at each person's hour in their own time zone, once a day", async () => {
    await run('2026-12-02T13:59:00Z'); // 08:59 in New York; 22:59 in Tokyo
    expect(smtp.received).toEqual([]);
    await run('2026-12-02T14:00:00Z'); // 09:00 in New York
    expect(smtp.mailsTo(t.member.user.email).length).toBe(1);
    const mail = smtp.mailsTo(t.member.user.email)[0]!;
    expect(mail.subject).toBe('1 overdue and 1 due soon in Shipshape');
    expect(mail.text).toContain('Overdue 2026-12-01');
    expect(mail.text).toContain('Due 2026-12-03');
    expect(mail.text).not.toContain('2026-12-20');
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    await run('2026-12-02T20:00:00Z'); // later that day in New York
    expect(smtp.mailsTo(t.member.user.email).length).toBe(1);

    expect(smtp.mailsTo(t.admin.user.email)).toEqual([]);
    await run('2026-12-02T22:00:00Z'); // 07:00 on the 3rd in Tokyo: due today
    expect(smtp.mailsTo(t.admin.user.email).length).toBe(1);
    expect(smtp.mailsTo(t.admin.user.email)[0]!.subject).toBe('1 item due soon in Shipshape');
    expect(smtp.mailsTo(t.owner.user.email)).toEqual([]);
  });

  it('leaves out kinds turned off, and retries a failed send on the next run', async () => {
    await t.member.client.ok('notification.setPreferences', { channels: { OVERDUE: 'IN_APP' } });
    smtp.failing = true;
    expect((await run('2026-12-03T14:00:00Z')).failed).toBe(1);
    smtp.failing = false;
    await run('2026-12-03T14:15:00Z');
    const mails = smtp.mailsTo(t.member.user.email);
    expect(mails.length).toBe(2);
    expect(mails[1]!.text).not.toContain('Overdue');
    expect(mails[1]!.subject).toBe('1 item due soon in Shipshape');
  });
});
