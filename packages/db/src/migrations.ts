import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { openSchemaEngine } from './schema-engine';
import { SNAPSHOT_FILE, migrationsDir, schemaPath } from './paths';

const noFilters = { externalTables: [], externalEnums: [] };

export function listMigrationFolders(dir = migrationsDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

export function loadMigrationList(dir = migrationsDir): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: listMigrationFolders(dir).map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

export function readSchema(path = schemaPath): { path: string; content: string } {
  return { path, content: readFileSync(path, 'utf8') };
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies pending migrations, keeping Prisma's `_prisma_migrations` table so
 * this and `prisma migrate deploy` are interchangeable. Idempotent.
 */
export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const { engine, close } = await openSchemaEngine({
    schema: readSchema(),
    connectionString,
    log: options.log,
  });
  try {
    const result = await engine.applyMigrations({
      migrationsList: loadMigrationList(options.dir),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } catch (error) {
    throw new MigrationError(describeEngineError(error));
  } finally {
    await close();
  }
}

/** SQL that turns the datamodel `from` (or an empty database) into `to`. */
export async function diffSchemas(
  from: { path: string; content: string } | null,
  to: { path: string; content: string },
): Promise<string> {
  const { engine, close } = await openSchemaEngine({ schema: to });
  try {
    const result = await engine.diff({
      from: from ? { tag: 'schemaDatamodel', files: [from] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [to] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  } finally {
    await close();
  }
}

/** The schema as of the newest migration, or null before the first one. */
export function lastSnapshot(dir = migrationsDir): { path: string; content: string } | null {
  const last = listMigrationFolders(dir).at(-1);
  if (!last) return null;
  const path = join(dir, last, SNAPSHOT_FILE);
  if (!existsSync(path)) {
    throw new MigrationError(`Migration ${last} has no ${SNAPSHOT_FILE}; cannot diff from it.`);
  }
  return { path, content: readFileSync(path, 'utf8') };
}

/** True when a diff script contains statements, not just the engine's comment. */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) {
    // The wasm engine reports errors as JSON in the message; keep the human part.
    try {
      const parsed = JSON.parse(error.message) as { message?: string };
      if (parsed.message) return parsed.message;
    } catch {
      /* not JSON */
    }
    return error.message;
  }
  return String(error);
}
