// Postgres notifications for live updates: every committed activity row is
// announced on ACTIVITY_CHANNEL (a trigger, see the activity_notify migration).
// A server database is heard on one dedicated LISTEN connection per process;
// the embedded database has a single session shared by every socket, so its
// notifications are read from the bytes it sends (see embeddedNotices).
import pg from 'pg';

export const ACTIVITY_CHANNEL = 'shipshape_activity';

export interface NoticeListener {
  /** One notification's payload. */
  notice(payload: string): void;
  /** Notifications may have been missed (the connection dropped): refetch. */
  gap(): void;
}

/** One process's source of activity notifications, fanned out in-process. */
export interface ActivityNotices {
  subscribe(listener: NoticeListener): () => void;
  close(): Promise<void>;
}

/** A set of listeners with the two ways to tell them something. */
export class NoticeFanOut {
  private readonly listeners = new Set<NoticeListener>();

  subscribe(listener: NoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notice(payload: string): void {
    for (const listener of this.listeners) listener.notice(payload);
  }

  gap(): void {
    for (const listener of this.listeners) listener.gap();
  }
}

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * LISTENs on one connection of its own (not the pool's: a pooled connection
 * goes back to the pool and its LISTEN with it). When the connection drops it
 * reconnects with backoff and reports a gap, since notifications sent while it
 * was away are lost.
 */
export function listenOnServer(
  connectionString: string,
  onError: (error: Error) => void = () => {},
): ActivityNotices {
  const fanOut = new NoticeFanOut();
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    if (closed) return;
    // keepAlive: a half-open connection (a dropped NAT entry, a dead peer) ends
    // in an error, which reconnects and tells subscribers to refetch.
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    next.on('notification', (message) => {
      if (message.channel === ACTIVITY_CHANNEL && message.payload) fanOut.notice(message.payload);
    });
    next.on('error', (error) => {
      onError(error);
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${ACTIVITY_CHANNEL}`);
    } catch (error) {
      onError(error as Error);
      reconnect(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    if (attempt > 0) fanOut.gap();
    attempt = 0;
  };

  const reconnect = (dropped: pg.Client) => {
    if (closed || retry || (client && client !== dropped)) return;
    client = undefined;
    void dropped.end().catch(() => {});
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    attempt += 1;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
  };

  const ready = connect();
  return {
    subscribe: (listener) => fanOut.subscribe(listener),
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready;
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}

/**
 * Reads NotificationResponse messages ('A') out of the byte stream a Postgres
 * backend sends, chunk by chunk (a message may span chunks). Only the bytes of
 * notification messages are kept; everything else is skipped by its length.
 */
export class NotificationScanner {
  private header = Buffer.alloc(0);
  private skip = 0;
  private body: Buffer[] | null = null;
  private bodyLeft = 0;

  constructor(private readonly onNotification: (channel: string, payload: string) => void) {}

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      if (this.body) {
        const n = Math.min(this.bodyLeft, chunk.length - at);
        this.body.push(Buffer.from(chunk.subarray(at, at + n)));
        this.bodyLeft -= n;
        at += n;
        if (this.bodyLeft === 0) this.finish(Buffer.concat(this.body));
        continue;
      }
      const need = 5 - this.header.length;
      const n = Math.min(need, chunk.length - at);
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + n)]);
      at += n;
      if (this.header.length < 5) continue;
      const type = this.header[0];
      const length = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
      if (type === 0x41 && length > 0) {
        this.body = [];
        this.bodyLeft = length;
      } else {
        this.skip = Math.max(0, length);
      }
    }
  }

  private finish(body: Buffer): void {
    this.body = null;
    // Int32 backend pid, then the channel and the payload, each NUL-terminated.
    const channelEnd = body.indexOf(0, 4);
    const payloadEnd = body.indexOf(0, channelEnd + 1);
    if (channelEnd < 0 || payloadEnd < 0) return;
    this.onNotification(
      body.toString('utf8', 4, channelEnd),
      body.toString('utf8', channelEnd + 1, payloadEnd),
    );
  }
}
