// Standard Webhooks signing (https://www.standardwebhooks.com), by the
// maintained `standardwebhooks` package: the secret is "whsec_" + base64 of 24
// random bytes, and each request carries webhook-id, webhook-timestamp (unix
// seconds) and webhook-signature "v1,<base64 HMAC-SHA256 of id.timestamp.body>".
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const SECRET_PREFIX = 'whsec_';

export const newWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;

export function signedHeaders(
  secret: string,
  messageId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}
