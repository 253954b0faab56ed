// The webhook job's second half: sends the messages that are due, after the
// writes that caused them committed. A batch is claimed with SKIP LOCKED and
// leased (nextAttemptAt moves a few minutes on) in a short transaction, sent
// outside it, and each outcome recorded: a row in the delivery log, and the
// message delivered, rescheduled (RETRY_DELAYS_S, about 21 hours in all, the
// same webhook-id every time) or given up. An endpoint whose failures run on
// for three days is disabled and its workspace told (an activity row).
import type { Db, Prisma } from '@shipshape/db';
import { WEBHOOK_TEST_EVENT } from '@shipshape/domain';
import { sendWebhook, type SendOutcome, type WebhookTransport } from './send-webhook';
import { signedHeaders } from './sign-webhook';

/** Waits before each retry: 30 s, growing fourfold, capped at 6 h. */
export const RETRY_DELAYS_S = [30, 120, 480, 1920, 7200, 21600, 21600, 21600] as const;
export const DISABLE_AFTER_MS = 3 * 24 * 3600 * 1000;
/** A claimed message is retried after this if its process died mid-send. */
const LEASE_MS = 5 * 60 * 1000;

interface Claimed {
  id: string;
  webhookId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/** Sends up to `batchSize` due messages; answers how many were attempted. */
export async function deliverDueWebhooks({
  db,
  transport,
  now = new Date(),
  batchSize = 20,
}: {
  db: Db;
  transport: WebhookTransport;
  now?: Date;
  batchSize?: number;
}): Promise<number> {
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT m.id FROM webhook_messages m JOIN webhooks w ON w.id = m."webhookId"
       WHERE m."nextAttemptAt" <= ${now}
         AND (w.enabled OR m."eventType" = ${WEBHOOK_TEST_EVENT})
       ORDER BY m."nextAttemptAt" LIMIT ${batchSize}
         FOR UPDATE OF m SKIP LOCKED)
    UPDATE webhook_messages m
       SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      FROM due, webhooks w
     WHERE m.id = due.id AND w.id = m."webhookId"
    RETURNING m.id, m."webhookId", m."eventType", m.body, m.attempts, w.url, w.secret`;
  // Each message on its own: one that cannot be recorded does not lose the others'.
  const results = await Promise.allSettled(
    claimed.map(async (message) => {
      const headers = signedHeaders(message.secret, message.id, now, message.body);
      const outcome = await sendWebhook(transport, message.url, headers, message.body);
      await recordOutcome(db, message, outcome, now);
    }),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return claimed.length;
}

async function recordOutcome(db: Db, message: Claimed, outcome: SendOutcome, now: Date) {
  const attempt = message.attempts + 1;
  const delay = RETRY_DELAYS_S[attempt - 1];
  const isTest = message.eventType === WEBHOOK_TEST_EVENT;
  await db.$transaction(async (tx) => {
    // The endpoint's row first, in every outcome: its deliveries record one at a
    // time, so disabling it (which updates all its messages) never waits on a
    // message another outcome holds while that one waits on this row (a deadlock).
    await tx.$queryRaw`SELECT 1 FROM webhooks WHERE id = ${message.webhookId}::uuid FOR NO KEY UPDATE`;
    await tx.webhookDelivery.create({
      data: {
        webhookId: message.webhookId,
        messageId: message.id,
        eventType: message.eventType,
        attempt,
        statusCode: outcome.statusCode,
        error: outcome.error,
        durationMs: outcome.durationMs,
        responseExcerpt: outcome.responseExcerpt,
        createdAt: now,
      },
    });
    await tx.webhookMessage.update({
      where: { id: message.id },
      data: {
        attempts: attempt,
        deliveredAt: outcome.ok ? now : null,
        // A test event is tried once: the person is looking at the log.
        nextAttemptAt:
          outcome.ok || isTest || delay === undefined
            ? null
            : new Date(now.getTime() + delay * 1000),
      },
    });
    if (outcome.ok) {
      await tx.webhook.update({ where: { id: message.webhookId }, data: { failingSince: null } });
      return;
    }
    // The failure run starts at its first failure; a success ends it.
    const [hook] = await tx.$queryRaw<Array<{ failingSince: Date; enabled: boolean }>>`
      UPDATE webhooks SET "failingSince" = COALESCE("failingSince", ${now})
       WHERE id = ${message.webhookId}::uuid
      RETURNING "failingSince", enabled`;
    if (hook?.enabled && now.getTime() - hook.failingSince.getTime() >= DISABLE_AFTER_MS) {
      await disableWebhook(tx, message.webhookId, now);
    }
  });
}

type Tx = Prisma.TransactionClient;

/** Turns the endpoint off, drops its queued messages and tells the workspace. */
async function disableWebhook(tx: Tx, webhookId: string, now: Date) {
  const hook = await tx.webhook.update({
    where: { id: webhookId },
    data: { enabled: false, disabledAt: now },
    select: { id: true, workspaceId: true, url: true, failingSince: true },
  });
  await tx.webhookMessage.updateMany({
    where: { webhookId, nextAttemptAt: { not: null } },
    data: { nextAttemptAt: null },
  });
  // The notification kinds are a closed set the web app renders; the admins
  // see this in the workspace's activity instead.
  await tx.activityLog.create({
    data: {
      workspaceId: hook.workspaceId,
      actorId: null,
      action: 'webhook.disabled',
      entityType: 'webhook',
      entityId: hook.id,
      after: {
        url: hook.url,
        failingSince: hook.failingSince?.toISOString() ?? null,
        reason: 'failing continuously for 3 days',
      },
      at: now,
    },
  });
}
