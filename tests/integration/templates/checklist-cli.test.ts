// `pnpm checklist:import` as a person runs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@shipshape/db/paths';
import { useTestDatabase } from '../../support/database';

const database = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
const seed = (file: string) => join(repoRoot, 'packages/domain/src/checklist/seed', file);

/** Runs the CLI without blocking this process, which may be serving the
 * embedded test database the CLI connects to. */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['packages/db/src/cli/checklist-import.ts', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: '', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('[cli] checklist:import', () => {
  it('--dry-run --json prints the parsed template and stores nothing', async () => {
    const before = await database.current.db.checklistTemplate.count();
    const result = await cli([seed('ml-e2e-checklist-v2.md'), '--dry-run', '--json']);
    expect(result.status).toBe(0);
    const template = JSON.parse(result.stdout) as {
      title: string;
      stages: Array<{
        key: string;
        title: string;
        items: Array<{ key: string; title: string; links: unknown[]; children: unknown[] }>;
      }>;
    };
    expect(template.stages.length).toBe(13);
    expect(template.stages[0]).toMatchObject({
      key: 'scoping',
      title: 'Scoping (Project Managment)',
    });
    expect(template.stages[0]!.items[0]).toHaveProperty('links');
    expect(template.stages[0]!.items[0]).toHaveProperty('children');
    expect(await database.current.db.checklistTemplate.count()).toBe(before);
  });

  it('stores a new version, and recognises the same content the second time', async () => {
    const path = file('team.md', '# Team list\n\n## Data\n- Check the labels\n  - Sample 100\n');
    const env = { DATABASE_URL: database.current.url };
    const first = await cli([path, '--name', 'Team list', '--version', '7'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Stored "Team list" version 7 \(1 stages\)/);
    const second = await cli([path, '--name', 'Team list'], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(
      /Already imported as "Team list" version 7 \(same content\); nothing stored\./,
    );
    expect(
      await database.current.db.checklistTemplate.count({ where: { name: 'Team list' } }),
    ).toBe(1);
  });

  it.each([
    ['an empty file', () => file('empty.md', ''), /empty|no text/i],
    [
      'a binary file',
      () => file('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01])),
      /binary/i,
    ],
    [
      'a file without list items',
      () => file('prose.md', '# Title\n\nOnly prose here.\n'),
      /list item/i,
    ],
    ['a file over 5 MB', () => file('huge.md', '- item\n'.repeat(800_000)), /at most 5 MB/],
    ['a missing file', () => join(dir, 'nope.md'), /no such file/],
  ])('refuses %s with a clear message and a non-zero exit', async (_name, make, message) => {
    const result = await cli([make(), '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^checklist:import: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
