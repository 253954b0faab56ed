// One process's fan-out of committed activity to its live subscribers. The
// database announces each committed activity row once (one LISTEN connection
// per process, or the embedded database's in-process path); the hub hands it
// to the subscribers of that workspace, each through a small bounded queue. A
// subscriber that falls behind loses its queue and is told to refetch
// everything instead, so a slow browser never makes the process hold more.
import type { ActivityNotices } from '@shipshape/db';
import { z } from 'zod';

/** What a subscriber is told about one committed change. */
export interface LiveChange {
  /** The activity log id: the stream's event id. */
  id: string;
  workspaceId: string;
  projectId: string | null;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
}

export type LiveNext =
  | { kind: 'change'; change: LiveChange }
  /** Changes were missed (a slow reader, a dropped LISTEN): reload everything. */
  | { kind: 'refetch'; lastId: string | null }
  | { kind: 'idle' }
  | { kind: 'closed' };

const ZNotice = z.object({
  id: z.string().regex(/^\d{1,19}$/),
  workspaceId: z.uuid(),
  projectId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
});

/** Per-subscriber queue bound: past it the queue is dropped for one "refetch". */
export const LIVE_QUEUE_LIMIT = 200;

export class LiveSubscription {
  private queue: LiveChange[] = [];
  private refetch: { lastId: string | null } | null = null;
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(
    readonly workspaceId: string,
    private readonly onClose: (subscription: LiveSubscription) => void,
  ) {}

  /** Called by the hub. */
  push(change: LiveChange): void {
    if (this.refetch) {
      this.refetch.lastId = change.id;
    } else if (this.queue.length >= LIVE_QUEUE_LIMIT) {
      this.queue = [];
      this.refetch = { lastId: change.id };
    } else {
      this.queue.push(change);
    }
    this.notify();
  }

  /** Called by the hub when changes may have been missed. */
  missed(): void {
    this.queue = [];
    this.refetch = { lastId: this.refetch?.lastId ?? null };
    this.notify();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.onClose(this);
    this.notify();
  }

  /** The next thing to tell the subscriber; 'idle' after `idleMs` without any. */
  async next(signal: AbortSignal, idleMs: number): Promise<LiveNext> {
    for (;;) {
      if (this.closed || signal.aborted) return { kind: 'closed' };
      if (this.refetch) {
        const { lastId } = this.refetch;
        this.refetch = null;
        return { kind: 'refetch', lastId };
      }
      const change = this.queue.shift();
      if (change) return { kind: 'change', change };
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => done(false), idleMs);
        const abort = () => done(true);
        const done = (wokenUp: boolean) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', abort);
          this.wake = null;
          resolve(wokenUp);
        };
        this.wake = () => done(true);
        signal.addEventListener('abort', abort, { once: true });
      });
      if (!woken) return { kind: 'idle' };
    }
  }

  private notify(): void {
    this.wake?.();
  }
}

export class ActivityHub {
  private readonly byWorkspace = new Map<string, Set<LiveSubscription>>();
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    notices: ActivityNotices,
    private readonly onBadNotice: (payload: string) => void = () => {},
  ) {
    this.unsubscribe = notices.subscribe({
      notice: (payload) => this.dispatch(payload),
      gap: () => {
        for (const subscriptions of this.byWorkspace.values())
          for (const subscription of subscriptions) subscription.missed();
      },
    });
  }

  /** Subscribers connected right now (for logs and tests). */
  get size(): number {
    let size = 0;
    for (const subscriptions of this.byWorkspace.values()) size += subscriptions.size;
    return size;
  }

  /** A new subscriber to one workspace's changes; closed at once after `close()`. */
  subscribe(workspaceId: string): LiveSubscription {
    const subscription = new LiveSubscription(workspaceId, (closing) => {
      const set = this.byWorkspace.get(workspaceId);
      set?.delete(closing);
      if (set?.size === 0) this.byWorkspace.delete(workspaceId);
    });
    if (this.closed) {
      subscription.close();
      return subscription;
    }
    const set = this.byWorkspace.get(workspaceId) ?? new Set();
    set.add(subscription);
    this.byWorkspace.set(workspaceId, set);
    return subscription;
  }

  /** Ends every stream now (shutdown must not wait for them) and refuses new ones. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const subscriptions of [...this.byWorkspace.values()])
      for (const subscription of [...subscriptions]) subscription.close();
  }

  private dispatch(payload: string): void {
    let parsed: LiveChange;
    try {
      parsed = ZNotice.parse(JSON.parse(payload));
    } catch {
      this.onBadNotice(payload);
      return;
    }
    const subscriptions = this.byWorkspace.get(parsed.workspaceId);
    if (!subscriptions) return;
    for (const subscription of subscriptions) subscription.push(parsed);
  }
}
