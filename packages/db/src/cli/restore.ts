// `pnpm db:restore <file>`: restores a `pnpm db:backup` file into an empty
// database: DATABASE_URL, or the embedded database in DATA_DIR (a new folder).
import { restoreDatabase } from '../backup/restore';
import { openBackupTarget } from '../backup/target';

const file = process.argv[2];
if (!file || file.startsWith('-')) {
  console.error('usage: pnpm db:restore <file>   (into an empty DATABASE_URL or DATA_DIR)');
  process.exit(2);
}
try {
  const target = await openBackupTarget();
  try {
    const { rows } = await restoreDatabase(target.connectionString, file);
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    console.log(`db:restore: restored ${total} rows into ${target.describe}.`);
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(`db:restore: failed: ${(error as Error).message}`);
  process.exit(1);
}
