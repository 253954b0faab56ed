import type { Db } from '@shipshape/db';
import {
  DEFAULT_CHANNEL,
  NOTIFICATION_KINDS,
  type TNotificationPreferences,
  type TNotificationPreferencesInput,
} from '@shipshape/domain';
import { badRequest } from '../errors';
import type { DeliveryConfig } from './delivery-config';
import { verifyUnsubscribeToken } from './unsubscribe-token';
import type { UserArgs } from './user-args';

/** Every kind's channel (chosen or default), the digest's hour and zone, and whether email is on. */
export async function getNotificationPreferences({
  db,
  user,
  delivery,
}: UserArgs & { delivery: DeliveryConfig }): Promise<TNotificationPreferences> {
  const [chosen, settings] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: user.id } }),
    db.notificationSettings.findUnique({ where: { userId: user.id } }),
  ]);
  const channels = { ...DEFAULT_CHANNEL };
  for (const preference of chosen) channels[preference.kind] = preference.channel;
  return {
    channels,
    timeZone: settings?.timeZone ?? 'UTC',
    digestHour: settings?.digestHour ?? 8,
    emailEnabled: delivery.emailEnabled,
    unsubscribedAt: settings?.unsubscribedAt ?? null,
  };
}

export async function setNotificationPreferences({
  db,
  user,
  input,
  delivery,
}: UserArgs & { input: TNotificationPreferencesInput; delivery: DeliveryConfig }) {
  if (input.timeZone !== undefined) await assertDatabaseKnowsZone(db, input.timeZone);
  await db.$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const channel = input.channels?.[kind];
      if (!channel) continue;
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, channel },
        update: { channel },
      });
    }
    const settings = {
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.digestHour !== undefined ? { digestHour: input.digestHour } : {}),
      ...(input.resubscribe ? { unsubscribedAt: null } : {}),
    };
    await tx.notificationSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, ...settings },
      update: settings,
    });
  });
  return getNotificationPreferences({ db, user, delivery });
}

/** The one-click unsubscribe of a mail's link: one kind's email, or all email. */
export async function unsubscribe({
  db,
  secret,
  token,
}: {
  db: Db;
  secret: string;
  token: string;
}): Promise<{ ok: true; scope: string }> {
  const verified = verifyUnsubscribeToken(secret, token);
  if (!verified) throw badRequest('This unsubscribe link is not valid.');
  const { userId, scope } = verified;
  const exists = await db.user.count({ where: { id: userId } });
  if (exists === 0) return { ok: true, scope };
  if (scope === 'all') {
    const now = new Date();
    await db.notificationSettings.upsert({
      where: { userId },
      create: { userId, unsubscribedAt: now },
      update: { unsubscribedAt: now },
    });
  } else {
    await db.notificationPreference.upsert({
      where: { userId_kind: { userId, kind: scope } },
      create: { userId, kind: scope, channel: 'IN_APP' },
      update: { channel: 'IN_APP' },
    });
  }
  // What was waiting to go out stays in the inbox only.
  await db.notification.updateMany({
    where: {
      recipientId: userId,
      emailedAt: null,
      emailDueAt: { not: null },
      ...(scope === 'all' ? {} : { kind: scope }),
    },
    data: { emailDueAt: null },
  });
  return { ok: true, scope };
}

/**
 * The zone is used in SQL (the due-date scan, the digests), so Postgres must
 * know it, not only the browser or Node: some names Intl accepts (retired
 * ones such as "US/Pacific-New") Postgres refuses, and one such row would stop
 * the scan for everyone.
 */
async function assertDatabaseKnowsZone(db: Db, timeZone: string): Promise<void> {
  const known = await db.$queryRaw<Array<{ known: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${timeZone}) AS known`;
  if (!known[0]?.known) {
    throw badRequest(`"${timeZone}" is not a time zone this server knows; pick another.`);
  }
}
