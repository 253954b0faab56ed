// Reads a tRPC subscription over server-sent events as a browser's
// EventSource would: real HTTP, the stream parsed line by line.
import type { TLiveEvent } from '@shipshape/domain';

export interface SseMessage {
  /** '' for data events; 'connected', 'ping', 'serialized-error', 'return' for tRPC's own. */
  event: string;
  id: string | undefined;
  data: unknown;
}

export interface LiveStream {
  status: number;
  headers: Headers;
  /** Everything received so far. */
  readonly messages: SseMessage[];
  /** The live events (tRPC's data events) so far. */
  events(): Array<TLiveEvent & { eventId: string | undefined }>;
  /** Resolves with the first message (past or future) matching, or rejects after `ms`. */
  waitFor(match: (message: SseMessage) => boolean, ms?: number): Promise<SseMessage>;
  /** Resolves when the server ends the response. */
  readonly ended: Promise<void>;
  close(): void;
  /** The refused request's body, when `status` is not 200. */
  body: unknown;
  /**
   * tRPC answers a subscription that fails before it starts (authorization,
   * input) with 200 and a `serialized-error` event carrying the HTTP status it
   * stands for. Resolves with that error, or null once the stream has run for
   * `quietMs` without one (it was let in).
   */
  refusal(quietMs?: number): Promise<LiveRefusal | null>;
}

export interface LiveRefusal {
  httpStatus: number;
  code: string;
  message: string;
}

export async function openLiveStream(
  baseUrl: string,
  input: { workspaceId: string; lastEventId?: string },
  auth: { accessToken?: string; cookie?: string; crossSite?: boolean } = {},
): Promise<LiveStream> {
  return openSubscription(baseUrl, 'live.workspace', JSON.stringify(input), auth);
}

/**
 * A subscription with any input text (for fuzzing): its status as the one the
 * refusal stands for, and the body's text (the error event's, when refused).
 */
export async function subscribeOnce(
  baseUrl: string,
  path: string,
  rawInput: string,
  accessToken: string | undefined,
): Promise<{ status: number; text: string }> {
  const stream = await openSubscription(baseUrl, path, rawInput, { accessToken });
  if (stream.status !== 200) return { status: stream.status, text: JSON.stringify(stream.body) };
  const refusal = await stream.refusal();
  stream.close();
  const error = stream.messages.find((m) => m.event === 'serialized-error');
  return { status: refusal?.httpStatus ?? 200, text: JSON.stringify(error?.data ?? null) };
}

async function openSubscription(
  baseUrl: string,
  path: string,
  rawInput: string,
  auth: { accessToken?: string; cookie?: string; crossSite?: boolean },
): Promise<LiveStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (auth.crossSite) headers['sec-fetch-site'] = 'cross-site';
  if (auth.accessToken) headers.authorization = `Bearer ${auth.accessToken}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const url = `${baseUrl}/trpc/${path}?input=${encodeURIComponent(rawInput)}`;
  const response = await fetch(url, { headers, signal: controller.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let body: unknown;
  let ended: Promise<void>;
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    body = await response.json().catch(() => null);
    ended = Promise.resolve();
  } else {
    ended = read(response.body!, (message) => {
      messages.push(message);
      for (const wake of waiters) wake();
    }).catch(() => {});
  }
  const stream: LiveStream = {
    status: response.status,
    headers: response.headers,
    messages,
    body,
    ended,
    events: () =>
      messages
        .filter((m) => m.event === '')
        .map((m) => ({ ...(m.data as TLiveEvent), eventId: m.id })),
    waitFor(match, ms = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(messages)}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      });
    },
    close: () => controller.abort(),
    async refusal(quietMs = 500) {
      const error = await Promise.race([
        stream.waitFor((m) => m.event === 'serialized-error', quietMs + 60_000).catch(() => null),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), quietMs)),
        ended.then(() => messages.find((m) => m.event === 'serialized-error') ?? null),
      ]);
      if (!error) return null;
      const shape = error.data as { message: string; data: { code: string; httpStatus: number } };
      return { httpStatus: shape.data.httpStatus, code: shape.data.code, message: shape.message };
    },
  };
  return stream;
}

async function read(
  stream: ReadableStream<Uint8Array>,
  onMessage: (message: SseMessage) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of stream) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = '';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('id:')) id = line.slice(3).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length === 0 && !event) continue;
      const text = data.join('\n');
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      onMessage({ event, id, data: parsed });
    }
  }
}
