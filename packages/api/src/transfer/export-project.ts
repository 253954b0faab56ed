import {
  TRANSFER_FORMAT_VERSION,
  itemsCsv,
  measurementsCsv,
  projectMarkdown,
  type TExportFile,
  type TProjectDocument,
  type ZProjectExportInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { notFound } from '../errors';
import { memberEmails, readProjectForExport } from './read-project';

// Spreadsheet programs read a CSV as UTF-8 only when it starts with a byte order mark.
const BOM = '\uFEFF';

/** One project as a file: the JSON document that imports elsewhere, the
 * checklist as Markdown, or its items or KPI measurements as CSV. */
export async function exportProject({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZProjectExportInput>>): Promise<TExportFile> {
  const found = await db.project.findFirst({
    where: { id: input.projectId, workspaceId: actor.workspaceId },
    select: { slug: true },
  });
  if (!found) throw notFound('Project');
  const { project, template } = await readProjectForExport(
    db,
    input.projectId,
    await memberEmails(db, actor.workspaceId),
  );
  const document: TProjectDocument = {
    format: 'shipshape.project',
    version: TRANSFER_FORMAT_VERSION,
    exportedAt: new Date(),
    template,
    project,
  };
  const name = found.slug;
  switch (input.format) {
    case 'markdown':
      return file(`${name}.md`, 'text/markdown; charset=utf-8', projectMarkdown(document));
    case 'csv-items':
      return file(`${name}-items.csv`, 'text/csv; charset=utf-8', BOM + itemsCsv(document));
    case 'csv-measurements':
      return file(
        `${name}-kpi-measurements.csv`,
        'text/csv; charset=utf-8',
        BOM + measurementsCsv(document),
      );
    case 'json':
      return file(`${name}.shipshape.json`, 'application/json', JSON.stringify(document));
  }
}

export function file(filename: string, mimeType: string, content: string): TExportFile {
  return { filename, mimeType, content };
}
