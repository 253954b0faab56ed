import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { MigrationError, applyMigrations, startEmbeddedPostgres } from '@shipshape/db';
import { migrationsDir, repoRoot } from '@shipshape/db/paths';
import { adminQuery, withDatabase } from '../../support/global-setup';
import { freePort } from '../../support/ports';
import '../../support/target';

const expectedTables = [
  '_prisma_migrations',
  'activity_log',
  'api_tokens',
  'checklist_templates',
  'comments',
  'evidence_links',
  'invitations',
  'item_watches',
  'kpi_measurements',
  'kpi_track_state',
  'kpis',
  'lessons',
  'memberships',
  'notification_outbox',
  'notification_preferences',
  'notification_settings',
  'notifications',
  'project_items',
  'project_stage_counts',
  'project_stage_due',
  'project_stages',
  'project_watches',
  'projects',
  'refresh_tokens',
  'template_items',
  'template_stages',
  'users',
  'webhook_deliveries',
  'webhook_messages',
  'webhook_outbox',
  'webhooks',
  'workspaces',
];

async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    return rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

/** An empty database on the suite's server, or null when the suite runs on PGlite. */
async function withEmptyServerDatabase(run: (url: string) => Promise<void>): Promise<boolean> {
  const target = inject('testDatabase');
  if (target.kind !== 'server') return false;
  const name = `shipshape_empty_${process.pid}_${Date.now()}`;
  await adminQuery(target.adminUrl, `CREATE DATABASE "${name}"`);
  try {
    await run(withDatabase(target.adminUrl, name));
  } finally {
    await adminQuery(target.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  return true;
}

describe('[db][migrations] applying', () => {
  it('applies to an empty PGlite, and a second run is a no-op', async () => {
    const embedded = await startEmbeddedPostgres({ port: 0 });
    try {
      const first = await applyMigrations(embedded.connectionString);
      expect(first.length).toBeGreaterThan(0);
      expect(await tablesOf(embedded.connectionString)).toEqual(expectedTables);
      expect(await applyMigrations(embedded.connectionString)).toEqual([]);
    } finally {
      await embedded.stop();
    }
  });

  it('applies to an empty Postgres server, and a second run is a no-op', async () => {
    const ran = await withEmptyServerDatabase(async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ server_version_num: string }>(
        'show server_version_num',
      );
      await client.end();
      expect(Number(rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);

      expect((await applyMigrations(url)).length).toBeGreaterThan(0);
      expect(await tablesOf(url)).toEqual(expectedTables);
      expect(await applyMigrations(url)).toEqual([]);
    });
    // On the PGlite fallback there is no server to test against; CI sets TEST_DATABASE_URL.
    if (!ran) expect(inject('testDatabase').kind).toBe('pglite');
  });

  it('a failing migration is reported and leaves nothing half-applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-migrations-'));
    cpSync(migrationsDir, dir, { recursive: true });
    mkdirSync(join(dir, '99990101000000_broken'));
    writeFileSync(
      join(dir, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n',
    );
    const embedded = await startEmbeddedPostgres({ port: 0 });
    try {
      await expect(applyMigrations(embedded.connectionString, { dir })).rejects.toThrow(
        MigrationError,
      );
      expect(await tablesOf(embedded.connectionString)).not.toContain('half_done');
    } finally {
      await embedded.stop();
    }
  });

  it('pnpm db:migrate names an unreachable database and exits non-zero', async () => {
    const port = await freePort();
    const result = spawnSync('pnpm', ['-s', 'db:migrate'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: `postgresql://nobody:secret@127.0.0.1:${port}/nowhere` },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/db:migrate: failed: .*127\.0\.0\.1/);
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('[db][schema] constraints the schema relies on', () => {
  it('the activity log refuses updates and deletes', async () => {
    const embedded = await startEmbeddedPostgres({ port: 0 });
    try {
      await applyMigrations(embedded.connectionString);
      const client = new pg.Client({ connectionString: embedded.connectionString });
      await client.connect();
      await client.query(
        `insert into workspaces (id, name, slug, "updatedAt") values ('00000000-0000-7000-8000-000000000001', 'W', 'w', now())`,
      );
      await client.query(
        `insert into activity_log ("workspaceId", action, "entityType", "entityId") values ('00000000-0000-7000-8000-000000000001', 'x.created', 'x', '1')`,
      );
      await expect(client.query(`update activity_log set action = 'forged'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query(`delete from activity_log`)).rejects.toThrow(/append-only/);
      // Deleting the workspace still cascades through the log.
      await client.query(`delete from workspaces`);
      const { rows } = await client.query('select count(*)::int as n from activity_log');
      expect(rows[0].n).toBe(0);
      await expect(
        client.query(
          `insert into users (id, email, name, "passwordHash", "updatedAt") values ('00000000-0000-7000-8000-000000000002', 'Mixed@Case.io', 'M', 'x', now())`,
        ),
      ).rejects.toThrow(/users_email_normalised/);
      await client.end();
    } finally {
      await embedded.stop();
    }
  });
});
