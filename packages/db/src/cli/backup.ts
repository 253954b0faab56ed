// `pnpm db:backup <file>`: a backup of DATABASE_URL, or of the embedded
// database in DATA_DIR (stop Shipshape first: the embedded one has one user).
import { backupDatabase } from '../backup/backup';
import { openBackupTarget } from '../backup/target';

const file = process.argv[2];
if (!file || file.startsWith('-')) {
  console.error('usage: pnpm db:backup <file>   (e.g. pnpm db:backup shipshape-backup.jsonl.gz)');
  process.exit(2);
}
try {
  const target = await openBackupTarget();
  try {
    const { rows, migrations } = await backupDatabase(target.connectionString, file);
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `db:backup: wrote ${file}: ${total} rows in ${Object.keys(rows).length} tables from ${target.describe} (schema ${migrations.at(-1) ?? 'empty'}).`,
    );
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(`db:backup: failed: ${(error as Error).message}`);
  process.exit(1);
}
