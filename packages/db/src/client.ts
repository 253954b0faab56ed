import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export interface DbOptions {
  connectionString: string;
  /** Pool size; the embedded database serves one connection at a time. */
  poolSize?: number;
  /** Called with every SQL statement (tests count queries per request). */
  onQuery?: (sql: string) => void;
  /** Overrides how long a request waits for a connection or a transaction (ms). */
  waitMs?: number;
}

export type Db = PrismaClient;

/**
 * How long a request waits for a connection (or to start a transaction), and
 * how long a transaction may run. A busy moment must queue, not fail: with a
 * pool of one (the embedded database) every request waits behind all those
 * ahead of it, so it gets a long wait. Past it the API answers 503 with
 * Retry-After (packages/api/src/errors.ts), never 500.
 */
export function waitLimits(poolSize: number, waitMs?: number): { wait: number; timeout: number } {
  const single = poolSize <= 1;
  return { wait: waitMs ?? (single ? 60_000 : 10_000), timeout: single ? 30_000 : 15_000 };
}

export function createDb({ connectionString, poolSize = 10, onQuery, waitMs }: DbOptions): Db {
  const limits = waitLimits(poolSize, waitMs);
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: limits.wait,
    idleTimeoutMillis: 30_000,
  });
  const transactionOptions = { maxWait: limits.wait, timeout: limits.timeout };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const db = new PrismaClient({
    adapter,
    transactionOptions,
    log: [{ emit: 'event', level: 'query' }],
  });
  db.$on('query', (event) => onQuery(event.query));
  return db;
}
