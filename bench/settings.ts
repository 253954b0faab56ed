// The knobs of `pnpm bench`, read from the environment (see run.ts for what it measures).
import { execFileSync } from 'node:child_process';

/** Seconds of each measured load run, after a 2 s warm-up. */
export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** A server the bench may create databases on. */
export const adminUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** Only the scenarios whose name starts with this: a partial run, for looking, not for the record. */
export const only = process.env.BENCH_ONLY;
/** A directory for the server's CPU profiles, when set. */
export const profileDirectory = process.env.BENCH_PROFILE;

export const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The mixed scenario: item updates a second offered while readers read. */
export const mixedWritesPerSecond = Number(process.env.BENCH_MIXED_WRITES ?? 20);
/** The mixed scenario: sequential write-then-read probes per measure. */
export const mixedProbes = Number(process.env.BENCH_MIXED_PROBES ?? 50);
/** The mixed scenario: also 1 000 projects × the full 489 items (a few minutes of seeding); 0 skips it. */
export const mixedFullThousand = process.env.BENCH_MIXED_FULL_1000 !== '0';
