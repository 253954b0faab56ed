// The built-in checklist: both published editions of the ML end-to-end
// checklist, stored once (by content hash) as versions 1 and 2; 2 is the
// default for new projects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChecklistMarkdown } from '@shipshape/domain';
import type { Db } from './client';
import { repoRoot } from './paths';
import { storeTemplate } from './templates';

export const BUILT_IN_TEMPLATE_NAME = 'ML end-to-end checklist';
export const seedDir = join(repoRoot, 'packages/domain/src/checklist/seed');

const editions = [
  { versionLabel: '1', file: 'ml-e2e-checklist-v1.md', isDefault: false },
  { versionLabel: '2', file: 'ml-e2e-checklist-v2.md', isDefault: true },
];

export async function seedBuiltInTemplates(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const edition of editions) {
    const sourceText = readFileSync(join(seedDir, edition.file), 'utf8');
    const stored = await storeTemplate(db, {
      name: BUILT_IN_TEMPLATE_NAME,
      versionLabel: edition.versionLabel,
      sourceText,
      parsed: parseChecklistMarkdown(sourceText),
      isDefault: edition.isDefault,
    });
    if (!stored.duplicate) created.push(`${BUILT_IN_TEMPLATE_NAME} v${edition.versionLabel}`);
  }
  return { created };
}
