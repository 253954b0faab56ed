// The web app's production build for `pnpm start`: made on the first start and
// again whenever a source it is built from is newer than the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '@shipshape/api-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = join(root, 'apps/web');
const nextBin = join(webDir, 'node_modules/next/dist/bin/next');

/** Builds the web app when there is no build, or sources are newer than it. */
export async function buildWebIfStale(): Promise<void> {
  const buildId = join(webDir, '.next/BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [webDir, join(root, 'packages/domain/src'), join(root, 'packages/api/src')];
  if (builtAt > 0 && sources.every((dir) => newestMtime(dir) < builtAt)) return;
  console.log('Building the web app (first start, or its sources changed)…');
  // Asynchronous, so the supervisor still hears signals and a dying API meanwhile.
  const build = spawn(process.execPath, [nextBin, 'build'], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new StartupError('The web app failed to build (see above).');
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

export async function waitForWeb(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StartupError('The web app exited during start-up.');
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartupError(`The web app did not answer on ${url} within 60 s.`);
}
