import type { Db } from '@shipshape/db';
import {
  slugFromName,
  type TWorkspaceImportReport,
  type ZWorkspace,
  type ZWorkspaceImportInput,
} from '@shipshape/domain';
import type { z } from 'zod';
import { recordActivity } from '../activity/record-activity';
import type { User } from '../actor';
import { withFreeSlug } from '../free-slug';
import { readDocumentOrExplain } from '../workers/document-reader';
import { workspaceFields } from '../workspaces/workspace-view';
import { IMPORT_TRANSACTION, raceAsConflict } from './import-project';
import { prepareTemplates, storePreparedTemplates } from './import-templates';
import { PeopleMatcher } from './people';
import { writeProject } from './write-project';

/**
 * A workspace document becomes a new workspace owned by the caller, all or
 * nothing. The document's other members are not added: joining a workspace
 * takes an invitation the person accepts, so they are listed to be invited,
 * and until then their items are unassigned (and reported).
 */
export async function importWorkspace({
  db,
  user,
  input,
}: {
  db: Db;
  user: Pick<User, 'id' | 'email'>;
  input: z.infer<typeof ZWorkspaceImportInput>;
}): Promise<{ workspace: z.infer<typeof ZWorkspace>; report: TWorkspaceImportReport }> {
  const document = await readDocumentOrExplain(input.document, 'workspace');
  const prepared = await prepareTemplates(db, null, document.templates);
  const name = input.name ?? document.workspace.name;
  const slugOptions = { chosen: false, exhausted: 'Could not find a free slug; rename it.' };
  return withFreeSlug(slugFromName(name), slugOptions, (slug) =>
    db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: {
          name,
          slug,
          description: document.workspace.description,
          memberships: { create: { userId: user.id, role: 'OWNER' } },
        },
        select: workspaceFields,
      });
      const owner = { id: user.id, workspaceId: workspace.id };
      await recordActivity(tx, owner, {
        action: 'workspace.imported',
        entityType: 'workspace',
        entityId: workspace.id,
        after: { ...workspace, projects: document.projects.length },
      });
      const linked = await storePreparedTemplates(
        tx,
        { workspaceId: workspace.id, userId: user.id },
        prepared,
      );
      // A new workspace whose only member is the importer: only their work keeps its author.
      const people = await PeopleMatcher.forWorkspace(tx, workspace.id, {
        id: user.id,
        attributeOthers: false,
      });
      const totals = { items: 0, comments: 0, measurements: 0, lessons: 0 };
      for (const project of document.projects) {
        const template = project.templateHash ? (linked.get(project.templateHash) ?? null) : null;
        const written = await writeProject(
          tx,
          { workspaceId: workspace.id, actorId: user.id, people },
          project,
          template,
        );
        totals.items += written.items;
        totals.comments += written.comments;
        totals.measurements += written.measurements;
        totals.lessons += written.lessons;
      }
      const report: TWorkspaceImportReport = {
        templates: [...linked.values()].map(({ name, versionLabel, reused }) => ({
          name,
          versionLabel,
          reused,
        })),
        projects: document.projects.length,
        ...totals,
        unmatchedPeople: people.unmatchedPeople,
        membersToInvite: document.members
          .filter((member) => member.email !== user.email)
          .map(({ email, role }) => ({ email, role })),
      };
      return { workspace: { ...workspace, role: 'OWNER' as const }, report };
    }, IMPORT_TRANSACTION),
  ).catch(raceAsConflict);
}
