// The background half of notifications, in each API process:
// - a poller turns queued activity rows into notifications (deriveNotifications;
//   several processes share the queue through SKIP LOCKED);
// - pg-boss, on the app's own pg pool (the embedded database has one
//   connection), sends the mails: one job per person a short delay after their
//   first pending notification (a stately queue keyed by person, so the
//   notifications that arrive meanwhile join it), retried with backoff when
//   SMTP fails; and a cron job every minute that notifies due and overdue
//   items, sends the digests that are due, and queues mail a dead process
//   left unqueued. Jobs live in Postgres: a restart loses none.
import { poolOf, type Db } from '@shipshape/db';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger';
import type { DeliveryConfig } from './delivery-config';
import { deriveNotifications } from './derive-notifications';
import type { Mailer, MailSettings } from './mail/mailer';
import { sendDigests } from './mail/send-digests';
import { recipientsWithUnqueuedMail, sendPendingMail } from './mail/send-pending-mail';
import { notifyDueItems } from './notify-due-items';

export const MAIL_QUEUE = 'notification-mail';
export const SCAN_QUEUE = 'notification-scan';

export interface NotificationJobOptions {
  db: Db;
  log: Pick<Logger, 'error' | 'warn' | 'info'>;
  delivery: DeliveryConfig;
  /** Absent when email is off. */
  mail?: { mailer: Mailer; settings: MailSettings };
  /** How often the activity queue is read (ms). */
  pollMs?: number;
  /** pg-boss's polling of the mail queue (seconds, at least 0.5). */
  mailPollSeconds?: number;
  /** First retry of a failed mail after this many seconds, doubling after. */
  retryDelaySeconds?: number;
  /** Run the every-minute scan (due items, digests); tests call it by hand. */
  schedule?: boolean;
  clock?: () => Date;
}

export interface NotificationJobs {
  /** Derives every queued activity row now (tests; the poller does it too). */
  drainActivity(): Promise<number>;
  /** The every-minute scan, at the clock's time. */
  scan(): Promise<void>;
  stop(): Promise<void>;
}

export async function startNotificationJobs(
  options: NotificationJobOptions,
): Promise<NotificationJobs> {
  const { db, log, delivery } = options;
  const clock = options.clock ?? (() => new Date());
  const pool = poolOf(db);
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: options.schedule ?? true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'notification jobs: queue error'));
  await boss.start();
  const retry = {
    retryLimit: 12,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
  };
  await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, policy: 'stately', ...retry });
  await boss.createQueue(SCAN_QUEUE, { name: SCAN_QUEUE, policy: 'singleton' });

  const queueMail = async (userIds: string[]) => {
    if (!options.mail) return;
    for (const userId of userIds) {
      await boss.send(
        MAIL_QUEUE,
        { userId },
        { singletonKey: userId, startAfter: Math.ceil(delivery.emailDelayMs / 1000) },
      );
    }
  };

  let draining: Promise<number> | null = null;
  const drainActivity = () => {
    draining ??= (async () => {
      let total = 0;
      try {
        for (;;) {
          const result = await deriveNotifications({ db, delivery, now: clock() });
          total += result.handled;
          await queueMail(result.mailTo);
          if (result.handled === 0) return total;
        }
      } finally {
        draining = null;
      }
    })();
    return draining;
  };

  const scan = async () => {
    const now = clock();
    await notifyDueItems({ db, now });
    if (!options.mail) return;
    await releaseOrphanedMail(db);
    await queueMail(await recipientsWithUnqueuedMail(db, now));
    const digests = await sendDigests({ db, ...options.mail, now });
    if (digests.failed > 0)
      log.warn({ failed: digests.failed }, 'digest mail failed; retrying next run');
  };

  if (options.mail) {
    const { mailer, settings } = options.mail;
    await boss.work<{ userId: string }>(
      MAIL_QUEUE,
      { pollingIntervalSeconds: options.mailPollSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        await sendPendingMail({
          db,
          mailer,
          settings,
          userId: job.data.userId,
          jobId: job.id,
          now: clock(),
        });
      },
    );
  }
  await boss.work(SCAN_QUEUE, async () => scan());
  if (options.schedule ?? true) await boss.schedule(SCAN_QUEUE, '* * * * *');

  let stopped = false;
  const poll = setInterval(() => {
    if (stopped) return;
    drainActivity().catch((error: unknown) =>
      log.error({ err: error }, 'notification jobs: deriving notifications failed'),
    );
  }, options.pollMs ?? 1_000);
  poll.unref();

  return {
    drainActivity,
    scan,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await draining?.catch(() => 0);
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
      options.mail?.mailer.close();
    },
  };
}

/**
 * Mail claimed by a job the queue no longer runs (it failed every retry, or the
 * queue's schema was lost with a restore) goes back to waiting, so the scan
 * queues it again: a long SMTP outage delays mail but loses none.
 */
async function releaseOrphanedMail(db: Db): Promise<void> {
  await db.$executeRaw`
    UPDATE notifications n SET "emailJob" = NULL
     WHERE n."emailedAt" IS NULL AND n."emailDueAt" IS NOT NULL AND n."emailJob" IS NOT NULL
       AND NOT EXISTS (
             SELECT 1 FROM pgboss.job j
              WHERE j.id::text = n."emailJob" AND j.state::text IN ('created', 'retry', 'active'))`;
}
