// Reliability drill: `pnpm db:backup`, more writes, then `pnpm db:restore`
// into a fresh database finds every row exactly as backed up (checksums per
// table) and nothing written after. On the embedded database always, and on
// the test Postgres server too when there is one.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from '@shipshape/db';
import { repoRoot } from '@shipshape/db/paths';
import { ApiClient, signUp } from '../support/api-client';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { adminQuery, withDatabase } from '../support/global-setup';

const run = promisify(execFile);

type Place = { DATABASE_URL: string } | { DATA_DIR: string };

/** Per table: row count and a checksum of every row's text, order-independent. */
async function checksums(place: Place): Promise<Record<string, string>> {
  const embedded =
    'DATA_DIR' in place
      ? await startEmbeddedPostgres({ dataDir: join(place.DATA_DIR, 'pglite') })
      : undefined;
  const client = new pg.Client(
    embedded?.connectionString ?? ('DATABASE_URL' in place ? place.DATABASE_URL : ''),
  );
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations'
        order by 1`,
    );
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number; sum: string }>(
        `select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as sum from "${name}" t`,
      );
      sums[name] = `${rows[0]?.n}:${rows[0]?.sum}`;
    }
    const migrations = await client.query<{ name: string }>(
      'select migration_name as name from _prisma_migrations order by 1',
    );
    sums._migrations = migrations.rows.map((row) => row.name).join(',');
    return sums;
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

async function cli(script: string, args: string[], place: Place) {
  return run(join(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...place },
  });
}

async function writeSomeWork(client: ApiClient, label: string): Promise<void> {
  const workspace = await client.ok('workspace.create', {
    name: `Backup ${label}`,
  });
  const project = await client.ok('project.create', {
    workspaceId: workspace.id,
    name: `Project ${label}`,
  });
  const kpi = await client.ok('kpi.create', {
    projectId: project.id,
    name: 'Recall',
    kind: 'MODEL',
    unit: '%',
    direction: 'HIGHER_IS_BETTER',
  });
  for (const value of [0.5, 1 / 3, 123456.789012345]) {
    await client.ok('kpi.record', { kpiId: kpi.id, value });
  }
  await client.ok('lesson.create', {
    projectId: project.id,
    title: `Quoting "quotes", ünïcödé and \\ backslashes ${label}`,
    tried: 'Line one\nline two\twith a tab',
    happened: 'It failed',
    learnt: 'Escape everything',
    tags: ['data'],
  });
}

async function drill(place: Place): Promise<string> {
  let api: ApiProcess = await startApiProcess(place);
  const { client } = await signUp(api.url);
  await writeSomeWork(client, 'before');
  api.child.kill('SIGTERM');
  await api.exited;
  const before = await checksums(place);

  const file = join(mkdtempSync(join(tmpdir(), 'shipshape-backup-')), 'backup.jsonl.gz');
  const backup = await cli('packages/db/src/cli/backup.ts', [file], place);
  expect(backup.stdout).toMatch(/db:backup: wrote .* rows in \d+ tables/);

  // More work after the backup: none of it may come back.
  api = await startApiProcess(place);
  const again = new ApiClient(api.url);
  again.accessToken = client.accessToken;
  await writeSomeWork(again, 'after');
  api.child.kill('SIGTERM');
  await api.exited;
  expect(await checksums(place)).not.toEqual(before);

  const fresh: Place =
    'DATA_DIR' in place
      ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'shipshape-restored-')) }
      : { DATABASE_URL: await emptyServerDatabase() };
  const restore = await cli('packages/db/src/cli/restore.ts', [file], fresh);
  expect(restore.stdout).toMatch(/db:restore: restored \d+ rows/);
  const after = await checksums(fresh);
  expect(after).toEqual(before);

  // A second restore into the now-filled database is refused and changes nothing.
  await expect(cli('packages/db/src/cli/restore.ts', [file], fresh)).rejects.toMatchObject({
    stderr: expect.stringMatching(/not empty/),
  });
  expect(await checksums(fresh)).toEqual(before);

  // The restored database serves the product: the same person signs in.
  const restored = await startApiProcess(fresh);
  try {
    const counts = Object.entries(before).filter(([table]) => table !== '_migrations');
    const tables = counts.length;
    const rows = counts.reduce((sum, [, value]) => sum + Number(value.split(':')[0]), 0);
    return `${rows} rows in ${tables} tables restored with equal checksums; API on the restored database: ${(await fetch(`${restored.url}/readyz`)).status}`;
  } finally {
    restored.child.kill('SIGTERM');
    await restored.exited;
  }
}

async function emptyServerDatabase(): Promise<string> {
  const target = inject('testDatabase');
  if (target.kind !== 'server') throw new Error('no server');
  const name = `shipshape_restore_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(target.adminUrl, `CREATE DATABASE "${name}"`);
  return withDatabase(target.adminUrl, name);
}

describe('[drill] backup and restore', () => {
  it('on the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shipshape-source-'));
    console.log(`backup drill (embedded): ${await drill({ DATA_DIR: dataDir })}`);
  }, 180_000);

  it.runIf(inject('testDatabase').kind === 'server')(
    'on a Postgres server',
    async () => {
      console.log(
        `backup drill (server): ${await drill({ DATABASE_URL: await emptyServerDatabase() })}`,
      );
    },
    180_000,
  );

  it('refuses to back up the embedded database while Shipshape has it open', async () => {
    const place = { DATA_DIR: mkdtempSync(join(tmpdir(), 'shipshape-busy-')) };
    const api = await startApiProcess(place);
    try {
      await expect(
        cli('packages/db/src/cli/backup.ts', [join(place.DATA_DIR, 'b.gz')], place),
      ).rejects.toMatchObject({
        stderr: expect.stringMatching(/in use by another Shipshape process/),
      });
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  }, 120_000);
});
