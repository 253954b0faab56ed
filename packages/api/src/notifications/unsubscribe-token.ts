// The one-click unsubscribe link of every mail: a user id and what to stop
// ("all", or one kind), signed with HMAC-SHA256 so nobody can unsubscribe
// someone else. It never expires: an old mail's link must still work.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type TNotificationKind } from '@shipshape/domain';

export type UnsubscribeScope = 'all' | TNotificationKind;

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest();
}

export function signUnsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope) {
  const payload = b64(`${userId}.${scope}`);
  return `${payload}.${b64(signature(secret, payload))}`;
}

/** The user and scope of a genuine token; null for anything else. */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; scope: UnsubscribeScope } | null {
  // A server with no secret (email never set up) can tell no genuine link.
  if (secret.length === 0) return null;
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = signature(secret, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, scope] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (!userId || !/^[0-9a-f-]{36}$/.test(userId)) return null;
  if (scope !== 'all' && !NOTIFICATION_KINDS.includes(scope as TNotificationKind)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
