// A logical backup that works alike on the embedded database and on a Postgres
// server (pg_dump cannot read the embedded one): gzip'd JSON lines. A header
// names the migrations the data belongs to; each table is a `["table", name,
// columns]` line followed by one JSON object per row, exactly as Postgres
// wrote it (`row_to_json`, never re-encoded in JavaScript, so big integers and
// floats keep every digit); a trailer counts the rows, so a cut file is caught.
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MIGRATIONS_TABLE,
  listBackupTables,
  quoteIdent,
} from './tables';

export interface BackupSummary {
  file: string;
  migrations: string[];
  rows: Record<string, number>;
}

export async function backupDatabase(
  connectionString: string,
  file: string,
): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file, { flags: 'wx' }));
  try {
    // One snapshot for every table: rows written meanwhile are all in or all out.
    await client.query('begin isolation level repeatable read read only');
    const migrations = (
      await client.query<{ name: string }>(
        `select migration_name as name from ${MIGRATIONS_TABLE}
          where finished_at is not null and rolled_back_at is null order by migration_name`,
      )
    ).rows.map((row) => row.name);
    const tables = await listBackupTables(client);
    write(
      gzip,
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        migrations,
        createdAt: new Date().toISOString(),
      }),
    );
    const rows: Record<string, number> = {};
    for (const table of tables) {
      write(gzip, JSON.stringify(['table', table.name, table.columns]));
      const select = `select row_to_json(r) from (select ${table.columns.map(quoteIdent).join(', ')} from ${quoteIdent(table.name)}) r`;
      // CSV with a quote and delimiter that JSON text never contains raw (it
      // escapes control characters), so each line is the JSON verbatim.
      const copy = client.query(
        copyTo(`copy (${select}) to stdout with (format csv, quote e'\\x01', delimiter e'\\x02')`),
      );
      let count = 0;
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count += 1;
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      rows[table.name] = count;
    }
    write(gzip, JSON.stringify(['end', rows]));
    await client.query('commit');
    gzip.end();
    await written;
    return { file, migrations, rows };
  } catch (error) {
    gzip.destroy(error as Error);
    await written.catch(() => {});
    rmSync(file, { force: true }); // never leave a half backup that looks whole
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

function write(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}
