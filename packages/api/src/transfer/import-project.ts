import type { TImportReport, TProject, ZProjectImportInput } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { roleAtLeast } from '@shipshape/domain';
import { forbidden, isUniqueViolation } from '../errors';
import { getProject } from '../projects/list-projects';
import { readDocumentOrExplain } from '../workers/document-reader';
import { prepareTemplates, storePreparedTemplates } from './import-templates';
import { PeopleMatcher } from './people';
import { writeProject } from './write-project';

/** A large import writes thousands of rows in one transaction. */
export const IMPORT_TRANSACTION = { timeout: 120_000 } as const;

/**
 * Imports a project document into a workspace as a new project, all or
 * nothing: its template matched by content (or stored), people matched by
 * email among the workspace's members, and a report of what could not be kept.
 */
export async function importProject({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZProjectImportInput>, 'id' | 'workspaceId' | 'role'>): Promise<{
  project: TProject;
  report: TImportReport;
}> {
  const document = await readDocumentOrExplain(input.document, 'project');
  const prepared = await prepareTemplates(
    db,
    actor.workspaceId,
    document.template ? [document.template] : [],
  );
  // Adding a checklist version to the workspace is an admin's call (template.import).
  if (prepared.some((template) => template.parsed) && !roleAtLeast(actor.role, 'ADMIN')) {
    throw forbidden(
      `This project follows a checklist version this workspace does not have yet ("${document.template?.name ?? 'its checklist'}"); adding it needs an admin. Ask an admin to import the project, or to import that checklist first.`,
    );
  }
  const { projectId, report } = await db
    .$transaction(async (tx) => {
      const linked = await storePreparedTemplates(
        tx,
        { workspaceId: actor.workspaceId, userId: actor.id },
        prepared,
      );
      const people = await PeopleMatcher.forWorkspace(tx, actor.workspaceId, {
        id: actor.id,
        attributeOthers: roleAtLeast(actor.role, 'ADMIN'),
      });
      const template = document.project.templateHash
        ? (linked.get(document.project.templateHash) ?? null)
        : null;
      const written = await writeProject(
        tx,
        { workspaceId: actor.workspaceId, actorId: actor.id, people },
        document.project,
        template,
      );
      return {
        projectId: written.id,
        report: {
          templates: [...linked.values()].map(({ name, versionLabel, reused }) => ({
            name,
            versionLabel,
            reused,
          })),
          projects: 1,
          items: written.items,
          comments: written.comments,
          measurements: written.measurements,
          lessons: written.lessons,
          unmatchedPeople: people.unmatchedPeople,
        },
      };
    }, IMPORT_TRANSACTION)
    .catch(raceAsConflict);
  return { project: await getProject({ db, input: { projectId } }), report };
}

/** Two imports racing for one slug or template version: the loser is told to retry. */
export function raceAsConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Something with the same name was created meanwhile: import again.',
    });
  }
  throw error;
}
