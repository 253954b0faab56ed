// The whole product for a browser test: a fresh database, the real API on a
// loopback port, the real web app (`next start` of a production build) in
// front of it, and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ActivityHub, startWebhookJobs, type WebhookTransport } from '@shipshape/api';
import { buildServer, type FastifyInstance } from '@shipshape/api-server';
import type { Db } from '@shipshape/db';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';
import { createTestDatabase } from '../../support/database';
import { freePort } from '../../support/ports';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const CHROMIUM = '/usr/bin/chromium';

export const webDir = join(root, 'apps/web');
const nextBin = join(webDir, 'node_modules/next/dist/bin/next');
export const screenshotDir = join(root, 'docs/screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Stack {
  webUrl: string;
  apiUrl: string;
  db: Db;
  browser: Browser;
  /** The API's live-update fan-out (its subscribers). */
  live: ActivityHub;
  /** A fresh browser profile (cookies, storage) on the web app. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /**
   * Runs the API's webhook jobs (as each API process does) with this
   * transport; `{ allowPrivate: true }` is the API's WEBHOOK_ALLOW_PRIVATE=true,
   * for a receiver the test serves on loopback. Off by default.
   */
  webhooks?: WebhookTransport;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.warn('e2e cleanup:', error));
    }
  };
  try {
    buildWebIfStale();
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());

    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const notices = database.listen();
    cleanups.push(() => notices.close());
    const live = new ActivityHub(notices);
    const api: FastifyInstance = await buildServer({
      db: database.db,
      jwtSecret: 'e2e-secret-that-is-long-enough-for-hs256-signing',
      webOrigins: [webUrl],
      loginRateLimits: { perIp: 10_000, perAccount: 10_000 },
      live,
    });
    await api.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => api.close());
    if (options.webhooks) {
      const jobs = startWebhookJobs({
        db: database.db,
        log: api.log,
        transport: options.webhooks,
        pollMs: 250,
      });
      cleanups.push(() => jobs.stop());
    }
    const address = api.server.address();
    const apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const web = startWeb(webPort, apiUrl);
    cleanups.push(() => stopProcess(web.child));
    await waitForWeb(`${webUrl}/sign-in`, web);

    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Browser tests drive Debian's Chromium at ${CHROMIUM}, which is not installed: ` +
          'run `apt-get install -y chromium` (as root), or `pnpm test:unit && pnpm test:integration` without them.',
      );
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    cleanups.push(() => browser.close());

    return {
      webUrl,
      apiUrl,
      db: database.db,
      browser,
      live,
      newContext: (options = {}) =>
        browser.newContext({
          baseURL: webUrl,
          viewport: { width: 1280, height: 860 },
          locale: 'en-GB',
          timezoneId: 'Europe/London',
          ...options,
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Builds the web app when there is no build or a source is newer (as `pnpm start` does). */
export function buildWebIfStale(): void {
  const buildId = join(webDir, '.next/BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [webDir, join(root, 'packages/domain/src'), join(root, 'packages/api/src')];
  if (builtAt > 0 && sources.every((dir) => newestMtime(dir) < builtAt)) return;
  // One build at a time, even if two suites start together.
  const lock = join(webDir, '.next-build-lock');
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`e2e: ${lock} is held; remove it if stale.`);
      spawnSync('sleep', ['1']);
    }
  }
  try {
    const started = Date.now();
    const result = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: webDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`e2e: the web app failed to build:\n${result.stdout}\n${result.stderr}`);
    }
    console.log(`e2e: built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.next')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

interface WebProcess {
  child: ChildProcess;
  output: () => string;
}

function startWeb(port: number, apiUrl: string): WebProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(root, 'scripts/web-client-address.mjs')).href,
      nextBin,
      'start',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
    ],
    {
      cwd: webDir,
      env: { ...process.env, API_INTERNAL_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitForWeb(url: string, web: WebProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (web.child.exitCode !== null) {
      throw new Error(`e2e: the web app exited during start-up:\n${web.output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`e2e: the web app did not answer on ${url} within 60 s:\n${web.output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
