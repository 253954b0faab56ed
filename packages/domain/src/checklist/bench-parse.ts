/**
 * Parse-time benchmark for the v2 seed (a script, not a test: timings are too noisy for CI).
 * Run: `cd /work/main && npx tsx packages/domain/src/checklist/bench-parse.ts`
 *
 * Wall time suffers when other processes compete for the CPU, so CPU time of this process is
 * reported too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseChecklistMarkdown } from './parse';

const RUNS = 100;
const WARMUP_RUNS = 10;

const seedPath = fileURLToPath(new URL('./seed/ml-e2e-checklist-v2.md', import.meta.url));
const markdown = readFileSync(seedPath, 'utf8');

for (let run = 0; run < WARMUP_RUNS; run++) parseChecklistMarkdown(markdown);

const wallMs: number[] = [];
const cpuMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  parseChecklistMarkdown(markdown);
  wallMs.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuMs.push((cpu.user + cpu.system) / 1000);
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
  return `mean ${mean.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms`;
}

console.log(`parseChecklistMarkdown(v2: ${markdown.length} chars) × ${RUNS}`);
console.log(`  wall: ${summary(wallMs)}`);
console.log(`  cpu:  ${summary(cpuMs)}`);
