// The services behind `webhook.*`: an admin's endpoints of one workspace. The
// procedures have already checked the caller is an ADMIN of the workspace the
// endpoint (or input) points into, so ids here are known to be theirs.
import type { Prisma } from '@shipshape/db';
import {
  WEBHOOK_TEST_EVENT,
  type TWebhook,
  type TWebhookCreateInput,
  type TWebhookDeliveriesInput,
  type TWebhookDelivery,
  type TWebhookRef,
  type TWebhookUpdateInput,
} from '@shipshape/domain';
import type { ServiceArgs } from '../actor';
import { badRequest } from '../errors';
import { pageArgs, toPage } from '../pagination';
import { messageBody, newMessageId } from './fan-out-webhooks';
import { newWebhookSecret } from './sign-webhook';

/** Endpoints one workspace may have: each costs deliveries on every change. */
export const MAX_WEBHOOKS = 20;

/** A new endpoint; its signing secret is answered this once and never again. */
export async function createWebhook({
  db,
  actor,
  input,
}: ServiceArgs<TWebhookCreateInput>): Promise<{ id: string; secret: string }> {
  const count = await db.webhook.count({ where: { workspaceId: actor.workspaceId } });
  if (count >= MAX_WEBHOOKS) {
    throw badRequest(`A workspace has at most ${MAX_WEBHOOKS} webhooks; delete one first.`);
  }
  const secret = newWebhookSecret();
  const created = await db.webhook.create({
    data: {
      workspaceId: actor.workspaceId,
      url: input.url,
      events: input.events,
      secret,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { id: created.id, secret };
}

export async function listWebhooks({
  db,
  actor,
}: ServiceArgs<{ workspaceId: string }>): Promise<TWebhook[]> {
  const hooks = await db.webhook.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      url: true,
      events: true,
      enabled: true,
      createdAt: true,
      failingSince: true,
      disabledAt: true,
      attempts: {
        orderBy: { id: 'desc' },
        take: 1,
        select: { statusCode: true, error: true, createdAt: true },
      },
    },
  });
  return hooks.map(({ attempts, ...hook }) => ({
    ...hook,
    lastStatusCode: attempts[0]?.statusCode ?? null,
    lastError: attempts[0]?.error ?? null,
    lastDeliveryAt: attempts[0]?.createdAt ?? null,
  }));
}

export async function updateWebhook({
  db,
  input,
}: ServiceArgs<TWebhookUpdateInput>): Promise<{ ok: true }> {
  const data: Prisma.WebhookUpdateInput = {};
  if (input.url !== undefined) data.url = input.url;
  if (input.events !== undefined) data.events = input.events;
  if (input.enabled !== undefined) {
    data.enabled = input.enabled;
    // Turned back on by hand: a fresh start, not three more days of old failures.
    if (input.enabled) Object.assign(data, { failingSince: null, disabledAt: null });
  }
  await db.webhook.update({ where: { id: input.id }, data });
  return { ok: true };
}

export async function deleteWebhook({
  db,
  input,
}: ServiceArgs<TWebhookRef>): Promise<{ ok: true }> {
  // Its messages and delivery log go with it (ON DELETE CASCADE).
  await db.webhook.deleteMany({ where: { id: input.id } });
  return { ok: true };
}

/** Queues a `webhook.test` event; the job sends it within a second or so. */
export async function sendTestEvent({
  db,
  actor,
  input,
}: ServiceArgs<TWebhookRef>): Promise<{ messageId: string }> {
  const id = newMessageId();
  const now = new Date();
  await db.webhookMessage.create({
    data: {
      id,
      webhookId: input.id,
      eventType: WEBHOOK_TEST_EVENT,
      body: messageBody(WEBHOOK_TEST_EVENT, now, {
        webhookId: input.id,
        workspaceId: actor.workspaceId,
        actorId: actor.id,
      }),
      createdAt: now,
      nextAttemptAt: now,
    },
  });
  return { messageId: id };
}

/** The delivery log, newest first. */
export async function listWebhookDeliveries({
  db,
  input,
}: ServiceArgs<TWebhookDeliveriesInput>): Promise<{
  items: TWebhookDelivery[];
  nextCursor: string | null;
}> {
  const rows = await db.webhookDelivery.findMany({
    where: { webhookId: input.id },
    orderBy: { id: 'desc' },
    ...pageArgs(input),
    select: {
      id: true,
      messageId: true,
      eventType: true,
      attempt: true,
      statusCode: true,
      error: true,
      durationMs: true,
      responseExcerpt: true,
      createdAt: true,
    },
  });
  return toPage(rows, input.limit, (row) => row);
}
