import type { Db } from '@shipshape/db';
import type { TRole } from '@shipshape/domain';
import type { ApiTokenCredential } from './api-tokens/token-access';
import type { ActivityHub } from './live/activity-hub';
import type { Logger } from './logger';
import type { DeliveryConfig } from './notifications/delivery-config';

/** Claims of a verified access token. `sv` is the user's sessions-valid-after
 * time (ms) when the token was issued: the token's version. `sid` is the
 * session (refresh-token family) it belongs to: logging that session out ends
 * the token at once. */
export interface AccessClaims {
  sub: string;
  sv: number;
  sid: string;
}

/** The refresh-token cookie, abstracted so procedures know nothing of HTTP. */
export interface RefreshCookie {
  read(): string | undefined;
  write(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface AuthConfig {
  refreshTokenTtlMs: number;
  invitationTtlMs: number;
  /** How long after a refresh token is rotated a second use of it still gets a
   * session (a reload racing a refresh) instead of revoking its family. */
  refreshReuseGraceMs: number;
}

/** The answer of the sign-in rate limit to one more attempt. */
export type LoginAttempt =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; limitedBy: string[] };

/** What every procedure sees. Built per request by the HTTP adapter (or by a
 * test); knows nothing of Fastify. */
export interface Context {
  db: Db;
  requestId: string;
  log: Logger;
  /** Verified access-token claims; null when absent or invalid. */
  claims: AccessClaims | null;
  /** An API token (`Bearer shp_…`) presented instead of a session; see api-tokens/token-access.ts. */
  apiToken?: ApiTokenCredential;
  signAccessToken(claims: AccessClaims): string;
  refreshCookie: RefreshCookie;
  /** Counts one sign-in attempt for this email from this client. */
  countLoginAttempt(email: string): Promise<LoginAttempt>;
  /** `ip` is the client's: the socket's, or the one the web proxy vouches for. */
  client: { ip: string; userAgent: string | undefined };
  auth: AuthConfig;
  /** This process's live-update fan-out; absent where nothing listens (a caller in a test). */
  live?: ActivityHub;
  /** Email delivery and the unsubscribe links' secret; absent means email off. */
  notifications?: { delivery: DeliveryConfig; unsubscribeSecret: string };
}

/** What an auth service is given: the context itself (it reads and writes the
 * refresh cookie) and the procedure's input. */
export interface ContextArgs<TInput> {
  ctx: Context;
  input: TInput;
}

export const defaultAuthConfig: AuthConfig = {
  refreshTokenTtlMs: 30 * 24 * 60 * 60 * 1000,
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  refreshReuseGraceMs: 10_000,
};

/** The context of a procedure acting inside one workspace, after the role check. */
export interface MemberContext extends Context {
  user: { id: string; email: string; name: string };
  workspaceId: string;
  role: TRole;
  /** The workspace's data version: changes with every committed write (a cache key). */
  dataVersion: number;
  /** The locator's project's read version (see `Actor.projectVersion`). */
  projectVersion: string | null;
}
