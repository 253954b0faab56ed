import { LRUCache } from 'lru-cache';
import type { Actor } from './actor';
import { todayUtcDate } from './calendar-dates';

/**
 * A cache for dashboards and lists, keyed by a data version that every write
 * bumps in the writer's own transaction (triggers on the activity log), so an
 * entry is served only while nothing it was computed from has changed. The
 * version is read from the database on every request, so several API
 * processes never serve a read older than an acknowledged write. Overdue
 * counts depend on the date, so the day is part of the key too.
 *
 * Readers who miss at the same version share one computation: a write does
 * not make every concurrent reader recompute the same thing.
 */
export class VersionedReadCache {
  private readonly entries = new LRUCache<string, { version: string; value: unknown }>({
    max: 1000,
  });
  private readonly inFlight = new Map<string, Promise<unknown>>();

  read<T>(key: string, dataVersion: number | string, compute: () => Promise<T>): Promise<T> {
    const version = `${dataVersion}@${todayUtcDate()}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return Promise.resolve(hit.value as T);
    const flight = `${key}\n${version}`;
    const pending = this.inFlight.get(flight);
    if (pending) return pending as Promise<T>;
    const computed = compute()
      .then((value) => {
        this.entries.set(key, { version, value });
        return value;
      })
      .finally(() => this.inFlight.delete(flight));
    this.inFlight.set(flight, computed);
    return computed;
  }
}

/** One per process: reads are keyed by what they read, so sharing is safe. */
export const readCache = new VersionedReadCache();

/**
 * The version a read inside one project keys on: that project's writes and
 * the workspace's shared ones move it, other projects' writes do not. Outside
 * a project, the workspace's.
 */
export function projectReadVersion(actor: Pick<Actor, 'dataVersion' | 'projectVersion'>): string {
  return actor.projectVersion === null ? `w${actor.dataVersion}` : `p${actor.projectVersion}`;
}
