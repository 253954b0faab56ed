import {
  TRANSFER_FORMAT_VERSION,
  type TExportFile,
  type TWorkspaceDocument,
} from '@shipshape/domain';
import type { ActorArgs } from '../actor';
import { file } from './export-project';
import { memberEmails, readProjectForExport } from './read-project';

/** The whole workspace as one JSON document, for a backup or a move to another
 * Shipshape: its members by email and role, its own templates (and the built-in
 * ones its projects use), and every project with its lessons. */
export async function exportWorkspace({ db, actor }: ActorArgs): Promise<TExportFile> {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: {
      name: true,
      slug: true,
      description: true,
      memberships: {
        orderBy: { createdAt: 'asc' },
        select: { role: true, user: { select: { email: true, name: true } } },
      },
      templates: { orderBy: { createdAt: 'asc' } },
      projects: { orderBy: { createdAt: 'asc' }, select: { id: true } },
    },
  });
  const emails = await memberEmails(db, actor.workspaceId);
  const templates = new Map<string, TWorkspaceDocument['templates'][number]>();
  for (const template of workspace.templates) {
    templates.set(template.contentHash, {
      name: template.name,
      versionLabel: template.versionLabel,
      builtIn: false,
      contentHash: template.contentHash,
      sourceText: template.sourceText,
    });
  }
  const projects: TWorkspaceDocument['projects'] = [];
  // One project at a time: a large workspace is read in pieces, not all at once.
  for (const { id } of workspace.projects) {
    const exported = await readProjectForExport(db, id, emails);
    if (exported.template && !templates.has(exported.template.contentHash)) {
      templates.set(exported.template.contentHash, exported.template);
    }
    projects.push(exported.project);
  }
  const document: TWorkspaceDocument = {
    format: 'shipshape.workspace',
    version: TRANSFER_FORMAT_VERSION,
    exportedAt: new Date(),
    workspace: { name: workspace.name, description: workspace.description },
    members: workspace.memberships.map(({ role, user }) => ({ ...user, role })),
    templates: [...templates.values()],
    projects,
  };
  return file(
    `${workspace.slug}.shipshape-workspace.json`,
    'application/json',
    JSON.stringify(document),
  );
}
