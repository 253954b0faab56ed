// Graceful shutdown without dropped requests. Fastify's own close() stops the
// listener at once, and a connection the kernel had already accepted but
// Fastify had not yet read is then reset. So shutdown runs in two steps:
// first every new request is answered 503 (with `Connection: close` and
// `Retry-After`, and readiness fails with it) while the ones in flight finish;
// only when none is left and no new one has come for a moment (a load balancer
// stops sending once readiness fails) does the listener close.
import type { FastifyInstance } from 'fastify';

export interface Drain {
  /** Requests being handled right now. */
  readonly inFlight: number;
  /** Refuses new requests, waits for those in flight (at most `maxWaitMs`), then closes. */
  drainAndClose(maxWaitMs: number): Promise<{ drained: number; waitedMs: number }>;
}

const QUIET_MS = 250;

// Process-level probes keep answering while the server drains.
const ALWAYS_SERVED = new Set(['/livez', '/healthz']);

/** `endStreams` ends long-lived responses (live updates) when draining starts:
 * they never finish on their own, and clients reconnect to another process. */
export function trackDrain(app: FastifyInstance, endStreams: () => void = () => {}): Drain {
  let inFlight = 0;
  let draining = false;
  let lastRequestAt = 0;
  app.server.on('request', (_request, response) => {
    inFlight += 1;
    lastRequestAt = Date.now();
    response.once('close', () => (inFlight -= 1));
  });
  // After the body is read: answering before it would close the connection on
  // unread bytes, which the kernel turns into a reset the client sees as an error.
  app.addHook('preValidation', async (request, reply) => {
    if (!draining || ALWAYS_SERVED.has(request.url)) return;
    return reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '5')
      .send({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'The server is restarting; retry in a few seconds.',
        },
      });
  });
  return {
    get inFlight() {
      return inFlight;
    },
    async drainAndClose(maxWaitMs) {
      draining = true;
      endStreams();
      const started = Date.now();
      const drained = inFlight;
      // Also wait for a quiet moment: closing while clients still connect would
      // reset the connections queued in the kernel, which no 503 can reach.
      const busy = () => inFlight > 0 || Date.now() - lastRequestAt < QUIET_MS;
      while (busy() && Date.now() - started < maxWaitMs) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await app.close();
      return { drained, waitedMs: Date.now() - started };
    },
  };
}
