// One HTTP attempt of a webhook message. Guarded against server-side request
// forgery: only http(s); the host's addresses are resolved and checked
// (target-address.ts) and the socket connects to the checked address (a
// `lookup` of our own, so a second DNS answer cannot swap it); redirects are
// not followed (a 3xx counts as a failure). The response is read up to 4 KiB.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress, RefusedTargetError } from './target-address';

export interface WebhookTransport {
  /** WEBHOOK_ALLOW_PRIVATE: private, loopback and link-local targets too. */
  allowPrivate: boolean;
  /** Whole-attempt limit (ms), 10 s by default. */
  timeoutMs?: number;
}

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

const READ_LIMIT = 4096;
const EXCERPT_LIMIT = 500;
// Postgres refuses NUL in text, and no reader wants the other C0 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** What of a receiver's text the delivery log keeps. */
const excerpt = (text: string) => text.replace(CONTROL_CHARACTERS, '').slice(0, EXCERPT_LIMIT);

export async function sendWebhook(
  transport: WebhookTransport,
  target: string,
  headers: Record<string, string>,
  body: string,
): Promise<SendOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await post(transport, new URL(target), headers, body);
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    const redirect = response.statusCode >= 300 && response.statusCode < 400;
    return {
      ok,
      statusCode: response.statusCode,
      error: redirect ? 'redirects are not followed' : null,
      durationMs: took(),
      responseExcerpt: excerpt(response.text) || null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      statusCode: null,
      error: excerpt(message) || 'request failed',
      durationMs: took(),
      responseExcerpt: null,
    };
  }
}

function post(
  transport: WebhookTransport,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ statusCode: number; text: string }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new RefusedTargetError('only http and https addresses are allowed'));
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) && !transport.allowPrivate && isPrivateAddress(host)) {
    return Promise.reject(new RefusedTargetError(`refused private address ${host}`));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = transport.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Shipshape-Webhooks/1',
      },
      lookup: checkedLookup(transport.allowPrivate),
      agent: false,
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`timed out after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const finish = (error: Error | null, value?: { statusCode: number; text: string }) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    req.on('error', (error) => finish(error));
    req.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(null, {
          statusCode: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
        });
      response.on('data', (chunk: Buffer) => {
        if (size >= READ_LIMIT) return;
        chunks.push(chunk.subarray(0, READ_LIMIT - size));
        size += chunk.length;
        // Enough read: the rest of a large or endless body is dropped.
        if (size >= READ_LIMIT) {
          response.destroy();
          done();
        }
      });
      response.on('end', done);
      response.on('error', (error) => finish(error));
    });
    req.end(body);
  });
}

/** DNS lookup that refuses a host when any of its addresses is private. */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (!allowPrivate && refused) {
        return callback(
          new RefusedTargetError(
            `refused ${hostname}: resolves to private address ${refused.address}`,
          ),
          '',
          0,
        );
      }
      const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
      const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
      const first = usable[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      if (options.all) callback(null, usable);
      else callback(null, first.address, first.family);
    });
  };
}
