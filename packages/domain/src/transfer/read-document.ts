import type { z } from 'zod';
import {
  TRANSFER_FORMAT_VERSION,
  TRANSFER_LIMITS,
  ZProjectDocument,
  ZWorkspaceDocument,
  type TProjectDocument,
  type TWorkspaceDocument,
} from '../schemas/transfer';
import { projectReferenceProblems } from './references';

export type TTransferKind = 'project' | 'workspace';
type TDocumentOf<K extends TTransferKind> = K extends 'project'
  ? TProjectDocument
  : TWorkspaceDocument;

export type TReadDocumentResult<K extends TTransferKind> =
  { ok: true; document: TDocumentOf<K> } | { ok: false; message: string };

const FORMAT: Record<TTransferKind, string> = {
  project: 'shipshape.project',
  workspace: 'shipshape.workspace',
};

/**
 * The deepest nesting of objects and arrays in a JSON text, or the first depth
 * past `maxDepth`: one linear pass that skips strings, so a hostile document
 * (a million nested arrays) is refused before `JSON.parse` recurses into it.
 */
export function jsonNestingDepth(text: string, maxDepth: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > maxDepth) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Reads an export document's text, all or nothing: its structure is bounded
 * (size, nesting, every array's length), a newer format version is refused by
 * name, and every cross-reference (stage keys, parents, templates) must hold.
 * Pure and CPU-bound: the API runs it in a worker thread.
 */
export function readTransferDocument<K extends TTransferKind>(
  text: string,
  kind: K,
): TReadDocumentResult<K> {
  const fail = (message: string) => ({ ok: false as const, message });
  if (text.length > TRANSFER_LIMITS.maxDocumentChars) {
    return fail('The document is larger than 5 MB.');
  }
  if (jsonNestingDepth(text, TRANSFER_LIMITS.maxDepth) > TRANSFER_LIMITS.maxDepth) {
    return fail(`The document nests deeper than ${TRANSFER_LIMITS.maxDepth} levels.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`The document is not valid JSON (${(error as Error).message}).`);
  }
  const head = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (head.format !== FORMAT[kind]) {
    const other = kind === 'project' ? 'workspace' : 'project';
    if (head.format === FORMAT[other]) {
      return fail(`This is a ${other} document: import it as a ${other}.`);
    }
    return fail(`This is not a Shipshape ${kind} document: "format" must be "${FORMAT[kind]}".`);
  }
  const version = head.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('The document has no valid format version: "version" must be a whole number.');
  }
  if (version > TRANSFER_FORMAT_VERSION) {
    return fail(
      `This document was made by a newer Shipshape: format version ${version}, this server reads up to ${TRANSFER_FORMAT_VERSION}.`,
    );
  }
  const schema = kind === 'project' ? ZProjectDocument : ZWorkspaceDocument;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail(`The document is not valid: ${issuesText(parsed.error)}.`);
  const problems = referenceProblems(parsed.data as TProjectDocument | TWorkspaceDocument);
  if (problems.length > 0) return fail(`The document is not consistent: ${problems.join('; ')}.`);
  return { ok: true, document: parsed.data as TDocumentOf<K> };
}

function issuesText(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path} ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function referenceProblems(document: TProjectDocument | TWorkspaceDocument): string[] {
  const templates =
    'templates' in document ? document.templates : document.template ? [document.template] : [];
  const hashes = new Set(templates.map((template) => template.contentHash));
  const projects = 'projects' in document ? document.projects : [document.project];
  const problems = projects.flatMap((project, index) =>
    projectReferenceProblems(project, hashes).map((problem) =>
      projects.length > 1 || 'projects' in document ? `projects.${index}: ${problem}` : problem,
    ),
  );
  return problems.slice(0, 5);
}
