// `pnpm db:generate`: runs `prisma generate`. Machines that cannot download
// Prisma's native schema engine (offline, air-gapped) still generate: the CLI
// only checks that the binary exists, so point it at a placeholder file when
// the real one is absent. Machines with the binary keep the normal path.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const require = createRequire(join(root, 'package.json'));
const prismaPkg = dirname(require.resolve('prisma/package.json'));
const enginesDir = dirname(createRequire(prismaPkg + '/').resolve('@prisma/engines/package.json'));

const env = { ...process.env };
const hasNativeEngine = readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
if (!hasNativeEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = join(enginesDir, 'package.json');
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';

const result = spawnSync(
  process.execPath,
  [join(prismaPkg, 'build/index.js'), 'generate', '--no-hints'],
  { cwd: root, env, stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error('db:generate: prisma generate failed (see above).');
  process.exit(result.status ?? 1);
}
if (!existsSync(join(root, 'packages/db/src/generated/client.ts'))) {
  console.error('db:generate: the generated client is missing after prisma generate.');
  process.exit(1);
}
