import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
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
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: limits.wait,
    idleTimeoutMillis: 30_000,
  });
  // The pool is ours, so a job queue can share it (the embedded database has
  // one connection); $disconnect still ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const transactionOptions = { maxWait: limits.wait, timeout: limits.timeout };
  const db = onQuery
    ? new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] })
    : new PrismaClient({ adapter, transactionOptions });
  if (onQuery) (db as PrismaClient<'query'>).$on('query', (event) => onQuery(event.query));
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();

/** The `pg` pool under a client made by `createDb`: for SQL that must share its connections. */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: this client was not made by createDb.');
  return pool;
}
