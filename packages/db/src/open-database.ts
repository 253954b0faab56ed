// Decides which Postgres the product runs on: DATABASE_URL when set, else the
// embedded one with its data in DATA_DIR. Then brings its schema up to date.
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';
import { applyMigrations } from './migrations';
import { listenOnServer, type ActivityNotices } from './activity-notices';
import { repoRoot } from './paths';

export interface OpenedDatabase {
  connectionString: string;
  /** The embedded database serves one connection at a time. */
  poolSize: number;
  embedded: boolean;
  appliedMigrations: string[];
  /** Starts hearing committed activity (a LISTEN connection on a server;
   * in-process on the embedded database). Close it before `stop`. */
  listen(onError?: (error: Error) => void): ActivityNotices;
  stop(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export const defaultDataDir = join(repoRoot, '.data');

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  embeddedPort?: number | undefined;
  poolSize?: number | undefined;
}): Promise<OpenedDatabase> {
  const databaseUrl = options.databaseUrl;
  if (databaseUrl) {
    await assertReachable(databaseUrl);
    const appliedMigrations = await applyMigrations(databaseUrl);
    return {
      connectionString: databaseUrl,
      poolSize: options.poolSize ?? 10,
      embedded: false,
      appliedMigrations,
      listen: (onError) => listenOnServer(databaseUrl, onError),
      stop: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: join(options.dataDir ?? defaultDataDir, 'pglite'),
    port: options.embeddedPort ?? 0,
  });
  try {
    const appliedMigrations = await applyMigrations(embedded.connectionString);
    return {
      connectionString: embedded.connectionString,
      poolSize: 1,
      embedded: true,
      appliedMigrations,
      listen: () => embedded.notices,
      stop: () => embedded.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** Fails fast, with the address and the reason, when the server cannot be reached. */
export async function assertReachable(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot reach the database at ${redactUrl(connectionString)}: ${(error as Error).message || String(error)}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(an unparsable DATABASE_URL)';
  }
}
