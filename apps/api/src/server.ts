import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyJwt from '@fastify/jwt';
import fastifyRateLimit from '@fastify/rate-limit';
import {
  appRouter,
  busyResponseMeta,
  defaultApiTokenRateLimit,
  defaultAuthConfig,
  type ApiTokenRateLimit,
  type ActivityHub,
  type AppRouter,
  type AuthConfig,
} from '@shipshape/api';
import type { Db } from '@shipshape/db';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { resolveClientAddress } from './client-address';
import { withApiTokens } from './api-tokens';
import { createContextFactory } from './context';
import { guardCrossSite } from './cross-site';
import { registerUnsubscribeRoute, type NotificationServerOptions } from './notifications';
import { createLoginLimiter, type LoginRateLimits } from './login-rate-limit';
import { registerRestApi } from './rest-api';
import { ACCESS_TOKEN_TTL, JWT_AUDIENCE, JWT_ISSUER } from './tokens';

export interface ServerOptions {
  db: Db;
  /** HS256 signing secret, at least 32 characters. */
  jwtSecret: string;
  /** Origins allowed to call the API from a browser (the web app's). */
  webOrigins: string[];
  /** Secure, `__Host-` refresh cookie; needs HTTPS in front. */
  secureCookies?: boolean;
  /** A pino logger; without one the server logs nothing (tests). */
  logger?: FastifyBaseLogger;
  loginRateLimits?: Partial<LoginRateLimits>;
  auth?: Partial<AuthConfig>;
  /** Shared with the web app's proxy: with it, the proxy's client-address
   * header is believed (see client-address.ts). Without it, never. */
  internalProxySecret?: string;
  /** Live updates (`live.workspace`): this process's fan-out of committed
   * activity. Without it the procedure answers NOT_IMPLEMENTED. */
  live?: ActivityHub;
  /** Email delivery (for the settings page) and the unsubscribe links' secret;
   * without it email is off and mails' links are refused. */
  notifications?: NotificationServerOptions;
  /** Calls per API token per window, counted in Postgres (shared by all API processes). */
  apiTokenRateLimit?: Partial<ApiTokenRateLimit>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the API; `listen` is the caller's business, so tests can `inject`. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db, logger } = options;
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    // A caller's x-request-id is kept when it is sane, so logs join up across hops.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Template imports carry up to 5 MB of Markdown.
    bodyLimit: 6 * 1024 * 1024,
    return503OnClosing: true,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Live streams: a buffering reverse proxy (nginx) would hold events back.
    if (String(reply.getHeader('content-type')).startsWith('text/event-stream')) {
      reply.header('x-accel-buffering', 'no');
      reply.header('cache-control', 'no-cache, no-transform');
    }
  });
  // Open streams end first, so closing never waits for them.
  app.addHook('preClose', async () => options.live?.close());

  await app.register(fastifyHelmet);
  await app.register(fastifyCors, { origin: options.webOrigins, credentials: true });
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: options.jwtSecret,
    sign: { algorithm: 'HS256', iss: JWT_ISSUER, aud: JWT_AUDIENCE, expiresIn: ACCESS_TOKEN_TTL },
    // @fastify/jwt accepts every algorithm unless told otherwise.
    verify: {
      algorithms: ['HS256'],
      allowedIss: JWT_ISSUER,
      allowedAud: JWT_AUDIENCE,
      maxAge: ACCESS_TOKEN_TTL,
      requiredClaims: ['iat', 'exp', 'iss', 'aud', 'sub'],
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  resolveClientAddress(app, options.internalProxySecret);
  guardCrossSite(app, options.webOrigins);
  // tRPC's own client posts a mutation without input as JSON with no body,
  // which its server then fails to parse; read it as "no input" instead.
  app.addHook('preHandler', async (request) => {
    if (request.method === 'POST' && request.body === '' && request.url.startsWith('/trpc')) {
      request.body = '{}';
    }
  });

  app.get('/livez', async () => ({ status: 'ok' }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await withTimeout(db.$queryRaw`select 1`, 2_000);
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  if (options.notifications) {
    await registerUnsubscribeRoute(app, db, options.notifications.unsubscribeSecret);
  }

  // One context for tRPC and REST: a session's access token or an API token.
  const createContext = withApiTokens(
    createContextFactory(app, {
      db,
      secureCookies: options.secureCookies ?? false,
      auth: { ...defaultAuthConfig, ...options.auth },
      countLoginAttempt: createLoginLimiter(app, options.loginRateLimits),
      ...(options.live ? { live: options.live } : {}),
      ...(options.notifications ? { notifications: options.notifications } : {}),
    }),
    { ...defaultApiTokenRateLimit, ...options.apiTokenRateLimit },
  );
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      // A saturated database (503) or a rate-limited token (429) says when to retry.
      responseMeta: busyResponseMeta,
      createContext,
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);
  registerRestApi(app, createContext);

  return app;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
