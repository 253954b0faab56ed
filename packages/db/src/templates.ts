// Stores a parsed checklist as one template version: stages and items in one
// insert per table, whatever the size of the checklist.
import { randomUUID } from 'node:crypto';
import {
  contentHash,
  flattenTemplate,
  type TFlatItem,
  type TParsedTemplate,
} from '@shipshape/domain';
import type { Db } from './client';
import type { Prisma } from './generated/client';

export interface StoreTemplateInput {
  name: string;
  versionLabel: string;
  sourceText: string;
  parsed: TParsedTemplate;
  /** Null for a built-in template every workspace sees. */
  workspaceId?: string | null;
  importedById?: string | null;
  isDefault?: boolean;
  /** Runs inside the storing transaction (e.g. to record activity). */
  onStored?: (tx: Prisma.TransactionClient, templateId: string) => Promise<void>;
}

export interface StoredTemplate {
  id: string;
  name: string;
  versionLabel: string;
  /** True when the same content was already stored: nothing was written. */
  duplicate: boolean;
}

export async function storeTemplate(db: Db, input: StoreTemplateInput): Promise<StoredTemplate> {
  const hash = await contentHash(input.sourceText);
  const workspaceId = input.workspaceId ?? null;
  const existing = await db.checklistTemplate.findFirst({
    where: { contentHash: hash, workspaceId },
    select: { id: true, name: true, versionLabel: true },
  });
  if (existing) return { ...existing, duplicate: true };

  const templateId = randomUUID();
  await db.$transaction((tx) => insertTemplate(tx, input, { templateId, hash }));
  return { id: templateId, name: input.name, versionLabel: input.versionLabel, duplicate: false };
}

/** Writes one template version inside the caller's transaction (`storeTemplate`
 * checks for a duplicate first; a project import matches templates itself). */
export async function insertTemplate(
  tx: Prisma.TransactionClient,
  input: StoreTemplateInput,
  { templateId, hash }: { templateId: string; hash: string },
): Promise<void> {
  const workspaceId = input.workspaceId ?? null;
  const stageIds = new Map(input.parsed.stages.map((stage) => [stage.key, randomUUID()]));
  const flat = flattenTemplate(input.parsed);
  const itemIds = new Map(flat.map((item) => [item.key, randomUUID()]));

  if (input.isDefault) {
    // One default per owner (built in, or the workspace's own).
    await tx.checklistTemplate.updateMany({ where: { workspaceId }, data: { isDefault: false } });
  }
  await tx.checklistTemplate.create({
    data: {
      id: templateId,
      workspaceId,
      name: input.name,
      versionLabel: input.versionLabel,
      sourceText: input.sourceText,
      contentHash: hash,
      isDefault: input.isDefault ?? false,
      importedById: input.importedById ?? null,
    },
  });
  await tx.templateStage.createMany({
    data: input.parsed.stages.map((stage, position) => ({
      id: stageIds.get(stage.key)!,
      templateId,
      key: stage.key,
      title: stage.title,
      position,
      description: stage.description ?? null,
    })),
  });
  // One statement with one JSON parameter: a query of thousands of rows ×
  // eleven bound values cost about a second of the event loop to build, and
  // every other request waited for it. Parents are in the same statement as
  // their children, so the self-reference is checked once all are in.
  const rows = flat.map((item) => ({
    id: itemIds.get(item.key)!,
    templateId,
    stageId: stageIds.get(item.stageKey)!,
    parentId: item.parentKey ? itemIds.get(item.parentKey)! : null,
    ...checklistItemColumns(item),
  }));
  await tx.$executeRaw`
    insert into template_items
      (id, "templateId", "stageId", "parentId", key, position, depth, title, "bodyMarkdown", links, "toolOptions")
    select id, "templateId", "stageId", "parentId", key, position, depth, title, "bodyMarkdown", links, "toolOptions"
      from json_populate_recordset(null::template_items, ${JSON.stringify(rows)}::json)`;
  await input.onStored?.(tx, templateId);
}

/** A checklist item's own columns, as template items and the project items copied from them store them. */
export function checklistItemColumns(item: TFlatItem) {
  return {
    key: item.key,
    position: item.position,
    depth: item.depth,
    title: item.title,
    bodyMarkdown: item.body,
    links: item.links,
    toolOptions: item.options,
  };
}

/** The next free version label ("1", "2", …) for a template name. */
export async function nextVersionLabel(
  db: Db,
  name: string,
  workspaceId: string | null,
): Promise<string> {
  const labels = await db.checklistTemplate.findMany({
    where: { name, workspaceId },
    select: { versionLabel: true },
  });
  const numbers = labels.map((l) => Number(l.versionLabel)).filter(Number.isInteger);
  return String(Math.max(0, ...numbers) + 1);
}
