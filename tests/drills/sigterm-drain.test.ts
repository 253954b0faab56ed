// Reliability drill: SIGTERM while requests are in flight. The API stops
// accepting, finishes every request it accepted (0 failed), answers 503 or
// refuses the connection for the rest, keeps every write it acknowledged, and
// exits 0 within its grace period. Runs everywhere: on the test Postgres
// server when there is one, else on an embedded database of the API's own.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb, startEmbeddedPostgres } from '@shipshape/db';
import { signUp } from '../support/api-client';
import { startApiProcess } from '../support/api-process';
import { createTestDatabase } from '../support/database';
import { kpiToRecordInto } from '../support/teams';

interface Outcome {
  kind: 'ok' | 'refused' | 'failed';
  detail: string;
  startedAt: number;
  endedAt: number;
  value?: number;
}

/** One request on its own connection, so "accepted" is unambiguous. */
function post(url: string, path: string, token: string, body: unknown): Promise<Outcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = request(
      `${url}/trpc/${path}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const kind = status === 200 ? 'ok' : status === 503 ? 'refused' : 'failed';
          resolve({ kind, detail: String(status), startedAt, endedAt: Date.now() });
        });
        res.on('error', (error) =>
          resolve({ kind: 'failed', detail: error.message, startedAt, endedAt: Date.now() }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        // The listener is closed: the request was never accepted.
        kind: error.code === 'ECONNREFUSED' ? 'refused' : 'failed',
        detail: error.code ?? error.message,
        startedAt,
        endedAt: Date.now(),
      }),
    );
    req.end(payload);
  });
}

describe('[drill] graceful shutdown on SIGTERM', () => {
  it('finishes every accepted request, refuses new ones, loses no write, and exits 0', async () => {
    const server = process.env.TEST_DATABASE_URL ? await createTestDatabase() : undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'shipshape-drain-'));
    const api = await startApiProcess(
      server ? { DATABASE_URL: server.url } : { DATA_DIR: dataDir },
    );
    /** The KPI's stored values, once the API has exited. */
    const storedValues = async (kpiId: string): Promise<number[]> => {
      const embedded = server
        ? undefined
        : await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite') });
      const db =
        server?.db ?? createDb({ connectionString: embedded!.connectionString, poolSize: 1 });
      try {
        const rows = await db.kpiMeasurement.findMany({
          where: { kpiId },
          select: { value: true },
        });
        return rows.map((row) => row.value);
      } finally {
        if (server) await server.drop();
        else {
          await db.$disconnect();
          await embedded?.stop();
        }
      }
    };
    const { client } = await signUp(api.url);
    const kpi = await kpiToRecordInto(client, 'Drain');
    const token = client.accessToken ?? '';

    const outcomes: Outcome[] = [];
    let next = 1;
    let sigtermAt = Infinity;
    const worker = async () => {
      // Keep sending until the server refuses: past SIGTERM on purpose.
      for (;;) {
        const value = next++;
        const outcome = await post(api.url, 'kpi.record', token, { kpiId: kpi.id, value });
        outcomes.push({ ...outcome, value });
        if (outcome.kind === 'refused' && outcome.startedAt > sigtermAt) return;
        if (outcome.kind === 'failed') return;
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    sigtermAt = Date.now();
    api.child.kill('SIGTERM');
    await Promise.all(workers);
    const exit = await api.exited;

    const failed = outcomes.filter((o) => o.kind === 'failed');
    const drained = outcomes.filter(
      (o) => o.kind === 'ok' && o.startedAt <= sigtermAt && o.endedAt >= sigtermAt,
    );
    const acknowledged = outcomes.filter((o) => o.kind === 'ok');
    console.log(
      `drain drill: ${acknowledged.length} requests completed, ${drained.length} of them in flight at SIGTERM, ` +
        `${outcomes.filter((o) => o.kind === 'refused').length} refused after it, ${failed.length} failed; ` +
        `exit code ${String(exit.code)} ${exit.at - sigtermAt} ms after SIGTERM`,
    );
    expect(failed.map((o) => o.detail)).toEqual([]);
    expect(drained.length).toBeGreaterThan(0);
    expect(exit.code).toBe(0);
    expect(exit.at - sigtermAt).toBeLessThan(10_000);
    expect(api.output()).toMatch(/"msg":"stopped"/);

    // Every acknowledged write is stored once, read from the database itself.
    const stored = await storedValues(kpi.id);
    const lost = acknowledged.filter((o) => !stored.includes(o.value ?? -1));
    expect(lost).toEqual([]);
    expect(stored.length).toBe(new Set(stored).size);
  }, 120_000);
});
