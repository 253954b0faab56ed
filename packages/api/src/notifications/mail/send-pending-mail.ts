// One person's immediate mail: every notification waiting to be emailed to
// them, in one message, so ten assignments in a row make one mail. The job
// claims the rows under its own id first (a retry of the same job resends the
// same batch, a second job takes only what is left), sends, then marks them
// sent; an SMTP failure leaves them claimed for the retry.
import type { Db } from '@shipshape/db';
import { inboxWhere, notificationSelect, toNotification } from '../list-notifications';
import { notificationMail } from './compose-mail';
import type { Mailer, MailSettings } from './mailer';

export async function sendPendingMail({
  db,
  mailer,
  settings,
  userId,
  jobId,
  now = new Date(),
}: {
  db: Db;
  mailer: Mailer;
  settings: MailSettings;
  userId: string;
  jobId: string;
  now?: Date;
}): Promise<{ sent: number }> {
  const claimed = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE notifications SET "emailJob" = ${jobId}
     WHERE "recipientId" = ${userId}::uuid AND "emailedAt" IS NULL
       AND "emailDueAt" IS NOT NULL
       AND ("emailJob" IS NULL OR "emailJob" = ${jobId})
    RETURNING id`;
  if (claimed.length === 0) return { sent: 0 };
  const ids = claimed.map((row) => row.id);
  const [user, rows] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, disabled: true, notificationSettings: true },
    }),
    // Only what the inbox would still show: a removed member hears nothing more.
    db.notification.findMany({
      where: { ...inboxWhere(userId), id: { in: ids } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: notificationSelect,
    }),
  ]);
  const wanted = user && !user.disabled && !user.notificationSettings?.unsubscribedAt;
  if (wanted && rows.length > 0) {
    await mailer.send(notificationMail(settings, user, rows.map(toNotification)));
  }
  await db.notification.updateMany({
    where: { id: { in: ids } },
    data: wanted && rows.length > 0 ? { emailedAt: now } : { emailDueAt: null, emailJob: null },
  });
  return { sent: wanted ? rows.length : 0 };
}

/** People with mail waiting and no job on it (a process died before queueing one). */
export async function recipientsWithUnqueuedMail(db: Db, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ recipientId: string }>>`
    SELECT DISTINCT "recipientId" FROM notifications
     WHERE "emailedAt" IS NULL AND "emailDueAt" IS NOT NULL AND "emailJob" IS NULL
       AND "emailDueAt" <= ${now}::timestamptz
     LIMIT 500`;
  return rows.map((row) => row.recipientId);
}
