// The database a backup is taken from or restored into, as the product would
// pick it: DATABASE_URL when set, else the embedded one in DATA_DIR.
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded';
import { defaultDataDir, redactUrl } from '../open-database';

export interface BackupTarget {
  connectionString: string;
  describe: string;
  close(): Promise<void>;
}

export async function openBackupTarget(
  env: NodeJS.ProcessEnv = process.env,
): Promise<BackupTarget> {
  if (env.DATABASE_URL) {
    return {
      connectionString: env.DATABASE_URL,
      describe: redactUrl(env.DATABASE_URL),
      close: async () => {},
    };
  }
  const dataDir = env.DATA_DIR || defaultDataDir;
  // Refuses, naming the process, while Shipshape itself has the folder open.
  const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite') });
  return {
    connectionString: embedded.connectionString,
    describe: `the embedded database in ${dataDir}`,
    close: () => embedded.stop(),
  };
}
