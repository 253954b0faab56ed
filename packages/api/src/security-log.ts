import type { Context } from './context';

export type SecurityEvent =
  | 'login.success'
  | 'login.failure'
  | 'register'
  | 'refresh.success'
  | 'refresh.failure'
  | 'refresh.reuse'
  | 'logout'
  | 'logout.all'
  | 'password.change'
  | 'password.change.failure'
  | 'access.denied'
  | 'member.role_changed'
  | 'member.removed'
  | 'invitation.created'
  | 'invitation.accepted'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'api_token.used'
  | 'api_token.refused'
  | 'api_token.rate_limited';

export interface SecurityFields {
  userId?: string | null;
  workspaceId?: string | null;
  outcome: 'success' | 'failure';
  [key: string]: unknown;
}

/** One structured line per security event; never secrets (pino redacts headers). */
export function securityLog(
  ctx: Pick<Context, 'log' | 'requestId' | 'client'>,
  event: SecurityEvent,
  fields: SecurityFields,
): void {
  const line = { security: event, requestId: ctx.requestId, ip: ctx.client.ip, ...fields };
  if (fields.outcome === 'failure') ctx.log.warn(line, `security: ${event}`);
  else ctx.log.info(line, `security: ${event}`);
}
