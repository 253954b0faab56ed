// `pnpm start`: the whole product on this machine, supervised. The API (with
// the embedded database when DATABASE_URL is unset) and the web app each run
// as a child process; this process only starts, watches and stops them, so it
// outlives either one dying, even of an out-of-memory abort. When a part dies
// the other is stopped and `pnpm start` exits 1 with one line naming it.
// Ctrl-C (or SIGTERM) stops both cleanly and exits 0.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeStartupFailure, readServerEnv } from '@shipshape/api-server';
import {
  assertPortFree,
  ChildStartFailed,
  displayHost,
  spawnSupervised,
  type SupervisedChild,
} from './supervise';
import { buildWebIfStale, waitForWeb, webDir } from './web-build';

const root = join(webDir, '../..');
const children: SupervisedChild[] = [];
let stopping = false;

process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));
// tsx runs this file as its child over IPC: if tsx itself is killed, stop too
// rather than leave the API and web app running with nobody watching them.
process.once('disconnect', () => void stopAll('SIGTERM'));

try {
  const env = readServerEnv();
  await assertPortFree(env.WEB_PORT, env.HOST, 'WEB_PORT');
  // The web app forwards each browser's address to the API under this secret,
  // so the API can tell real clients apart without trusting forged headers.
  const proxySecret = process.env.INTERNAL_PROXY_SECRET || randomBytes(32).toString('base64url');
  const shared = { ...process.env, INTERNAL_PROXY_SECRET: proxySecret };

  const api = watch(
    spawnSupervised('API', process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...shared, SHIPSHAPE_SUPERVISED: '1' },
      ipc: true,
    }),
  );
  const apiUrl = await api.ready;
  await buildWebIfStale();
  if (stopping) process.exit(0);
  const web = watch(
    spawnSupervised(
      'web app',
      process.execPath,
      [
        // Each request's X-Forwarded-For is the address it came from (see the file).
        '--import',
        pathToFileURL(join(root, 'scripts/web-client-address.mjs')).href,
        join(webDir, 'node_modules/next/dist/bin/next'),
        'start',
        '--port',
        String(env.WEB_PORT),
        '--hostname',
        env.HOST,
      ],
      {
        cwd: webDir,
        env: { ...shared, API_INTERNAL_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
      },
    ),
  );
  await waitForWeb(`http://${env.HOST}:${env.WEB_PORT}/`, web.process);
  console.log(`\nShipshape is running: open http://${displayHost(env.HOST)}:${env.WEB_PORT}`);
  console.log(`API: ${apiUrl} (health: ${apiUrl}/healthz, readiness: ${apiUrl}/readyz)`);
  console.log('Press Ctrl-C to stop.\n');
} catch (error) {
  if (stopping) await new Promise(() => {}); // Ctrl-C during start-up: stopAll exits.
  // A child that failed to start has already said why in one line.
  if (!(error instanceof ChildStartFailed)) console.error(describeStartupFailure(error));
  await stopChildren();
  process.exit(1);
}

function watch(child: SupervisedChild): SupervisedChild {
  children.push(child);
  void child.exited.then(async (how) => {
    if (stopping || !child.started) return;
    stopping = true;
    console.error(`Shipshape stopped: the ${child.name} died (${how}).`);
    await stopChildren();
    process.exit(1);
  });
  return child;
}

async function stopAll(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\nStopping Shipshape (${signal})…`);
  await stopChildren();
  process.exit(0);
}

async function stopChildren(): Promise<void> {
  // The web app first, so no browser request reaches an API that is going away.
  for (const child of [...children].reverse()) await child.stop();
}
