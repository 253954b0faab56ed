import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export interface DbOptions {
  connectionString: string;
  /** Pool size; the embedded database serves one connection at a time. */
  poolSize?: number;
  /** Called with every SQL statement (tests count queries per request). */
  onQuery?: (sql: string) => void;
}

export type Db = PrismaClient;

export function createDb({ connectionString, poolSize = 10, onQuery }: DbOptions): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  if (!onQuery) return new PrismaClient({ adapter });
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', (event) => onQuery(event.query));
  return db;
}
