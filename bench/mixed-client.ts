// The mixed scenario's own client, in the bench process next to autocannon:
// timed tRPC reads and item updates over fetch (keep-alive), and a writer that
// offers item updates at a fixed rate.
import type { MixedWorld, WritableItem } from './mixed-seed';

/** A tRPC query as a GET path: the input JSON-encoded in `?input=`. */
export function trpcGetPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export class ApiClient {
  private written = 0;

  constructor(
    readonly base: string,
    readonly headers: Record<string, string>,
  ) {}

  /** Milliseconds until the whole response is in; throws unless 2xx. */
  async get(path: string): Promise<number> {
    const start = performance.now();
    const response = await fetch(`${this.base}${path}`, { headers: this.headers });
    await response.text();
    const ms = performance.now() - start;
    if (!response.ok) throw new Error(`GET ${path.split('?')[0]}: ${response.status}`);
    return ms;
  }

  /**
   * item.update on the version last seen, toggling TODO ⇄ IN_PROGRESS and
   * writing a note; on success the item takes the version and status answered.
   */
  async update(item: WritableItem): Promise<{ ms: number; status: number }> {
    const status = item.status === 'TODO' ? 'IN_PROGRESS' : 'TODO';
    const start = performance.now();
    const response = await fetch(`${this.base}/trpc/item.update`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        itemId: item.id,
        expectedVersion: item.version,
        status,
        notes: `bench write ${++this.written}`,
      }),
    });
    const body = await response.text();
    const ms = performance.now() - start;
    if (response.ok) {
      const row = (
        JSON.parse(body) as { result: { data: Pick<WritableItem, 'version' | 'status'> } }
      ).result.data;
      item.version = row.version;
      item.status = row.status;
    }
    return { ms, status: response.status };
  }
}

/** A random open item of a random project, not `busy` (a write of it in flight). */
export function randomItem(
  world: MixedWorld,
  busy: Set<string> = new Set(),
  projectId?: string,
): WritableItem | undefined {
  const projects = [...world.writable.keys()];
  for (let attempt = 0; attempt < 20; attempt++) {
    const project = projectId ?? projects[Math.floor(Math.random() * projects.length)]!;
    const items = world.writable.get(project) ?? [];
    const item = items[Math.floor(Math.random() * items.length)];
    if (item && !busy.has(item.id)) return item;
  }
  return undefined;
}

export interface WriterMeasured {
  perSecond: number;
  seconds: number;
  offered: number;
  succeeded: number;
  /** 409 CONFLICT: the version was stale. */
  conflicts: number;
  otherFailures: number;
  p50: number;
  p99: number;
}

/**
 * Offers `perSecond` item updates a second whatever the answers take (an open
 * loop): every tick sends as many as are due since the start, so a late timer
 * does not lower the rate. Never two writes of one item in flight.
 */
export class FixedRateWriter {
  private offered = 0;
  private succeeded = 0;
  private conflicts = 0;
  private otherFailures = 0;
  private readonly latencies: number[] = [];
  private readonly busy = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private stoppedAt = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly world: MixedWorld,
    private readonly perSecond: number,
  ) {}

  start(): void {
    const interval = 1000 / this.perSecond;
    this.startedAt = performance.now();
    this.offer();
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - this.startedAt) / interval) + 1;
      while (this.offered < due) this.offer();
    }, interval);
  }

  async stop(): Promise<WriterMeasured> {
    clearInterval(this.timer);
    this.stoppedAt = performance.now();
    await Promise.all(this.pending);
    return {
      perSecond: this.perSecond,
      seconds: (this.stoppedAt - this.startedAt) / 1000,
      offered: this.offered,
      succeeded: this.succeeded,
      conflicts: this.conflicts,
      otherFailures: this.otherFailures,
      p50: percentile(this.latencies, 50),
      p99: percentile(this.latencies, 99),
    };
  }

  private offer(): void {
    this.offered += 1;
    const item = randomItem(this.world, this.busy);
    if (!item) {
      this.otherFailures += 1;
      return;
    }
    this.busy.add(item.id);
    const write = this.client
      .update(item)
      .then(({ ms, status }) => {
        this.latencies.push(ms);
        if (status === 200) this.succeeded += 1;
        else if (status === 409) this.conflicts += 1;
        else this.otherFailures += 1;
      })
      .catch(() => {
        this.otherFailures += 1;
      })
      .finally(() => {
        this.busy.delete(item.id);
        this.pending.delete(write);
      });
    this.pending.add(write);
  }
}
