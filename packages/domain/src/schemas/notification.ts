import { z } from 'zod';
import { isTimeZone } from '../notifications/local-time';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../notifications/sentences';
import { ZCursor, ZId } from './common';

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);

export const ZNotificationListInput = z
  .strictObject({
    unreadOnly: z.boolean().optional(),
    cursor: ZCursor,
    limit: z.number().int().min(1).max(100).default(30),
  })
  .optional()
  .default({ limit: 30 });
export type TNotificationListInput = z.infer<typeof ZNotificationListInput>;

/** One entry of the inbox. */
export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  createdAt: z.date(),
  readAt: z.date().nullable(),
  /** One sentence naming the actor and the item: "Ana assigned you “Define the KPIs”." */
  text: z.string(),
  /** The web app's path straight to the item (or KPI page, or members page). */
  url: z.string(),
  actor: z.object({ id: ZId, name: z.string() }).nullable(),
  workspace: z.object({ id: ZId, name: z.string(), slug: z.string() }),
  /** For grouping the inbox by project; null for workspace-wide kinds. */
  project: z.object({ id: ZId, name: z.string() }).nullable(),
  item: z.object({ id: ZId, title: z.string() }).nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationPage = z.object({
  items: z.array(ZNotification),
  nextCursor: z.string().nullable(),
});

export const ZNotificationIds = z.strictObject({ ids: z.array(ZId).min(1).max(200) });

export const ZItemWatchInput = z.strictObject({ itemId: ZId });
export const ZProjectWatchInput = z.strictObject({ projectId: ZId });
export const ZWatchState = z.object({ watching: z.boolean() });

export const ZTimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris');

/** A person's notification settings: where each kind goes, and the digest. */
export const ZNotificationPreferences = z.object({
  channels: z.record(ZNotificationKind, ZNotificationChannel),
  timeZone: z.string(),
  digestHour: z.number().int(),
  /** False when the server has no SMTP_URL: the settings page says email is off. */
  emailEnabled: z.boolean(),
  /** Set when the person unsubscribed from every email (a link in a mail). */
  unsubscribedAt: z.date().nullable(),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZNotificationPreferencesInput = z.strictObject({
  channels: z.partialRecord(ZNotificationKind, ZNotificationChannel).optional(),
  timeZone: ZTimeZone.optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  /** True turns email back on after an unsubscribe. */
  resubscribe: z.literal(true).optional(),
});
export type TNotificationPreferencesInput = z.infer<typeof ZNotificationPreferencesInput>;

export const ZUnsubscribeInput = z.strictObject({ token: z.string().min(10).max(500) });
