import { conflict } from './errors';

interface VersionedDelegate<TData> {
  updateMany(args: {
    where: { id: string; version: number };
    data: TData;
  }): Promise<{ count: number }>;
}

/**
 * Optimistic concurrency: the update applies only if the row still has the
 * version the caller read, and bumps it. Otherwise nothing is written and the
 * caller gets CONFLICT with the row as it is now (read by `current`).
 */
export async function updateIfVersion<TData extends object>(
  delegate: VersionedDelegate<TData & { version: { increment: number } }>,
  args: { id: string; expectedVersion: number; data: TData; entity: string },
  current: () => Promise<unknown>,
): Promise<void> {
  const result = await delegate.updateMany({
    where: { id: args.id, version: args.expectedVersion },
    data: { ...args.data, version: { increment: 1 } },
  });
  if (result.count === 0) throw conflict(args.entity, await current());
}
