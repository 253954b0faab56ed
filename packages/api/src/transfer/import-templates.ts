import { insertTemplate, type Prisma } from '@shipshape/db';
import { contentHash, type TParsedTemplate, type TTransferTemplate } from '@shipshape/domain';
import { TRPCError } from '@trpc/server';
import { randomUUID } from 'node:crypto';
import type { Db } from '@shipshape/db';
import { recordActivity } from '../activity/record-activity';
import { parseChecklistOrExplain } from '../templates/parse-checklist';

/** A document's template, matched by content before the import's transaction. */
export type TPreparedTemplate = TTransferTemplate &
  ({ existingId: string; parsed: null } | { existingId: null; parsed: TParsedTemplate });

/** The template a project's checklist links to: its id and its stages' and items' ids by key. */
export interface TLinkedTemplate {
  id: string;
  stageIds: Map<string, string>;
  itemIds: Map<string, string>;
}

/**
 * Matches each of a document's templates by content (SHA-256 of its source
 * text) with one the workspace already sees, built in or its own, so a second
 * import does not store it again; the others are parsed (in the parser's
 * worker, under its limits) to be stored by `storePreparedTemplates`.
 */
export async function prepareTemplates(
  db: Db,
  workspaceId: string | null,
  templates: TTransferTemplate[],
): Promise<TPreparedTemplate[]> {
  const prepared: TPreparedTemplate[] = [];
  for (const template of templates) {
    const hash = await contentHash(template.sourceText);
    if (hash !== template.contentHash) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `The template "${template.name}" does not match its contentHash: the document was changed or cut short.`,
      });
    }
    const existing = await db.checklistTemplate.findFirst({
      where: {
        contentHash: hash,
        OR: [{ workspaceId: null }, ...(workspaceId ? [{ workspaceId }] : [])],
      },
      orderBy: { workspaceId: { sort: 'asc', nulls: 'first' } },
      select: { id: true },
    });
    prepared.push(
      existing
        ? { ...template, existingId: existing.id, parsed: null }
        : {
            ...template,
            existingId: null,
            parsed: await parseChecklistOrExplain(template.sourceText),
          },
    );
  }
  return prepared;
}

/** Stores the templates not matched, inside the import's transaction; answers every
 * template of the document by content hash. A taken name and version gets a new version. */
export async function storePreparedTemplates(
  tx: Prisma.TransactionClient,
  owner: { workspaceId: string; userId: string },
  templates: TPreparedTemplate[],
): Promise<Map<string, TLinkedTemplate & { name: string; versionLabel: string; reused: boolean }>> {
  const linked = new Map<
    string,
    TLinkedTemplate & { name: string; versionLabel: string; reused: boolean }
  >();
  for (const template of templates) {
    if (linked.has(template.contentHash)) continue;
    let id = template.existingId;
    let versionLabel = template.versionLabel;
    if (template.parsed) {
      id = randomUUID();
      versionLabel = await freeVersionLabel(tx, owner.workspaceId, template.name, versionLabel);
      await insertTemplate(
        tx,
        {
          name: template.name,
          versionLabel,
          sourceText: template.sourceText,
          parsed: template.parsed,
          workspaceId: owner.workspaceId,
          importedById: owner.userId,
        },
        { templateId: id, hash: template.contentHash },
      );
      // An admin's project import can add a template version (the project needs it): logged.
      await recordActivity(
        tx,
        { id: owner.userId, workspaceId: owner.workspaceId },
        {
          action: 'template.imported',
          entityType: 'template',
          entityId: id,
          after: { name: template.name, versionLabel, from: 'document' },
        },
      );
    }
    const stages = await tx.templateStage.findMany({
      where: { templateId: id! },
      select: { id: true, key: true },
    });
    const items = await tx.templateItem.findMany({
      where: { templateId: id! },
      select: { id: true, key: true },
    });
    linked.set(template.contentHash, {
      id: id!,
      name: template.name,
      versionLabel,
      reused: template.parsed === null,
      stageIds: new Map(stages.map((s) => [s.key, s.id])),
      itemIds: new Map(items.map((i) => [i.key, i.id])),
    });
  }
  return linked;
}

async function freeVersionLabel(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  name: string,
  wanted: string,
): Promise<string> {
  const taken = new Set(
    (
      await tx.checklistTemplate.findMany({
        where: { workspaceId, name },
        select: { versionLabel: true },
      })
    ).map((t) => t.versionLabel),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const label = `${wanted.slice(0, 40)} (${n})`;
    if (!taken.has(label)) return label;
  }
}
