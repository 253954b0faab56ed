// Driving the bench server (bench/server.ts): starting it in its own process,
// logging in, and loading one request with autocannon.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { repoRoot } from '@shipshape/db/paths';
import { BENCH_PASSWORD, type BenchWorld } from './seed';
import { connections, hasTaskset, profileDirectory, seconds } from './settings';

export interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function startServer(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const profile = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
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

export async function load(
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
  return summarize(await run(seconds));
}

/** What the reports keep of an autocannon run. */
export function summarize(result: autocannon.Result) {
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Logs the bench world's user in; returns the headers that authenticate API requests. */
export async function logIn(
  base: string,
  world: Pick<BenchWorld, 'email'>,
): Promise<Record<string, string>> {
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.email, password: BENCH_PASSWORD }),
  });
  const token = ((await login.json()) as { result: { data: { accessToken: string } } }).result.data
    .accessToken;
  return { authorization: `Bearer ${token}` };
}
