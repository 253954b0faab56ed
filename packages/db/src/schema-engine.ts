// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a global type declaration, nothing to import at run time
/// <reference path="./webassembly.d.ts" />
// Prisma's schema engine compiled to WebAssembly (the official
// @prisma/schema-engine-wasm package): migrations and schema diffs without the
// native binary that Prisma's CLI would download.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine };

let instantiated = false;

// The package's default entry imports the .wasm file as an ES module, which
// Node 20 refuses; instantiate it by hand instead.
function instantiateWasm(): void {
  if (instantiated) return;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bytes = readFileSync(join(dir, 'schema_engine_bg.wasm'));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  (bg as unknown as { __wbg_set_wasm: (e: WebAssembly.Exports) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  instantiated = true;
}

export interface EngineOptions {
  /** Schema file contents; the engine needs a datamodel even for migrations. */
  schema: { path: string; content: string };
  /** Database to act on; omit for datamodel-only work such as diffs. */
  connectionString?: string;
  log?: (line: string) => void;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its database connections (freeing the engine
   * alone leaves them open, and the embedded database serves only one). */
  close(): Promise<void>;
}

export async function openSchemaEngine(options: EngineOptions): Promise<OpenEngine> {
  instantiateWasm();
  const opened: Array<{ dispose: () => Promise<void> }> = [];
  const factory = options.connectionString
    ? wholeScriptAdapterFactory(options.connectionString, opened)
    : offlineAdapterFactory;
  const log = options.log ?? (() => {});
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[options.schema.path, options.schema.content]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}

// @prisma/adapter-pg runs a migration script by splitting it on every `;`,
// which breaks dollar-quoted function bodies and applies a failing migration
// half-way. Postgres runs a multi-statement simple query as one implicit
// transaction, so send the script whole: all of a migration or none of it.
// (Reaches into the adapter's pool; versions are pinned exactly in package.json.)
function wholeScriptAdapterFactory(
  connectionString: string,
  opened: Array<{ dispose: () => Promise<void> }>,
): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg({ connectionString, max: 1 });
  const patch = <T extends { dispose: () => Promise<void> }>(adapter: T): T => {
    opened.push(adapter);
    const internals = adapter as unknown as {
      client: { query: (sql: string) => Promise<unknown> };
      onError: (error: unknown) => never;
      executeScript: (script: string) => Promise<void>;
    };
    internals.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => patch(await base.connect()),
    connectToShadowDb: async () => patch(await base.connectToShadowDb()),
  };
}

// The engine probes its database once when it starts, even when the caller only
// diffs two datamodels. For that datamodel-only work it gets an adapter that
// answers every read with no rows and ignores writes, so no server is needed.
const offlineAdapter = {
  provider: 'postgres' as const,
  adapterName: 'shipshape-offline',
  queryRaw: async () => ({ columnNames: [], columnTypes: [], rows: [] }),
  executeRaw: async () => 0,
  executeScript: async () => {},
  startTransaction: async () => {
    throw new Error('The offline schema engine has no database to open a transaction on.');
  },
  dispose: async () => {},
  getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
};

const offlineAdapterFactory = {
  provider: 'postgres' as const,
  adapterName: 'shipshape-offline',
  connect: async () => offlineAdapter,
  connectToShadowDb: async () => offlineAdapter,
} as unknown as SqlMigrationAwareDriverAdapterFactory;
