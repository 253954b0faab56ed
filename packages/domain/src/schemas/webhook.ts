import { z } from 'zod';
import { ZCursor, ZId } from './common';

/** The events a webhook may subscribe to (see README "Webhooks" for their payloads). */
export const WEBHOOK_EVENTS = [
  'item.updated',
  'item.assigned',
  'item.completed',
  'comment.created',
  'kpi.measurement_recorded',
  'kpi.off_track',
  'lesson.created',
  'project.created',
  'project.stage_changed',
] as const;
export const ZWebhookEvent = z.enum(WEBHOOK_EVENTS);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;

/** The event "send test event" sends; not subscribable. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_URL_MAX = 2048;

/** An absolute http(s) address without credentials; where it may point is checked on delivery. */
export const ZWebhookUrl = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === ''
    );
  }, 'must be an http:// or https:// address without user name or password');

const ZWebhookEvents = z
  .array(ZWebhookEvent)
  .min(1, 'needs at least one event')
  .max(WEBHOOK_EVENTS.length)
  .refine((events) => new Set(events).size === events.length, 'must not repeat an event');

export const ZWebhookCreateInput = z.strictObject({
  workspaceId: ZId,
  url: ZWebhookUrl,
  events: ZWebhookEvents,
});
export type TWebhookCreateInput = z.infer<typeof ZWebhookCreateInput>;

export const ZWebhookListInput = z.strictObject({ workspaceId: ZId });
export const ZWebhookRef = z.strictObject({ id: ZId });
export type TWebhookRef = z.infer<typeof ZWebhookRef>;

export const ZWebhookUpdateInput = z.strictObject({
  id: ZId,
  url: ZWebhookUrl.optional(),
  events: ZWebhookEvents.optional(),
  /** Turning an endpoint back on clears its failure run. */
  enabled: z.boolean().optional(),
});
export type TWebhookUpdateInput = z.infer<typeof ZWebhookUpdateInput>;

export const ZWebhookDeliveriesInput = z.strictObject({
  id: ZId,
  cursor: ZCursor,
  limit: z.number().int().min(1).max(100).default(50),
});
export type TWebhookDeliveriesInput = z.infer<typeof ZWebhookDeliveriesInput>;

/** The answer of `webhook.create`: the signing secret, shown this once. */
export const ZWebhookCreated = z.object({ id: ZId, secret: z.string() });

/** An endpoint as listed: never its secret. */
export const ZWebhook = z.object({
  id: ZId,
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.date(),
  /** The last attempt's outcome: its HTTP status, or null with `lastError`. */
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDeliveryAt: z.date().nullable(),
  failingSince: z.date().nullable(),
  disabledAt: z.date().nullable(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

/** One attempt in the delivery log. */
export const ZWebhookDelivery = z.object({
  id: ZId,
  messageId: z.string(),
  eventType: z.string(),
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  responseExcerpt: z.string().nullable(),
  createdAt: z.date(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;
