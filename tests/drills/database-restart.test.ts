// Reliability drill: Postgres restarts while users write. Every write the API
// acknowledged is stored exactly once, the server survives, and readiness
// comes back. Restarts the machine's own cluster, so it runs on its own, after
// the other suites (see `pnpm test`), and only where it can: a local cluster
// managed by pg_ctlcluster, reached through TEST_DATABASE_URL.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildServer } from '@shipshape/api-server';
import { signUp } from '../support/api-client';
import { createTestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/server';
import { kpiToRecordInto } from '../support/teams';

function localCluster(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !/@(127\.0\.0\.1|localhost):5432\//.test(url)) return null;
  try {
    const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
    const main = clusters.split('\n').find((line) => /\s5432\s+online/.test(line));
    return main?.split(/\s+/)[0] ?? null;
  } catch {
    return null;
  }
}

const cluster = localCluster();

describe.runIf(cluster)('[drill] database restart under writes', () => {
  it('loses and duplicates no acknowledged write, and recovers', async () => {
    const database = await createTestDatabase();
    const app = await buildServer({
      db: database.db,
      jwtSecret: TEST_JWT_SECRET,
      webOrigins: [],
      loginRateLimits: { perIp: 10_000, perAccount: 10_000 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const { client } = await signUp(url);
      const kpi = await kpiToRecordInto(client, 'Drill');

      const acknowledged: number[] = [];
      let failed = 0;
      let next = 1;
      const deadline = Date.now() + 8_000;
      const writer = async () => {
        while (Date.now() < deadline) {
          const value = next++;
          const result = await client
            .call('kpi.record', { kpiId: kpi.id, value })
            .catch(() => ({ status: 0 }));
          if (result.status === 200) acknowledged.push(value);
          else failed += 1;
        }
      };
      const restart = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster!, 'main', 'restart'], {
          stdio: 'ignore',
        });
      })();
      await Promise.all([writer(), writer(), writer(), writer(), restart]);

      // Readiness comes back within seconds.
      let ready = 0;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await fetch(`${url}/readyz`)).status;
        if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(ready).toBe(200);

      const stored = await database.db.kpiMeasurement.findMany({
        where: { kpiId: kpi.id },
        select: { value: true },
      });
      const counts = new Map<number, number>();
      for (const row of stored) counts.set(row.value, (counts.get(row.value) ?? 0) + 1);
      const lost = acknowledged.filter((value) => !counts.has(value));
      const duplicated = [...counts.values()].filter((n) => n > 1).length;
      console.log(
        `restart drill: ${acknowledged.length} writes acknowledged, ${failed} refused during the restart, ${lost.length} lost, ${duplicated} duplicated`,
      );
      expect(acknowledged.length).toBeGreaterThan(20);
      expect(lost).toEqual([]);
      expect(duplicated).toBe(0);
    } finally {
      await app.close();
      await database.drop();
    }
  }, 60_000);
});
