// The embedded default database: PGlite (Postgres compiled to WebAssembly)
// served on a loopback port, so the same `pg`/Prisma code paths run against it
// as against a real server. It serves one connection at a time: use pool size 1.
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import {
  ACTIVITY_CHANNEL,
  NoticeFanOut,
  NotificationScanner,
  type ActivityNotices,
} from './activity-notices';

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  /** Activity notifications, heard in-process (see `withNotices`). */
  notices: ActivityNotices;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

/**
 * Starts PGlite on 127.0.0.1. `dataDir` keeps the data between runs; omit it
 * for an in-memory database. `port` 0 lets the system pick a free port.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) {
    try {
      mkdirSync(options.dataDir, { recursive: true });
      accessSync(options.dataDir, constants.W_OK);
    } catch {
      throw new EmbeddedDatabaseError(
        `The data folder ${options.dataDir} cannot be created or written to. ` +
          'Set DATA_DIR to a writable folder, or DATABASE_URL to use your own Postgres.',
      );
    }
  }
  if (options.dataDir) claimDataDir(options.dataDir);
  const release = () => {
    if (options.dataDir) rmSync(lockFile(options.dataDir), { force: true });
  };
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const fanOut = new NoticeFanOut();
  await db.exec(`LISTEN ${ACTIVITY_CHANNEL}`);
  const server = new PGLiteSocketServer({
    db: withNotices(db, fanOut),
    host: '127.0.0.1',
    port: options.port ?? 0,
    // Clients must still use one connection at a time (PGlite has one session,
    // so two connections would share a transaction). A few slots only cover a
    // client that reconnects before the server has seen its old socket close.
    maxConnections: 4,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    release();
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmbeddedDatabaseError(
      code === 'EADDRINUSE'
        ? `Port ${options.port} for the embedded database is in use. Set EMBEDDED_DB_PORT to a free port.`
        : `The embedded database could not start: ${(error as Error).message}`,
    );
  }
  const port = serverPort(server);
  return {
    port,
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    notices: { subscribe: (listener) => fanOut.subscribe(listener), close: async () => {} },
    async stop() {
      await server.stop();
      await db.close();
      release();
    },
  };
}

/**
 * PGlite has one session, shared by every socket, and a notification goes out
 * in the reply to whichever socket's statement committed (PGlite's own
 * `listen` does not hear statements sent over the wire protocol). So the one
 * session LISTENs, and every reply is scanned for notifications as it passes.
 */
function withNotices(db: PGlite, fanOut: NoticeFanOut): PGlite {
  const execProtocolRawStream: PGlite['execProtocolRawStream'] = (message, options) => {
    const scanner = new NotificationScanner((channel, payload) => {
      if (channel === ACTIVITY_CHANNEL) fanOut.notice(payload);
    });
    return db.execProtocolRawStream(message, {
      ...options,
      onRawData: (data) => {
        scanner.push(data);
        options.onRawData(data);
      },
    });
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'execProtocolRawStream') return execProtocolRawStream;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function lockFile(dataDir: string): string {
  return `${dataDir}.lock`;
}

/**
 * PGlite keeps one process's data folder; a second process opening it (a
 * second `pnpm start`, a backup while Shipshape runs) would corrupt it. A lock
 * file names the process that has it; one left by a process that died is stale.
 */
function claimDataDir(dataDir: string): void {
  const file = lockFile(dataDir);
  let holder = 0;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    /* no lock */
  }
  if (holder > 0 && holder !== process.pid && isRunning(holder)) {
    throw new EmbeddedDatabaseError(
      `The data folder ${dataDir} is in use by another Shipshape process (pid ${holder}). ` +
        'Stop it first, or set DATA_DIR to another folder.',
    );
  }
  writeFileSync(file, String(process.pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function serverPort(server: PGLiteSocketServer): number {
  // getServerConn() returns "host:port" once listening.
  const conn = server.getServerConn();
  const port = Number(conn.slice(conn.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port <= 0) {
    throw new EmbeddedDatabaseError(`Unexpected embedded server address: ${conn}`);
  }
  return port;
}
