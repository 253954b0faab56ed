// The README's first command is `npm install -g pnpm@10`, which installs the
// newest 10.x. That pnpm must install this repository as it is, not try to
// switch to the exact `packageManager` version (whose signature check fails
// on machines like these, so `pnpm install` never ran).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@shipshape/db/paths';

describe('[install] the README quick start', () => {
  it('tells pnpm 10 not to switch to the pinned version, as pnpm itself reads it', () => {
    const setting = execFileSync('pnpm', ['config', 'get', 'manage-package-manager-versions'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(setting.trim().toLowerCase()).toBe('false');
  });

  it('installs pnpm 10 and runs the two documented commands', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('npm install -g pnpm@10');
    expect(readme).toContain('pnpm install && pnpm start');
    expect(readme).toContain('pnpm install && pnpm test');
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      packageManager: string;
    };
    expect(packageJson.packageManager).toMatch(/^pnpm@10\./);
  });
});
