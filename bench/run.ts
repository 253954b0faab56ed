// `pnpm bench`: measures what users wait for, side by side in one run, and
// writes a Markdown report to bench/results/.
//  1. Checklist import: parsing the 62 KB v2 checklist; instantiating a project
//     from it (time and SQL statements per instantiation).
//  2. The tracking API under load (autocannon, 32 connections, loopback) against
//     the same SQL behind a bare Fastify route over `pg`, on a workspace of
//     200 projects × ~150 items, 20 KPIs × 1 000 points and 2 000 lessons.
// Uses BENCH_DATABASE_URL (a server it may create databases on), else the local
// Postgres at 127.0.0.1:5432. The server is pinned to core 0 and the load
// generator to core 1 when `taskset` exists.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { instantiateChecklist } from '@shipshape/api/projects/instantiate-checklist';
import { applyMigrations, createDb, seedBuiltInTemplates } from '@shipshape/db';
import { repoRoot } from '@shipshape/db/paths';
import { parseChecklistMarkdown } from '@shipshape/domain';
import { BENCH_PASSWORD, seedBenchWorld, type BenchWorld } from './seed';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function checklistBenchmarks(databaseUrl: string) {
  const v2 = readFileSync(
    join(repoRoot, 'packages/domain/src/checklist/seed/ml-e2e-checklist-v2.md'),
    'utf8',
  );
  for (let i = 0; i < 5; i++) parseChecklistMarkdown(v2);
  const parseTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    parseChecklistMarkdown(v2);
    parseTimes.push(performance.now() - start);
  }

  let statements = 0;
  const db = createDb({
    connectionString: databaseUrl,
    poolSize: 2,
    onQuery: () => (statements += 1),
  });
  const template = await db.checklistTemplate.findFirstOrThrow({
    where: { versionLabel: '2', workspaceId: null },
  });
  const itemCount = await db.templateItem.count({ where: { templateId: template.id } });
  const workspace = await db.workspace.create({
    data: { name: 'Instantiate', slug: `inst-${process.pid}` },
  });
  const times: number[] = [];
  const perInstantiation: number[] = [];
  for (let i = 0; i < 20; i++) {
    const project = await db.project.create({
      data: { workspaceId: workspace.id, name: `P${i}`, slug: `p-${i}`, templateId: template.id },
    });
    statements = 0;
    const start = performance.now();
    await db.$transaction((tx) =>
      instantiateChecklist(tx, {
        workspaceId: workspace.id,
        projectId: project.id,
        templateId: template.id,
      }),
    );
    times.push(performance.now() - start);
    perInstantiation.push(statements);
  }
  await db.$disconnect();
  return {
    v2Bytes: Buffer.byteLength(v2),
    parseMean: parseTimes.reduce((a, b) => a + b, 0) / parseTimes.length,
    parseP95: percentile(parseTimes, 95),
    itemCount,
    instantiateMean: times.reduce((a, b) => a + b, 0) / times.length,
    instantiateP95: percentile(times, 95),
    statements: Math.max(...perInstantiation),
  };
}

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const node = [process.execPath, ...profile, '--import', 'tsx', join(repoRoot, 'bench/server.ts')];
  const [command, ...args] = hasTaskset ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command!, args, {
    cwd: repoRoot,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

interface Scenario {
  name: string;
  api: autocannon.Request;
  raw: autocannon.Request;
}

interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(
  base: string,
  request: autocannon.Request,
  headers: Record<string, string>,
): Promise<Measured> {
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections,
      duration,
      headers,
      requests: [request],
    }) as Promise<autocannon.Result>;
  await run(2); // warm up
  const result = await run(seconds);
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function trpcQuery(path: string, input: unknown): autocannon.Request {
  return {
    method: 'GET',
    path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  };
}

function rawQuery(path: string, query: Record<string, string>): autocannon.Request {
  return { method: 'GET', path: `/raw/${path}?${new URLSearchParams(query)}` };
}

/** item.update needs each item's current version: requests walk the items, and
 * responses record the new version, so no request is a conflict. */
function updateRequests(items: Array<{ id: string; version: number }>) {
  const versions = new Map(items.map((item) => [item.id, item.version]));
  let next = 0;
  const make = (
    path: string,
    unwrap: (body: string) => { id: string; version: number },
  ): autocannon.Request => ({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => {
      const item = items[next++ % items.length]!;
      return {
        ...request,
        body: JSON.stringify({
          itemId: item.id,
          expectedVersion: versions.get(item.id),
          notes: `bench ${next}`,
        }),
      };
    },
    onResponse: (status, body) => {
      if (status === 200) {
        const row = unwrap(body);
        versions.set(row.id, row.version);
      }
    },
  });
  return {
    api: make(
      '/trpc/item.update',
      (body) =>
        (JSON.parse(body) as { result: { data: { id: string; version: number } } }).result.data,
    ),
    raw: make('/raw/item.update', (body) => JSON.parse(body) as { id: string; version: number }),
  };
}

