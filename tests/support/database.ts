// Each integration test file gets its own fresh, migrated database, so files
// run in parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import {
  applyMigrations,
  createDb,
  listenOnServer,
  seedBuiltInTemplates,
  startEmbeddedPostgres,
  type ActivityNotices,
  type Db,
} from '@shipshape/db';
import { adminQuery, withDatabase } from './global-setup';
import './target';

export interface TestDatabase {
  url: string;
  db: Db;
  poolSize: number;
  /** Committed activity, as an API process hears it (for live updates). */
  listen(): ActivityNotices;
}

export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const target = inject('testDatabase');
  if (target.kind === 'server') {
    const name = `shipshape_test_${randomBytes(6).toString('hex')}`;
    await cloneTemplate(target.adminUrl, target.templateName, name);
    const url = withDatabase(target.adminUrl, name);
    const db = createDb({ connectionString: url, poolSize: 10 });
    return {
      url,
      db,
      poolSize: 10,
      listen: () => listenOnServer(url),
      async drop() {
        await db.$disconnect();
        await adminQuery(target.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const embedded = await startEmbeddedPostgres({ port: 0 });
  await applyMigrations(embedded.connectionString);
  const db = createDb({ connectionString: embedded.connectionString, poolSize: 1 });
  await seedBuiltInTemplates(db);
  return {
    url: embedded.connectionString,
    db,
    poolSize: 1,
    listen: () => embedded.notices,
    async drop() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}

/** Registers beforeAll/afterAll for a fresh database; read `.current` in tests. */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get current() {
      if (!database)
        throw new Error('useTestDatabase: the database is not ready (use it inside tests).');
      return database;
    },
  };
}

async function cloneTemplate(adminUrl: string, template: string, name: string): Promise<void> {
  // Two clones of one template at the same instant can collide
  // ("source database is being accessed by other users"): retry briefly.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
