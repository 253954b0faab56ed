// The background half of webhooks, in each API process: a poller that turns
// queued activity rows into messages (fanOutWebhooks) and sends the messages
// that are due (deliverDueWebhooks), both after the writes committed. The
// queue and its retry schedule are rows in Postgres (webhook_outbox,
// webhook_messages.nextAttemptAt), claimed with SKIP LOCKED, so several
// processes share them and a restart loses nothing; the clock is injectable,
// so tests move days on without sleeping.
import type { Db } from '@shipshape/db';
import type { Logger } from '../logger';
import { deliverDueWebhooks } from './deliver-webhooks';
import { fanOutWebhooks } from './fan-out-webhooks';
import type { WebhookTransport } from './send-webhook';

export interface WebhookJobOptions {
  db: Db;
  log: Pick<Logger, 'error'>;
  transport: WebhookTransport;
  /** How often the queues are read (ms); 0 runs nothing on its own (tests call `run`). */
  pollMs?: number;
  clock?: () => Date;
}

export interface WebhookJobs {
  /** Fans out every queued activity row, then sends what is due at the clock's time. */
  run(): Promise<{ queued: number; attempted: number }>;
  stop(): Promise<void>;
}

export function startWebhookJobs(options: WebhookJobOptions): WebhookJobs {
  const { db, transport, log } = options;
  const clock = options.clock ?? (() => new Date());
  let running: Promise<{ queued: number; attempted: number }> | null = null;
  const run = () => {
    running ??= (async () => {
      try {
        let queued = 0;
        for (;;) {
          const handled = await fanOutWebhooks({ db, now: clock() });
          queued += handled;
          if (handled === 0) break;
        }
        let attempted = 0;
        for (;;) {
          const sent = await deliverDueWebhooks({ db, transport, now: clock() });
          attempted += sent;
          if (sent === 0) break;
        }
        return { queued, attempted };
      } finally {
        running = null;
      }
    })();
    return running;
  };

  let stopped = false;
  const pollMs = options.pollMs ?? 1_000;
  const poll =
    pollMs > 0
      ? setInterval(() => {
          if (stopped) return;
          run().catch((error: unknown) =>
            log.error({ err: error }, 'webhook jobs: delivering webhooks failed'),
          );
        }, pollMs)
      : null;
  poll?.unref();

  return {
    run,
    async stop() {
      stopped = true;
      if (poll) clearInterval(poll);
      await running?.catch(() => undefined);
    },
  };
}
