import { conflict } from './errors';

/**
 * Optimistic concurrency, the one check every versioned write goes through:
 * `write` applies the change only where the row still has the version the
 * caller read (bumping it) and says whether it did (false), or answers what it
 * wrote. If it did not write, nothing was written and the caller gets CONFLICT
 * with the row as it is now (`current`).
 */
export async function writeIfVersion<T>(
  entity: string,
  write: () => Promise<T | false | null>,
  current: () => Promise<unknown>,
): Promise<T> {
  const written = await write();
  if (written === false || written === null) throw conflict(entity, await current());
  return written;
}

export interface VersionedDelegate<TWhere, TData> {
  updateMany(args: {
    where: TWhere & { id: string; version: number };
    data: TData;
  }): Promise<{ count: number }>;
}

/**
 * `writeIfVersion` for a Prisma model: updates the row (bumping its version)
 * if it has `expectedVersion` and matches `where`. `data` may be empty: then
 * only the version moves (a change to something the row owns, such as an
 * item's evidence).
 */
export async function updateIfVersion<TData extends object, TWhere extends object = object>(
  delegate: VersionedDelegate<TWhere, TData & { version: { increment: number } }>,
  args: { id: string; expectedVersion: number; data: TData; entity: string; where?: TWhere },
  current: () => Promise<unknown>,
): Promise<void> {
  await writeIfVersion(
    args.entity,
    async () => {
      const result = await delegate.updateMany({
        where: { ...(args.where as TWhere), id: args.id, version: args.expectedVersion },
        data: { ...args.data, version: { increment: 1 } },
      });
      return result.count > 0;
    },
    current,
  );
}
