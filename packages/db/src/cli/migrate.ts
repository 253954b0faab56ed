// `pnpm db:migrate`: applies pending migrations to DATABASE_URL.
import { MigrationError, applyMigrations } from '../migrations';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'db:migrate: DATABASE_URL is not set (e.g. postgresql://user@127.0.0.1:5432/shipshape).',
  );
  process.exit(2);
}
try {
  const applied = await applyMigrations(url);
  console.log(
    applied.length === 0
      ? 'db:migrate: the database is up to date.'
      : `db:migrate: applied ${applied.length} migration(s): ${applied.join(', ')}`,
  );
} catch (error) {
  const message = error instanceof MigrationError ? error.message : String(error);
  console.error(`db:migrate: failed: ${message}`);
  process.exit(1);
}
