import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ServerEnv } from './env';
import { MIN_JWT_SECRET_LENGTH } from './tokens';

/**
 * The JWT signing secret: JWT_SECRET when set; outside production, one made on
 * first start and kept in the data folder so sessions survive restarts.
 */
export function resolveJwtSecret(env: ServerEnv, dataDir: string): string {
  if (env.JWT_SECRET !== undefined) {
    if (env.JWT_SECRET.length < MIN_JWT_SECRET_LENGTH) {
      throw new ConfigError(
        `JWT_SECRET is too short: use at least ${MIN_JWT_SECRET_LENGTH} random characters (e.g. openssl rand -base64 48).`,
      );
    }
    return env.JWT_SECRET;
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      `JWT_SECRET is not set. In production it is required: at least ${MIN_JWT_SECRET_LENGTH} random characters.`,
    );
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= MIN_JWT_SECRET_LENGTH) return kept;
  }
  const secret = randomBytes(48).toString('base64url');
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret + '\n', { mode: 0o600 });
  } catch {
    throw new ConfigError(
      `The data folder ${dataDir} cannot be created or written to. Set DATA_DIR to a writable folder.`,
    );
  }
  return secret;
}

export function webOrigins(env: ServerEnv): string[] {
  return env.WEB_ORIGIN ?? [`http://localhost:${env.WEB_PORT}`, `http://127.0.0.1:${env.WEB_PORT}`];
}
