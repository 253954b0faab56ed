// Restores a backup made by `backupDatabase` into an empty database: applies
// this version's migrations, then loads every table in one transaction (all
// or nothing), with user triggers off so rows keep their stored values (the
// activity trigger would otherwise bump each workspace's data version) and
// foreign keys checked once all rows are in.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { applyMigrations } from '../migrations';
import { BACKUP_FORMAT, BACKUP_VERSION, listBackupTables, quoteIdent } from './tables';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export async function restoreDatabase(
  connectionString: string,
  file: string,
): Promise<{ rows: Record<string, number> }> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  })[Symbol.asyncIterator]();
  const header = parseHeader((await lines.next()).value);

  await applyMigrations(connectionString);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const known = new Set(
      (
        await client.query<{ name: string }>(
          'select migration_name as name from _prisma_migrations',
        )
      ).rows.map((row) => row.name),
    );
    const unknown = header.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new RestoreError(
        `The backup comes from a newer Shipshape (migrations ${unknown.join(', ')}); restore it with that version.`,
      );
    }
    const tables = await listBackupTables(client);
    await assertEmpty(
      client,
      tables.map((table) => table.name),
    );

    await client.query('begin');
    for (const table of tables) {
      await client.query(`alter table ${quoteIdent(table.name)} disable trigger user`);
    }
    // Tables reference each other in cycles (a project's current stage), so
    // foreign keys are dropped for the load and added back after it, which
    // checks every restored row against them, as pg_restore does.
    const foreignKeys = await dropForeignKeys(client);
    const rows: Record<string, number> = {};
    let current: { name: string; columns: string[] } | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const columns = current.columns.map(quoteIdent).join(', ');
      await client.query(
        `insert into ${quoteIdent(current.name)} (${columns})
         select ${columns} from json_populate_recordset(null::${quoteIdent(current.name)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      rows[current.name] = (rows[current.name] ?? 0) + batch.length;
      batch = [];
      batchBytes = 0;
    };
    let trailer: Record<string, number> | undefined;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (line.startsWith('{')) {
        if (!current)
          throw new RestoreError('The backup is damaged: a row comes before its table.');
        batch.push(line);
        batchBytes += line.length;
        if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
        continue;
      }
      await flush();
      const marker = JSON.parse(line) as [string, ...unknown[]];
      if (marker[0] === 'table') {
        const [, name, columns] = marker as [string, string, string[]];
        if (!tables.some((table) => table.name === name)) {
          throw new RestoreError(`The backup has a table this version does not know: ${name}.`);
        }
        current = { name, columns };
        rows[name] = 0;
      } else if (marker[0] === 'end') {
        trailer = marker[1] as Record<string, number>;
      }
    }
    if (!trailer || tables.some((t) => (trailer?.[t.name] ?? 0) !== (rows[t.name] ?? 0))) {
      throw new RestoreError('The backup is incomplete (it ends early, or its row counts differ).');
    }
    for (const key of foreignKeys) {
      await client.query(
        `alter table ${key.table} add constraint ${quoteIdent(key.name)} ${key.definition}`,
      );
    }
    await resetSequences(client);
    // Kept counts are derived data: recount them from the restored items (a
    // backup made before they existed has none).
    await client.query('select "project_stage_counts_rebuild"()');
    for (const table of tables) {
      await client.query(`alter table ${quoteIdent(table.name)} enable trigger user`);
    }
    await client.query('commit');
    return { rows };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

function parseHeader(line: string | undefined): { migrations: string[] } {
  try {
    const header = JSON.parse(line ?? '') as {
      format?: string;
      version?: number;
      migrations?: string[];
    };
    if (
      header.format === BACKUP_FORMAT &&
      header.version === BACKUP_VERSION &&
      Array.isArray(header.migrations)
    ) {
      return { migrations: header.migrations };
    }
  } catch {
    /* reported below */
  }
  throw new RestoreError('This file is not a Shipshape backup (made by pnpm db:backup).');
}

async function assertEmpty(client: pg.Client, tables: string[]): Promise<void> {
  const counts = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await client.query<{ any: boolean }>(
        `select exists (select 1 from ${quoteIdent(table)}) as any`,
      );
      return rows[0]?.any ? table : undefined;
    }),
  );
  const filled = counts.filter(Boolean);
  if (filled.length > 0) {
    throw new RestoreError(
      `The target database is not empty (${filled.join(', ')} have rows); restore into a new database.`,
    );
  }
}

async function dropForeignKeys(
  client: pg.Client,
): Promise<{ table: string; name: string; definition: string }[]> {
  const { rows } = await client.query<{ table: string; name: string; definition: string }>(
    `select con.conrelid::regclass::text as "table", con.conname as name,
            pg_get_constraintdef(con.oid) as definition
       from pg_constraint con join pg_namespace n on n.oid = con.connamespace
      where con.contype = 'f' and n.nspname = 'public'`,
  );
  for (const key of rows) {
    await client.query(`alter table ${key.table} drop constraint ${quoteIdent(key.name)}`);
  }
  return rows;
}

/** Identity counters continue after the restored rows, not from 1. */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `select c.table_name as "table", c.column_name as "column",
            pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
       from information_schema.columns c
      where c.table_schema = 'public' and c.column_default like 'nextval(%'`,
  );
  for (const { table, column, sequence } of rows) {
    if (!sequence) continue;
    await client.query(
      `select setval($1, coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(table)}), 0) + 1, false)`,
      [sequence],
    );
  }
}
