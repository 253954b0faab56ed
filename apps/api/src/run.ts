// Starts the API on its configured port with its database resolved and
// migrated. Used by `pnpm start` (with the web app) and by `main.ts` (alone).
import {
  createDb,
  defaultDataDir,
  openDatabase,
  redactUrl,
  seedBuiltInTemplates,
  type OpenedDatabase,
} from '@shipshape/db';
import { ActivityHub, startWebhookJobs } from '@shipshape/api';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { type ServerEnv } from './env';
import { resolveJwtSecret, webOrigins } from './secrets';
import { trackDrain } from './drain';
import { notificationSetup, startNotifications } from './notifications';
import { buildServer } from './server';

export interface RunningApi {
  url: string;
  app: FastifyInstance;
  database: OpenedDatabase;
  close(): Promise<void>;
}

export class StartupError extends Error {
  override name = 'StartupError';
}

export function createLogger(env: ServerEnv): Logger {
  return pino({
    level: env.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-shipshape-proxy-secret"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  });
}

export async function runApi(
  env: ServerEnv,
  logger: Logger = createLogger(env),
): Promise<RunningApi> {
  const jwtSecret = resolveJwtSecret(env, env.DATA_DIR ?? defaultDataDir);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    embeddedPort: env.EMBEDDED_DB_PORT,
    poolSize: env.DB_POOL_SIZE,
  });
  logger.info(
    {
      database: database.embedded ? 'embedded' : redactUrl(database.connectionString),
      appliedMigrations: database.appliedMigrations,
    },
    'database ready',
  );
  const db = createDb({ connectionString: database.connectionString, poolSize: database.poolSize });
  const seeded = await seedBuiltInTemplates(db);
  if (seeded.created.length > 0)
    logger.info({ templates: seeded.created }, 'built-in checklists imported');
  // One LISTEN connection per process (in-process on the embedded database).
  const notices = database.listen((error) =>
    logger.warn({ err: error }, 'live updates: listening connection lost; reconnecting'),
  );
  const live = new ActivityHub(notices, (payload) =>
    logger.warn({ payload: payload.slice(0, 200) }, 'live updates: unreadable notification'),
  );
  const notifications = notificationSetup(env, jwtSecret);
  const app = await buildServer({
    db,
    logger,
    live,
    jwtSecret,
    webOrigins: webOrigins(env),
    secureCookies: env.NODE_ENV === 'production',
    internalProxySecret: env.INTERNAL_PROXY_SECRET,
    notifications,
  });
  // Notifications from the activity log, and their mail (off without SMTP_URL).
  const jobs = await startNotifications(db, app.log, notifications);
  // Webhooks from the activity log, sent after commit, retried for about a day.
  const webhooks = startWebhookJobs({
    db,
    log: app.log,
    transport: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE },
  });
  const drain = trackDrain(app, () => live.close());
  const close = async () => {
    const { drained, waitedMs } = await drain.drainAndClose(8_000);
    logger.info({ drained, waitedMs }, 'requests drained');
    await notices.close();
    await jobs.stop();
    await webhooks.stop();
    await db.$disconnect();
    await database.stop();
  };
  try {
    await app.listen({ port: env.API_PORT, host: env.HOST });
  } catch (error) {
    await close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${env.API_PORT} is already in use. Set API_PORT to a free port.`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartupError(`HOST ${env.HOST} is not an address of this machine.`);
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.API_PORT;
  return { url: `http://${env.HOST}:${port}`, app, database, close };
}
