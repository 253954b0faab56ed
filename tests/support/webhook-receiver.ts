// A webhook receiver on a loopback port in the test process, and a signature
// check written from the Standard Webhooks spec with node:crypto alone (not
// the package the server signs with), so the two are independent.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

export interface TestReceiver {
  url: string;
  port: number;
  received: ReceivedHook[];
  /** The next answers, in order (then 200 "ok"). */
  answer(...statuses: Array<number | { status: number; body?: string; location?: string }>): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const received: ReceivedHook[] = [];
  const queue: Array<{ status: number; body?: string; location?: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) as ReceivedHook['json'] });
      const next = queue.shift() ?? { status: 200, body: 'ok' };
      if (next.location) res.setHeader('location', next.location);
      res.writeHead(next.status, { 'content-type': 'text/plain' });
      res.end(next.body ?? `answer ${next.status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    answer: (...statuses) =>
      queue.push(...statuses.map((s) => (typeof s === 'number' ? { status: s } : s))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Standard Webhooks verification, from the spec: HMAC-SHA256 over "id.timestamp.body"
 * keyed with the base64-decoded secret after "whsec_"; any of the space-separated
 * "v1,<base64>" signatures may match. */
export function verifyStandardWebhook(secret: string, hook: ReceivedHook): boolean {
  const id = hook.headers['webhook-id'];
  const timestamp = hook.headers['webhook-timestamp'];
  const signatures = hook.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    return false;
  }
  if (!secret.startsWith('whsec_') || !/^\d+$/.test(timestamp)) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${hook.body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
