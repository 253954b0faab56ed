// The job queue on the embedded default (PGlite, one connection at a time):
// pg-boss shares the app's pool of one, so notifications and mail work there
// exactly as on a server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '@shipshape/api-server';
import { createMailer, startNotificationJobs, type NotificationJobs } from '@shipshape/api';
import {
  applyMigrations,
  createDb,
  seedBuiltInTemplates,
  startEmbeddedPostgres,
  type Db,
  type EmbeddedPostgres,
} from '@shipshape/db';
import { TEST_JWT_SECRET, TEST_WEB_ORIGIN, type TestServer } from '../../support/server';
import { eventually, startTestSmtp, type TestSmtp } from '../../support/smtp';
import { teamWithTwoProjects } from '../../support/teams';
import { inbox } from '../../support/notifications';

let embedded: EmbeddedPostgres;
let db: Db;
let server: TestServer;
let smtp: TestSmtp;
let jobs: NotificationJobs;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ port: 0 });
  await applyMigrations(embedded.connectionString);
  db = createDb({ connectionString: embedded.connectionString, poolSize: 1 });
  await seedBuiltInTemplates(db);
  const app = await buildServer({
    db,
    jwtSecret: TEST_JWT_SECRET,
    webOrigins: [TEST_WEB_ORIGIN],
    loginRateLimits: { perIp: 10_000, perAccount: 10_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // What the team helpers read of a test server: its URL and database.
  server = {
    url: `http://127.0.0.1:${port}`,
    app,
    database: { url: embedded.connectionString, db, poolSize: 1 },
  } as unknown as TestServer;
  smtp = await startTestSmtp();
  const from = 'Shipshape <shipshape@test.example>';
  jobs = await startNotificationJobs({
    db,
    log: { error: () => {}, warn: () => {}, info: () => {} },
    delivery: { emailEnabled: true, emailDelayMs: 500 },
    mail: {
      mailer: createMailer(smtp.url, from),
      settings: { from, webOrigin: TEST_WEB_ORIGIN, unsubscribeSecret: 'embedded-secret' },
    },
    pollMs: 100,
    mailPollSeconds: 0.5,
    schedule: false,
  });
}, 120_000);

afterAll(async () => {
  await jobs?.stop();
  await server?.app.close();
  await db?.$disconnect();
  await embedded?.stop();
  await smtp?.close();
});

describe('[notifications][embedded] jobs on PGlite', () => {
  it('derives notifications and mails them while the API serves requests', async () => {
    const t = await teamWithTwoProjects(server);
    const page = await t.owner.client.ok('item.list', { projectId: t.churn.id, limit: 3 });
    for (const item of page.items) {
      await t.owner.client.ok('item.update', {
        itemId: item.id,
        expectedVersion: item.version,
        assigneeId: t.member.user.id,
      });
    }
    await eventually(async () => (await inbox(t.member.client)).length === 3);
    await eventually(() => smtp.mailsTo(t.member.user.email).length === 1, 20_000);
    expect(smtp.mailsTo(t.member.user.email)[0]!.subject).toContain('(and 2 more)');
    expect(await t.member.client.ok('notification.unreadCount')).toEqual({ count: 3 });
  }, 60_000);
});
