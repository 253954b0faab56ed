// The Markdown report: one table for checklist import, one row a scenario for the
// tracking API, the mixed scenario's tables (mixed-report.ts); written to
// bench/results/ (a partial run: to the temp directory).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@shipshape/db/paths';
import type { ChecklistMeasures } from './checklist';
import type { Measured } from './load';
import type { MixedMeasures } from './mixed';
import { mixedSection } from './mixed-report';
import type { BenchWorld } from './seed';
import { connections, hasTaskset, only, seconds } from './settings';

export function scenarioRow(name: string, api: Measured, raw: Measured): string {
  const ratio = api.reqPerSec / raw.reqPerSec;
  const failures = api.non2xx + api.errors + raw.non2xx + raw.errors;
  return `| ${name} | ${api.reqPerSec.toFixed(0)} | ${api.p50} | ${api.p99} | ${raw.reqPerSec.toFixed(0)} | ${raw.p50} | ${raw.p99} | ${(ratio * 100).toFixed(0)} % | ${api.p99 < 50 ? 'yes' : 'no'} | ${failures} |`;
}

export interface TrackingMeasures {
  checklist: ChecklistMeasures;
  world: BenchWorld;
  seedSeconds: number;
  rows: string[];
}

function trackingSection({ checklist, world, seedSeconds, rows }: TrackingMeasures): string[] {
  return [
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
  ];
}

/** The report: the machine, then the tracking API (checklist import and the
 * per-procedure runs) and the mixed scenario, each when it ran. */
export function writeReport(measured: {
  /** `SHOW server_version` of the bench database's server. */
  postgres: string;
  tracking?: TrackingMeasures;
  mixed?: MixedMeasures;
}): void {
  const { postgres, tracking, mixed } = measured;
  const cpu = cpus();
  const report = [
    `# Benchmark: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${cpu.length} cores × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${postgres} (server).`,
    `Server pinned to core 0 and load generator to core 1: ${hasTaskset ? 'yes' : 'no (taskset missing)'}. ` +
      `autocannon, ${connections} connections, ${seconds} s per run after a 2 s warm-up; loopback.`,
    '',
    ...(tracking ? trackingSection(tracking) : []),
    ...(mixed ? mixedSection(mixed) : []),
  ].join('\n');
  // A partial run (BENCH_ONLY) is for looking, not for the record; the mixed
  // scenario alone is complete, and has a report of its own.
  const mixedOnly = only !== undefined && !tracking && mixed !== undefined;
  const directory = only && !mixedOnly ? tmpdir() : join(repoRoot, 'bench/results');
  mkdirSync(directory, { recursive: true });
  const kind = mixedOnly ? 'mixed' : `tracking-api${only ? '-partial' : ''}`;
  const file = join(directory, `${new Date().toISOString().slice(0, 10)}-${kind}.md`);
  writeFileSync(file, report);
  console.log(`\n${report}\nWritten to ${file}`);
}
