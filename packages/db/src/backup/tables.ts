// What a backup holds: every table of the public schema except Prisma's own
// migration log, with the columns a row can be written to (not generated ones).
import type pg from 'pg';

export interface BackupTable {
  name: string;
  columns: string[];
}

export const BACKUP_FORMAT = 'shipshape-backup';
export const BACKUP_VERSION = 1;
export const MIGRATIONS_TABLE = '_prisma_migrations';

export async function listBackupTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `select c.table_name as "table", c.column_name as "column"
       from information_schema.columns c
       join information_schema.tables t
         on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.is_generated = 'NEVER' and c.table_name <> $1
      order by c.table_name, c.ordinal_position`,
    [MIGRATIONS_TABLE],
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  return [...byTable].map(([name, tableColumns]) => ({ name, columns: tableColumns }));
}
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
