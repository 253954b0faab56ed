// `pnpm checklist:import <file.md> [--dry-run] [--json] [--name N] [--version V]`
// Parses a checklist written in Markdown. With --dry-run nothing is stored
// (--json prints the parsed template); otherwise it is stored as a new
// version of a built-in template in DATABASE_URL (or the embedded database of
// `pnpm start`, which must not be running at the same time).
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKLIST_LIMITS, ChecklistImportError, parseChecklistMarkdown } from '@shipshape/domain';
import { createDb } from '../client';
import { openDatabase } from '../open-database';
import { nextVersionLabel, storeTemplate } from '../templates';

function fail(message: string): never {
  console.error(`checklist:import: ${message}`);
  process.exit(1);
}

let parsedArgs;
try {
  parsedArgs = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      version: { type: 'string' },
    },
  });
} catch (error) {
  fail(
    `${(error as Error).message}\nUsage: pnpm checklist:import <file.md> [--dry-run] [--json] [--name N] [--version V]`,
  );
}
const { values, positionals } = parsedArgs;
const file = positionals[0];
if (!file || positionals.length > 1) {
  fail('Usage: pnpm checklist:import <file.md> [--dry-run] [--json] [--name N] [--version V]');
}
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);

let size: number;
try {
  size = statSync(path).size;
} catch {
  fail(`Cannot read ${path}: no such file.`);
}
if (size > CHECKLIST_LIMITS.maxInputBytes) {
  fail(`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; a checklist may be at most 5 MB.`);
}

const sourceText = readFileSync(path, 'utf8');
let template;
try {
  template = parseChecklistMarkdown(sourceText);
} catch (error) {
  if (error instanceof ChecklistImportError) {
    fail(
      `${path} cannot be imported:\n` +
        error.issues
          .map((i) => `  ${i.line === undefined ? '' : `line ${i.line}: `}${i.message}`)
          .join('\n'),
    );
  }
  throw error;
}

if (values['dry-run']) {
  if (values.json) {
    console.log(JSON.stringify(template, null, 2));
  } else {
    const items = (list: (typeof template.stages)[number]['items']): number =>
      list.reduce((sum, item) => sum + 1 + items(item.children), 0);
    console.log(`${template.title}: ${template.stages.length} stages`);
    for (const stage of template.stages)
      console.log(`  ${stage.title} (${items(stage.items)} items)`);
    console.log('Dry run: nothing stored.');
  }
  process.exit(0);
}

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
});
const db = createDb({ connectionString: database.connectionString, poolSize: database.poolSize });
try {
  const name = values.name ?? template.title;
  const versionLabel = values.version ?? (await nextVersionLabel(db, name, null));
  const stored = await storeTemplate(db, { name, versionLabel, sourceText, parsed: template });
  const summary = stored.duplicate
    ? `Already imported as "${stored.name}" version ${stored.versionLabel} (same content); nothing stored.`
    : `Stored "${stored.name}" version ${stored.versionLabel} (${template.stages.length} stages).`;
  if (values.json) console.log(JSON.stringify({ ...stored }, null, 2));
  else console.log(summary);
} finally {
  await db.$disconnect();
  await database.stop();
}
