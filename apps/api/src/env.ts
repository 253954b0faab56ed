import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Every environment variable the server reads, validated in one place. */
export const ZServerEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_PORT: port(4000),
  WEB_PORT: port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_DB_PORT: port(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The web app's public origin(s), comma-separated: CORS and cross-site checks allow only these. */
  WEB_ORIGIN: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1))
    .optional(),
  /** HS256 secret for access tokens; generated and kept in DATA_DIR when absent outside production. */
  JWT_SECRET: z.string().optional(),
  /** Shared with the web app: its /trpc proxy sends each browser's address under
   * this secret. Unset, every browser counts as the web server's address. */
  /** smtp://user:pass@host:587 (or smtps://): with it, notifications are also emailed. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of notification mails. */
  MAIL_FROM: z.string().min(3).default('Shipshape <shipshape@localhost>'),
  /** How long an immediate mail waits for more notifications to join it. */
  MAIL_BATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Let webhooks reach private, loopback and link-local addresses (an intranet receiver; tests). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  INTERNAL_PROXY_SECRET: z
    .string()
    .min(32, 'must be at least 32 random characters (e.g. openssl rand -base64 32)')
    .optional(),
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = ZServerEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
