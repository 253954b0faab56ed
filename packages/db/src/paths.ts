import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the product runs from its checkout. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const prismaDir = join(repoRoot, 'prisma');
export const schemaPath = join(prismaDir, 'schema.prisma');
export const migrationsDir = join(prismaDir, 'migrations');
/** Each migration folder keeps the schema it was generated from, so the next
 * migration (and the drift test) can diff without a database. */
export const SNAPSHOT_FILE = 'schema.snapshot.prisma';
