// The webhook job's first half: turns queued activity rows into messages, one
// per subscribed endpoint. A trigger queues activity rows of workspaces with an
// enabled endpoint in the writer's own transaction (webhook_outbox); this
// claims a batch with FOR UPDATE SKIP LOCKED (several API processes share the
// work) and deletes it in the transaction that writes the messages: a crash
// before COMMIT leaves the rows queued, and a commit writes each message once.
import { randomBytes } from 'node:crypto';
import type { Db, Prisma } from '@shipshape/db';
import { claimOutboxActivities } from '../activity/claim-outbox';
import { eventsOf, type FiredEvent } from './webhook-events';

/** A Standard Webhooks message id: the `webhook-id` header, the same on every attempt. */
export const newMessageId = () => `msg_${randomBytes(16).toString('base64url')}`;

/** The signed body: `{ type, timestamp, data }`. */
export const messageBody = (type: string, at: Date, data: unknown) =>
  JSON.stringify({ type, timestamp: at.toISOString(), data });

/** Handles up to `batchSize` queued activity rows, oldest first; answers how many. */
export async function fanOutWebhooks({
  db,
  now = new Date(),
  batchSize = 50,
}: {
  db: Db;
  now?: Date;
  batchSize?: number;
}): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const { ids, activities } = await claimOutboxActivities(tx, 'webhook_outbox', batchSize);
      if (ids.length === 0) return 0;
      const hooks = await tx.webhook.findMany({
        where: { workspaceId: { in: [...new Set(activities.map((a) => a.workspaceId))] } },
        select: { id: true, workspaceId: true, events: true, enabled: true },
      });
      const messages: Prisma.WebhookMessageCreateManyInput[] = [];
      for (const activity of activities) {
        const listening = hooks.filter((h) => h.enabled && h.workspaceId === activity.workspaceId);
        if (listening.length === 0) continue;
        const events: FiredEvent[] = await eventsOf(tx, activity);
        for (const event of events) {
          const body = messageBody(event.type, activity.at, event.data);
          for (const hook of listening) {
            if (!hook.events.includes(event.type)) continue;
            messages.push({
              id: newMessageId(),
              webhookId: hook.id,
              eventType: event.type,
              body,
              createdAt: now,
              nextAttemptAt: now,
            });
          }
        }
      }
      if (messages.length > 0) await tx.webhookMessage.createMany({ data: messages });
      await tx.webhookOutbox.deleteMany({ where: { activityId: { in: ids } } });
      return ids.length;
    },
    { timeout: 60_000 },
  );
}
