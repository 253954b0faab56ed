// `pnpm start` as a newcomer runs it: the embedded database, API and web app
// together, data kept across restarts, clean Ctrl-C, clear start-up failures.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@shipshape/db/paths';
import { freePort } from '../../support/ports';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

async function waitForOutput(started: Started, pattern: RegExp, ms = 150_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) {
      throw new Error(`exited early (${started.child.exitCode}):\n${started.output()}`);
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${pattern}:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ports() {
  return { API_PORT: String(await freePort()), WEB_PORT: String(await freePort()) };
}

describe('[start] pnpm start with the embedded database', () => {
  it('serves the web page and health, keeps data across restarts, and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shipshape-data-'));
    const dbPort = String(await freePort());
    const env = { ...(await ports()), DATA_DIR: dataDir, EMBEDDED_DB_PORT: dbPort };

    const first = start(env);
    await waitForOutput(first, /Shipshape is running: open http:\/\/localhost:\d+/);
    expect(first.output()).toContain(`open http://localhost:${env.WEB_PORT}`);

    const page = await fetch(`http://127.0.0.1:${env.WEB_PORT}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/API: (<!-- -->)?ready/);
    const health = await fetch(`http://127.0.0.1:${env.API_PORT}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${env.API_PORT}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
    const viaWeb = await fetch(`http://127.0.0.1:${env.WEB_PORT}/trpc/health.ping`);
    expect(viaWeb.status).toBe(200);

    const client = new pg.Client(`postgresql://postgres@127.0.0.1:${dbPort}/postgres`);
    await client.connect();
    await client.query(
      `insert into workspaces (id, name, slug, "updatedAt") values (gen_random_uuid(), 'Kept', 'kept-across-restarts', now())`,
    );
    await client.end();

    // The embedded run made a signing secret and keeps it for the next start.
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // A clean stop raises no alarm (the web app's own exit code 130 used to).
    expect(first.output()).not.toMatch(/unexpectedly|died|exit code 130/);
    await expect(fetch(`http://127.0.0.1:${env.API_PORT}/healthz`)).rejects.toThrow();

    const second = start(env);
    await waitForOutput(second, /Shipshape is running/);
    const again = new pg.Client(`postgresql://postgres@127.0.0.1:${dbPort}/postgres`);
    await again.connect();
    const { rows } = await again.query(
      `select name from workspaces where slug = 'kept-across-restarts'`,
    );
    await again.end();
    expect(rows).toEqual([{ name: 'Kept' }]);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(secret);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);
});

/** Every process below `pid`, with its command line. */
function descendants(pid: number): { pid: number; command: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const found: { pid: number; command: string }[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      let command = '';
      try {
        command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        /* gone meanwhile */
      }
      found.push({ pid: child, command });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

describe('[start] supervises its parts', () => {
  for (const part of [
    { name: 'API', command: /apps\/api\/src\/main\.ts/ },
    { name: 'web app', command: /next\/dist\/bin\/next start|^next-server/ },
  ]) {
    it(`stops everything and exits 1 with one line when the ${part.name} dies`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'shipshape-data-'));
      const env = { ...(await ports()), DATA_DIR: dataDir };
      const started = start(env);
      try {
        await waitForOutput(started, /Shipshape is running/);
        const processes = descendants(started.child.pid ?? 0);
        const victim = processes.find((p) => part.command.test(p.command));
        expect(victim, JSON.stringify(processes)).toBeDefined();
        process.kill(victim?.pid ?? 0, 'SIGKILL');

        expect(await started.exited).toBe(1);
        const alarms = started.output().match(/^Shipshape stopped: .*$/gm) ?? [];
        expect(alarms).toEqual([`Shipshape stopped: the ${part.name} died (killed by SIGKILL).`]);
        // Nothing is left running: neither port answers, no child survives.
        await expect(fetch(`http://127.0.0.1:${env.WEB_PORT}/`)).rejects.toThrow();
        await expect(fetch(`http://127.0.0.1:${env.API_PORT}/healthz`)).rejects.toThrow();
        for (const { pid } of processes) expect(isAlive(pid)).toBe(false);
      } finally {
        started.child.kill('SIGKILL');
      }
    }, 240_000);
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

describe('[start] bad configuration stops with one clear message', () => {
  async function failsWith(env: Record<string, string>, message: RegExp) {
    const started = start(env);
    const code = await started.exited;
    expect(code).toBe(1);
    expect(started.output()).toMatch(message);
    expect(started.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }

  it('a port in use', async () => {
    const env = { ...(await ports()), DATA_DIR: mkdtempSync(join(tmpdir(), 'shipshape-data-')) };
    const blocker = createServer().listen(Number(env.WEB_PORT), '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await failsWith(
        env,
        new RegExp(`Port ${env.WEB_PORT} is already in use\\. Set WEB_PORT to a free port\\.`),
      );
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('an unreachable DATABASE_URL', async () => {
    const port = await freePort();
    await failsWith(
      { ...(await ports()), DATABASE_URL: `postgresql://me:hunter2@127.0.0.1:${port}/shipshape` },
      new RegExp(
        `Cannot reach the database at postgresql://me:\\*\\*\\*@127\\.0\\.0\\.1:${port}/shipshape`,
      ),
    );
  }, 60_000);

  it('an unwritable data folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shipshape-data-')), 'not-a-folder');
    writeFileSync(file, 'x');
    await failsWith(
      { ...(await ports()), DATA_DIR: file },
      /The data folder .*not-a-folder.* cannot be created or written to/,
    );
  }, 60_000);

  it('a missing or too-short JWT secret in production', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shipshape-data-'));
    await failsWith(
      { ...(await ports()), DATA_DIR: dataDir, NODE_ENV: 'production' },
      /JWT_SECRET is not set\. In production it is required/,
    );
    await failsWith(
      { ...(await ports()), DATA_DIR: dataDir, NODE_ENV: 'production', JWT_SECRET: 'short' },
      /JWT_SECRET is too short/,
    );
  }, 60_000);

  it('an invalid setting', async () => {
    await failsWith({ API_PORT: 'eighty' }, /Invalid configuration: API_PORT/);
  }, 60_000);
});
