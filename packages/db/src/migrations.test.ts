import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diffSchemas,
  isEmptyDiff,
  lastSnapshot,
  listMigrationFolders,
  readSchema,
} from './migrations';
import { SNAPSHOT_FILE, migrationsDir } from './paths';

describe('[db][migrations] schema.prisma and the migrations agree', () => {
  it('every migration folder keeps the schema it was made from', () => {
    const folders = listMigrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect(() => readFileSync(join(migrationsDir, folder, SNAPSHOT_FILE))).not.toThrow();
    }
  });

  it('the schema as of the last migration equals schema.prisma (run pnpm db:migration:new if not)', async () => {
    const sql = await diffSchemas(lastSnapshot(), readSchema());
    expect(isEmptyDiff(sql), `schema.prisma has changes no migration covers:\n${sql}`).toBe(true);
  });

  it('a schema change the migrations do not cover is detected', async () => {
    const current = readSchema();
    const changed = {
      ...current,
      content: current.content.replace('model Workspace {', 'model Workspace {\n  colour String?'),
    };
    const sql = await diffSchemas(lastSnapshot(), changed);
    expect(isEmptyDiff(sql)).toBe(false);
    expect(sql).toMatch(/ALTER TABLE "workspaces" ADD COLUMN\s+"colour" TEXT/);
  });
});
