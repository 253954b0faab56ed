// `pnpm start`: the whole product on this machine. Resolves the database
// (DATABASE_URL, or the embedded one kept in .data/), migrates, seeds, starts
// the API in this process and the web app as a child, and prints the URL.
// Ctrl-C (or SIGTERM) stops both and the database cleanly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import closeWithGrace from 'close-with-grace';
import {
  createLogger,
  describeStartupFailure,
  readServerEnv,
  runApi,
  StartupError,
  type RunningApi,
} from '@shipshape/api-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'apps/web');
const nextBin = join(webDir, 'node_modules/next/dist/bin/next');

let api: RunningApi | undefined;
let web: ChildProcess | undefined;

try {
  const env = readServerEnv();
  const logger = createLogger(env);
  await assertPortFree(env.WEB_PORT, env.HOST, 'WEB_PORT');
  api = await runApi(env, logger);
  buildWebIfStale();
  web = startWeb(env.WEB_PORT, env.HOST, api.url);
  await waitForWeb(`http://${env.HOST}:${env.WEB_PORT}/`, web);
  console.log(`\nShipshape is running: open http://${displayHost(env.HOST)}:${env.WEB_PORT}`);
  console.log(`API: ${api.url} (health: ${api.url}/healthz, readiness: ${api.url}/readyz)`);
  console.log('Press Ctrl-C to stop.\n');
} catch (error) {
  console.error(describeStartupFailure(error));
  await shutdown();
  process.exit(1);
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) console.error(describeStartupFailure(err));
  else console.log(`\nStopping Shipshape (${String(signal)})…`);
  await shutdown();
});

async function shutdown(): Promise<void> {
  if (web && web.exitCode === null) {
    const exited = new Promise((resolve) => web?.once('exit', resolve));
    web.kill('SIGTERM');
    await Promise.race([exited, delay(5_000)]);
  }
  await api?.close();
}

function startWeb(port: number, host: string, apiUrl: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', host],
    {
      cwd: webDir,
      env: { ...process.env, API_INTERNAL_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0) {
      console.error(`The web app stopped unexpectedly (exit code ${code}).`);
      process.kill(process.pid, 'SIGTERM');
    }
  });
  return child;
}

/** Builds the web app when there is no build, or sources are newer than it. */
function buildWebIfStale(): void {
  const buildId = join(webDir, '.next/BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [webDir, join(root, 'packages/domain/src'), join(root, 'packages/api/src')];
  if (builtAt > 0 && sources.every((dir) => newestMtime(dir) < builtAt)) return;
  console.log('Building the web app (first start, or its sources changed)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new StartupError('The web app failed to build (see above).');
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function assertPortFree(port: number, host: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use. Set ${variable} to a free port.`)
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function waitForWeb(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StartupError('The web app exited during start-up.');
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await delay(250);
  }
  throw new StartupError(`The web app did not answer on ${url} within 60 s.`);
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
