import { LRUCache } from 'lru-cache';
import { todayUtcDate } from './calendar-dates';

/**
 * A cache for dashboards, keyed by the workspace's data version: every write
 * bumps it in the writer's own transaction (a trigger on the activity log),
 * so an entry is served only while nothing it was computed from has changed.
 * Overdue counts depend on the date, so the day is part of the key too.
 */
export class VersionedReadCache {
  private readonly entries = new LRUCache<string, { version: string; value: unknown }>({
    max: 1000,
  });

  async read<T>(key: string, dataVersion: number, compute: () => Promise<T>): Promise<T> {
    const version = `${dataVersion}@${todayUtcDate()}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = await compute();
    this.entries.set(key, { version, value });
    return value;
  }
}

/** One per process: reads are keyed by what they read, so sharing is safe. */
export const readCache = new VersionedReadCache();
