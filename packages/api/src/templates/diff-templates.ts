import { diffTemplates as diffParsed, type ZTemplateDiffInput } from '@shipshape/domain';
import type { z } from 'zod';
import type { ServiceArgs } from '../actor';
import { findVisibleTemplate } from './find-template';
import { parseChecklistOrExplain } from './parse-checklist';

/** What changes between two visible templates. */
export async function diffTemplates({
  db,
  actor,
  input,
}: ServiceArgs<z.infer<typeof ZTemplateDiffInput>, 'workspaceId'>) {
  const [from, to] = await Promise.all([
    findVisibleTemplate(db, actor.workspaceId, input.fromTemplateId),
    findVisibleTemplate(db, actor.workspaceId, input.toTemplateId),
  ]);
  // The parser is deterministic, so re-parsing the stored source gives the
  // structure that was stored; off the event loop like an import.
  const [fromParsed, toParsed] = await Promise.all([
    parseChecklistOrExplain(from.sourceText),
    parseChecklistOrExplain(to.sourceText),
  ]);
  return diffParsed(fromParsed, toParsed);
}
