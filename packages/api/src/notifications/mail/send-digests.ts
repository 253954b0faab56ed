// The daily digest: at the hour each person picked, in their time zone, one
// mail listing their open items that are overdue or due today or tomorrow.
// A person's day is claimed (lastDigestOn) before sending, so two processes
// or a retried run send it once; a failed send gives the day back.
import type { Db } from '@shipshape/db';
import { DEFAULT_CHANNEL, isDigestDue, notificationPath } from '@shipshape/domain';
import { digestMail, type DigestItem } from './compose-mail';
import type { Mailer, MailSettings } from './mailer';

interface DueRow {
  userId: string;
  email: string;
  itemId: string;
  title: string;
  dueDate: string;
  projectId: string;
  stageKey: string;
  slug: string;
}

export async function sendDigests({
  db,
  mailer,
  settings,
  now = new Date(),
}: {
  db: Db;
  mailer: Mailer;
  settings: MailSettings;
  now?: Date;
}): Promise<{ sent: number; failed: number }> {
  // Everyone's open dated items up to two days ahead of UTC: no zone is further.
  const rows = await db.$queryRaw<DueRow[]>`
    SELECT u.id AS "userId", u.email, i.id AS "itemId", i.title,
           to_char(i."dueDate", 'YYYY-MM-DD') AS "dueDate", i."projectId", st.key AS "stageKey", w.slug
      FROM project_items i
      JOIN users u ON u.id = i."assigneeId" AND NOT u.disabled
      JOIN memberships m ON m."workspaceId" = i."workspaceId" AND m."userId" = u.id
      JOIN workspaces w ON w.id = i."workspaceId"
      JOIN project_stages st ON st.id = i."stageId"
     WHERE i.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
       AND i."dueDate" <= (${now}::timestamptz AT TIME ZONE 'UTC')::date + 2
     ORDER BY i."dueDate", i.title`;
  const byUser = new Map<string, DueRow[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  let sent = 0;
  let failed = 0;
  for (const [userId, items] of byUser) {
    const outcome = await sendOneDigest(db, mailer, settings, userId, items, now);
    if (outcome === 'sent') sent += 1;
    if (outcome === 'failed') failed += 1;
  }
  return { sent, failed };
}

async function sendOneDigest(
  db: Db,
  mailer: Mailer,
  settings: MailSettings,
  userId: string,
  rows: DueRow[],
  now: Date,
): Promise<'sent' | 'skipped' | 'failed'> {
  const [own, preferences] = await Promise.all([
    db.notificationSettings.findUnique({ where: { userId } }),
    db.notificationPreference.findMany({
      where: { userId, kind: { in: ['DUE_SOON', 'OVERDUE'] } },
    }),
  ]);
  if (own?.unsubscribedAt) return 'skipped';
  const channel = (kind: 'DUE_SOON' | 'OVERDUE') =>
    preferences.find((p) => p.kind === kind)?.channel ?? DEFAULT_CHANNEL[kind];
  const lastDigestOn = own?.lastDigestOn?.toISOString().slice(0, 10) ?? null;
  const timeZone = own?.timeZone ?? 'UTC';
  const { due, localDate } = isDigestDue(now, {
    timeZone,
    digestHour: own?.digestHour ?? 8,
    lastDigestOn,
  });
  if (!due) return 'skipped';
  const tomorrow = new Date(`${localDate}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const lastDay = tomorrow.toISOString().slice(0, 10);
  const items: DigestItem[] = rows
    .filter((row) => row.dueDate <= lastDay)
    .map((row) => ({
      title: row.title,
      dueDate: row.dueDate,
      overdue: row.dueDate < localDate,
      path: notificationPath({
        workspaceSlug: row.slug,
        projectId: row.projectId,
        stageKey: row.stageKey,
        itemId: row.itemId,
        kpiId: null,
      }),
    }))
    .filter((item) => channel(item.overdue ? 'OVERDUE' : 'DUE_SOON') === 'EMAIL');
  if (items.length === 0) return 'skipped';
  // Claim the day: only one run sends it.
  await db.notificationSettings.createMany({ data: [{ userId }], skipDuplicates: true });
  const claimed = await db.$executeRaw`
    UPDATE notification_settings SET "lastDigestOn" = ${localDate}::date, "updatedAt" = now()
     WHERE "userId" = ${userId}::uuid
       AND "lastDigestOn" IS NOT DISTINCT FROM ${lastDigestOn}::date`;
  if (claimed === 0) return 'skipped';
  try {
    await mailer.send(digestMail(settings, { id: userId, email: rows[0]!.email }, items));
    return 'sent';
  } catch {
    // Give the day back: the next run retries it.
    await db.$executeRaw`
      UPDATE notification_settings SET "lastDigestOn" = ${lastDigestOn}::date
       WHERE "userId" = ${userId}::uuid AND "lastDigestOn" = ${localDate}::date`;
    return 'failed';
  }
}
