import type { Db } from '@shipshape/db';
import { notFound } from '../errors';

/** A template the workspace may use: built in, or its own import. */
export async function findVisibleTemplate(db: Db, workspaceId: string, templateId: string) {
  const template = await db.checklistTemplate.findFirst({
    where: { id: templateId, OR: [{ workspaceId: null }, { workspaceId }] },
  });
  if (!template) throw notFound('Template');
  return template;
}

/** The template new projects get when none is named. */
export async function defaultTemplateFor(db: Db, workspaceId: string) {
  const template = await db.checklistTemplate.findFirst({
    where: { isDefault: true, OR: [{ workspaceId }, { workspaceId: null }] },
    // The workspace's own default wins over the built-in one.
    orderBy: [{ workspaceId: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
  });
  if (!template) throw notFound('Default template');
  return template;
}
