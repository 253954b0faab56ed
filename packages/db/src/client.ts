import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export interface DbOptions {
  connectionString: string;
  /** Pool size; the embedded database serves one connection at a time. */
  poolSize?: number;
}

export type Db = PrismaClient;

export function createDb({ connectionString, poolSize = 10 }: DbOptions): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
