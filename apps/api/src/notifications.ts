// Notifications in the server: the email settings from the environment, the
// one-click unsubscribe route every mail links to (RFC 8058), and the
// background jobs (packages/api/src/notifications/notification-jobs.ts).
import { createHmac } from 'node:crypto';
import {
  UNSUBSCRIBE_PAGE,
  UNSUBSCRIBE_PATH,
  createMailer,
  startNotificationJobs,
  unsubscribe,
  type DeliveryConfig,
  type MailSettings,
  type Mailer,
  type NotificationJobs,
} from '@shipshape/api';
import type { Db } from '@shipshape/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ServerEnv } from './env';
import { webOrigins } from './secrets';

/** What the procedures and the unsubscribe route need. */
export interface NotificationServerOptions {
  delivery: DeliveryConfig;
  unsubscribeSecret: string;
}

export interface NotificationSetup extends NotificationServerOptions {
  mail?: { mailer: Mailer; settings: MailSettings };
}

/** Email is on with SMTP_URL; links start with the web app's (first) public origin. */
export function notificationSetup(env: ServerEnv, jwtSecret: string): NotificationSetup {
  // Derived, so it needs no setting of its own and changes with JWT_SECRET.
  const unsubscribeSecret = createHmac('sha256', jwtSecret)
    .update('unsubscribe-links')
    .digest('hex');
  const delivery = {
    emailEnabled: Boolean(env.SMTP_URL),
    emailDelayMs: env.MAIL_BATCH_SECONDS * 1000,
  };
  if (!env.SMTP_URL) return { delivery, unsubscribeSecret };
  const settings = { from: env.MAIL_FROM, webOrigin: webOrigins(env)[0]!, unsubscribeSecret };
  return {
    delivery,
    unsubscribeSecret,
    mail: { mailer: createMailer(env.SMTP_URL, env.MAIL_FROM), settings },
  };
}

export function startNotifications(
  db: Db,
  log: FastifyBaseLogger,
  setup: NotificationSetup,
): Promise<NotificationJobs> {
  return startNotificationJobs({
    db,
    log,
    delivery: setup.delivery,
    ...(setup.mail ? { mail: setup.mail } : {}),
  });
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;max-width:32rem;margin:4rem auto">${body}</body></html>`;

/**
 * Every mail's List-Unsubscribe address, reached through the web app's /trpc
 * proxy: POST unsubscribes (a mail client's one-click `List-Unsubscribe=One-Click`,
 * RFC 8058); GET sends a person to the web app's confirm page (mail scanners
 * follow links, so a GET must not unsubscribe). The signed token is the credential.
 */
export async function registerUnsubscribeRoute(
  app: FastifyInstance,
  db: Db,
  secret: string,
): Promise<void> {
  // Its own scope: form bodies are parsed for this route only.
  await app.register(async (scope) => unsubscribeRoutes(scope, db, secret));
}

function unsubscribeRoutes(app: FastifyInstance, db: Db, secret: string): void {
  // The body is not read (the token in the address is the credential): mail
  // clients post form-urlencoded or multipart/form-data (RFC 8058), so any type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
    done(null, body),
  );
  const tokenOf = (query: unknown) => {
    const token = (query as { token?: unknown }).token;
    return typeof token === 'string' && token.length <= 500 ? token : '';
  };
  // A person who opens the one-click address gets the web app's page, which
  // asks before it unsubscribes (mail scanners follow links).
  app.get(UNSUBSCRIBE_PATH, async (request, reply) =>
    reply.redirect(`${UNSUBSCRIBE_PAGE}?token=${encodeURIComponent(tokenOf(request.query))}`, 303),
  );
  app.post(UNSUBSCRIBE_PATH, async (request, reply) => {
    try {
      await unsubscribe({ db, secret, token: tokenOf(request.query) });
    } catch {
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(page('Unsubscribe', '<h1>This unsubscribe link is not valid.</h1>'));
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          'Unsubscribed',
          '<h1>You are unsubscribed.</h1><p>Shipshape will send you no more email. Notifications stay in your inbox in the app; turn email back on in your notification settings.</p>',
        ),
      );
  });
}
