import type { Db } from '@shipshape/db';
import type { Logger } from './logger';

/** What every procedure sees. Built per request by the HTTP adapter (or by a
 * test calling the router directly); knows nothing of Fastify. */
export interface Context {
  db: Db;
  requestId: string;
  log: Logger;
}
