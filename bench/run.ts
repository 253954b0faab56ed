// `pnpm bench`: measures what users wait for, side by side in one run, and
// writes a Markdown report to bench/results/.
//  1. Checklist import: parsing the 62 KB v2 checklist; instantiating a project
//     from it (time and SQL statements per instantiation). See checklist.ts.
//  2. The tracking API under load (autocannon, 32 connections, loopback) against
//     the same SQL behind a bare Fastify route over `pg`, on a workspace of
//     200 projects × ~150 items, 20 KPIs × 1 000 points and 2 000 lessons.
//     See seed.ts (the data), scenarios.ts (the requests), load.ts, report.ts.
//  3. Mixed (issue 11; BENCH_ONLY=mixed runs it alone): readers of the portfolio,
//     project dashboards and item lists of 100 projects × 489 items, alone and
//     while a writer offers 20 item updates a second; and the first read after
//     a write at 100 and 1 000 projects. See mixed.ts.
// Uses BENCH_DATABASE_URL (a server it may create databases on), else the local
// Postgres at 127.0.0.1:5432; other knobs in settings.ts. The server is pinned to
// core 0 and the load generator to core 1 when `taskset` exists.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { applyMigrations, createDb, seedBuiltInTemplates } from '@shipshape/db';
import { adminQuery, withDatabase } from '../tests/support/global-setup';
import { checklistBenchmarks, type ChecklistMeasures } from './checklist';
import { load, logIn, startServer } from './load';
import { scenarioRow, writeReport } from './report';
import { mixedBenchmarks, seedMixedWorlds } from './mixed';
import { trackingScenarios } from './scenarios';
import { seedBenchWorld, type BenchWorld } from './seed';
import { adminUrl, hasTaskset, only } from './settings';

interface TrackingWorld {
  checklist: ChecklistMeasures;
  world: BenchWorld;
  seedSeconds: number;
  updatable: Array<{ id: string; version: number }>;
}

async function main() {
  if (hasTaskset) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const runMixed = !only || 'mixed'.startsWith(only);
  const runTracking = !only || !runMixed;
  const name = `shipshape_bench_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}"`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(adminUrl, name);
  const vacuum = () =>
    adminQuery(databaseUrl, 'VACUUM ANALYZE').catch((error: unknown) =>
      console.warn('bench: VACUUM ANALYZE failed', error),
    );
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(databaseUrl);
    const db = createDb({ connectionString: databaseUrl, poolSize: 4 });
    await seedBuiltInTemplates(db);
    const [{ server_version: postgres }] = await db.$queryRaw<
      [{ server_version: string }]
    >`SHOW server_version`;
    let tracking: TrackingWorld | undefined;
    if (runTracking) {
      console.log('bench: checklist import and instantiation…');
      const checklist = await checklistBenchmarks(databaseUrl);
      console.log('bench: seeding 200 projects, 20 KPIs × 1 000 points, 2 000 lessons…');
      const seedStart = performance.now();
      const world: BenchWorld = await seedBenchWorld(db);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const updatable = await db.projectItem.findMany({
        where: { workspaceId: world.workspaceId },
        select: { id: true, version: true },
        orderBy: { id: 'asc' },
      });
      tracking = { checklist, world, seedSeconds, updatable };
    }
    const mixedSeeded = runMixed ? await seedMixedWorlds(db) : undefined;
    await vacuum();

    const started = await startServer(databaseUrl);
    server = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    const rows: string[] = [];
    if (tracking) {
      const auth = await logIn(base, tracking.world);
      const scenarios = trackingScenarios(tracking.world, tracking.updatable);
      for (const scenario of scenarios.filter((s) => !only || s.name.startsWith(only))) {
        console.log(`bench: ${scenario.name}…`);
        // Raw routes get the token too: only item.update reads it (for the same caller check).
        const raw = await load(base, scenario.raw, auth);
        const api = await load(base, scenario.api, auth);
        rows.push(scenarioRow(scenario.name, api, raw));
      }
    }
    const mixed = mixedSeeded
      ? await mixedBenchmarks({ db, base, seeded: mixedSeeded, vacuum })
      : undefined;
    await db.$disconnect();
    writeReport({ postgres, tracking: tracking && { ...tracking, rows }, mixed });
  } finally {
    server?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

await main();