async function main() {
  if (hasTaskset) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const name = `shipshape_bench_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS "${name}"`);
  await admin(`CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(adminUrl, name);
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(databaseUrl);
    const db = createDb({ connectionString: databaseUrl, poolSize: 4 });
    await seedBuiltInTemplates(db);
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
    await db.$disconnect();
    await admin(`VACUUM ANALYZE`).catch(() => {});

    const started = await startServer(databaseUrl);
    server = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: world.email, password: BENCH_PASSWORD }),
    });
    const token = ((await login.json()) as { result: { data: { accessToken: string } } }).result
      .data.accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const projectId = world.projectIds[0]!;
    const updates = updateRequests(updatable);
    const scenarios: Scenario[] = [
      {
        name: 'dashboard.project',
        api: trpcQuery('dashboard.project', { projectId }),
        raw: rawQuery('dashboard.project', { projectId }),
      },
      {
        name: 'dashboard.workspace',
        api: trpcQuery('dashboard.workspace', { workspaceId: world.workspaceId }),
        raw: rawQuery('dashboard.workspace', { workspaceId: world.workspaceId }),
      },
      {
        name: 'item.list (one stage)',
        api: trpcQuery('item.list', { projectId, stageKey: 'data' }),
        raw: rawQuery('item.list', { projectId, stageKey: 'data' }),
      },
      { name: 'item.update', api: updates.api, raw: updates.raw },
      {
        name: 'kpi.series (1 000 points)',
        api: trpcQuery('kpi.series', { kpiId: world.kpiIds[0] }),
        raw: rawQuery('kpi.series', { kpiId: world.kpiIds[0]! }),
      },
      {
        name: 'lesson.list ("leakage drift")',
        api: trpcQuery('lesson.list', { workspaceId: world.workspaceId, q: 'leakage drift' }),
        raw: rawQuery('lesson.list', { workspaceId: world.workspaceId, q: 'leakage drift' }),
      },
    ];
    const rows: string[] = [];
    const only = process.env.BENCH_ONLY;
    for (const scenario of scenarios.filter((s) => !only || s.name.startsWith(only))) {
      console.log(`bench: ${scenario.name}…`);
      const raw = await load(base, scenario.raw, {});
      const api = await load(base, scenario.api, auth);
      const ratio = api.reqPerSec / raw.reqPerSec;
      const failures = api.non2xx + api.errors + raw.non2xx + raw.errors;
      rows.push(
        `| ${scenario.name} | ${api.reqPerSec.toFixed(0)} | ${api.p50} | ${api.p99} | ${raw.reqPerSec.toFixed(0)} | ${raw.p50} | ${raw.p99} | ${(ratio * 100).toFixed(0)} % | ${api.p99 < 50 ? 'yes' : 'no'} | ${failures} |`,
      );
    }
    const pgVersion = execFileSync('psql', ['--version']).toString().trim();
    const report = [
      `# Benchmark: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${pgVersion}.`,
      `Server pinned to core 0 and load generator to core 1: ${hasTaskset ? 'yes' : 'no (taskset missing)'}. ` +
        `autocannon, ${connections} connections, ${seconds} s per run after a 2 s warm-up; loopback.`,
      '',
      '## Checklist import',
      '',
      `| measure | value |`,
      `| --- | --- |`,
      `| parse v2 (${(checklist.v2Bytes / 1024).toFixed(0)} KB), mean of 50 | ${checklist.parseMean.toFixed(1)} ms |`,
      `| parse v2, p95 | ${checklist.parseP95.toFixed(1)} ms |`,
      `| instantiate a project from v2 (${checklist.itemCount} items), mean of 20 | ${checklist.instantiateMean.toFixed(1)} ms |`,
      `| instantiate, p95 | ${checklist.instantiateP95.toFixed(1)} ms |`,
      `| SQL statements per instantiation (whatever the item count) | ${checklist.statements} |`,
      '',
      '## Tracking API vs the same SQL over `pg`',
      '',
      `Data: 200 projects × ${Math.round(world.itemCount / 200)} items (${world.itemCount} in all), 20 KPIs × 1 000 points, 2 000 lessons (seeded in ${seedSeconds.toFixed(0)} s).`,
      'API = Fastify + tRPC + Prisma with authentication, membership check and output validation;',
      'raw = a bare Fastify route running the same SQL over `pg`, on the same server process.',
      '',
      '| procedure | API req/s | API p50 ms | API p99 ms | raw req/s | raw p50 ms | raw p99 ms | API / raw | p99 < 50 ms | failed requests |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
    // A partial run (BENCH_ONLY) is for looking, not for the record.
    const directory = only ? tmpdir() : join(repoRoot, 'bench/results');
    mkdirSync(directory, { recursive: true });
    const file = join(
      directory,
      `${new Date().toISOString().slice(0, 10)}-tracking-api${only ? '-partial' : ''}.md`,
    );
    writeFileSync(file, report);
    console.log(`\n${report}\nWritten to ${file}`);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

await main();
