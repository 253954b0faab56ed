import { z } from 'zod';
import { CHECKLIST_LIMITS } from '../checklist/schema';
import { kpiValueProblem } from '../kpi/measurement-value';
import { ZCalendarDate, ZEmail, ZId, ZInstant, ZRole, ZUserText, isStorableText } from './common';
import {
  ZEvidenceKind,
  ZInferenceMode,
  ZItemStatus,
  ZKpiDirection,
  ZKpiKind,
  ZProjectApproach,
  ZProjectPhase,
} from './enums';
import { ZLessonTags } from './lesson';
import { ZWorkspaceName } from './workspace';

// Export and import documents: a project or a whole workspace as one JSON
// document that another workspace (or another Shipshape) reads back. No
// database ids travel; things refer to each other by their stable keys, people
// by email, templates by the SHA-256 of their source text.

/** The document version this code writes and the newest it reads. */
export const TRANSFER_FORMAT_VERSION = 1;

/** Bounds on a document's structure, checked before and while it is read. */
export const TRANSFER_LIMITS = {
  /** Characters of the JSON text. Sent as a JSON string, its quotes are escaped (about 15 %
   * more in a real document), which must still fit the API's 6 MB body limit. */
  maxDocumentChars: 5_000_000,
  /** Nesting of objects and arrays; a real document nests 7 deep. */
  maxDepth: 12,
  maxProjects: 200,
  maxTemplates: 50,
  maxMembers: 1000,
  maxStages: 100,
  maxItems: 5000,
  maxLinks: 50,
  maxToolOptions: 50,
  maxEvidencePerItem: 100,
  maxCommentsPerItem: 500,
  maxKpis: 200,
  maxMeasurementsPerKpi: 100_000,
  maxLessons: 2000,
} as const;

const L = TRANSFER_LIMITS;
const ZKey = (max: number) => ZUserText(max, { min: 1, trim: false });
const ZKpiValue = z.number().check((ctx) => {
  const problem = kpiValueProblem(ctx.value);
  if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const ZLongText = z
  .string()
  .max(100_000, 'must be at most 100 000 characters')
  .refine(isStorableText, 'must not contain control characters such as NUL');
const ZHttpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) link' })
  .max(2000)
  .refine(isStorableText, 'must be an http(s) link');
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

/** A person as the exporting server knew them: matched by email on import.
 * `email` is null for someone no longer a member there. */
export const ZTransferPerson = z.strictObject({
  email: ZEmail.nullable(),
  name: ZUserText(200),
});

export const ZTransferTemplate = z.strictObject({
  name: ZUserText(200, { min: 1 }),
  versionLabel: ZUserText(50, { min: 1 }),
  builtIn: z.boolean(),
  contentHash: ZSha256,
  sourceText: z
    .string()
    .min(1)
    .max(CHECKLIST_LIMITS.maxInputBytes, 'must be at most 5 MB')
    .refine(isStorableText, 'must not contain control characters such as NUL'),
});

export const ZTransferStage = z.strictObject({
  key: ZKey(120),
  title: ZUserText(300, { min: 1, trim: false }),
  description: ZLongText.nullable(),
  /** The key of the template stage it was copied from, if any. */
  templateStageKey: ZKey(120).nullable(),
});

const ZTransferEvidence = z.strictObject({
  kind: ZEvidenceKind,
  url: ZHttpUrl,
  label: ZUserText(300, { min: 1, trim: false }),
  createdAt: ZInstant,
  createdBy: ZTransferPerson.nullable(),
});

const ZTransferComment = z.strictObject({
  author: ZTransferPerson.nullable(),
  body: ZUserText(10_000, { min: 1, trim: false }),
  createdAt: ZInstant,
  editedAt: ZInstant.nullable(),
});

export const ZTransferItem = z
  .strictObject({
    key: ZKey(250),
    stageKey: ZKey(120),
    /** Must name an item earlier in the list (parents come first). */
    parentKey: ZKey(250).nullable(),
    position: z.number().int().min(0).max(100_000),
    title: ZUserText(1000, { min: 1, trim: false }),
    body: ZLongText.nullable(),
    links: z
      .array(z.strictObject({ label: ZUserText(1000), url: ZUserText(2000) }))
      .max(L.maxLinks),
    toolOptions: z.array(ZUserText(300)).max(L.maxToolOptions),
    /** The key of the template item it is an instance of, if any. */
    templateItemKey: ZKey(250).nullable(),
    isCustom: z.boolean(),
    removedFromTemplate: z.boolean(),
    status: ZItemStatus,
    notApplicableReason: ZUserText(2000, { min: 1 }).nullable(),
    assignee: ZTransferPerson.nullable(),
    dueDate: ZCalendarDate.nullable(),
    notes: ZUserText(20_000, { trim: false }).nullable(),
    completedAt: ZInstant.nullable(),
    completedBy: ZTransferPerson.nullable(),
    createdAt: ZInstant,
    evidence: z.array(ZTransferEvidence).max(L.maxEvidencePerItem),
    comments: z.array(ZTransferComment).max(L.maxCommentsPerItem),
  })
  .refine((item) => item.status !== 'NOT_APPLICABLE' || item.notApplicableReason !== null, {
    message: 'an N/A item needs its reason',
    path: ['notApplicableReason'],
  });

export const ZTransferKpi = z.strictObject({
  name: ZUserText(200, { min: 1 }),
  kind: ZKpiKind,
  unit: ZUserText(40),
  direction: ZKpiDirection,
  baseline: ZKpiValue.nullable(),
  target: ZKpiValue.nullable(),
  archived: z.boolean(),
  stageKey: ZKey(120).nullable(),
  createdAt: ZInstant,
  createdBy: ZTransferPerson.nullable(),
  measurements: z
    .array(
      z.strictObject({
        value: ZKpiValue,
        recordedAt: ZInstant,
        note: ZUserText(1000).nullable(),
        recordedBy: ZTransferPerson.nullable(),
      }),
    )
    .max(L.maxMeasurementsPerKpi),
});

export const ZTransferLesson = z.strictObject({
  stageKey: ZKey(120).nullable(),
  itemKey: ZKey(250).nullable(),
  title: ZUserText(300, { min: 1 }),
  tried: ZUserText(20_000, { min: 1 }),
  happened: ZUserText(20_000, { min: 1 }),
  learnt: ZUserText(20_000, { min: 1 }),
  tags: ZLessonTags,
  author: ZTransferPerson.nullable(),
  createdAt: ZInstant,
});

export const ZTransferProject = z.strictObject({
  name: ZUserText(200, { min: 1 }),
  description: ZUserText(5000).nullable(),
  phase: ZProjectPhase,
  approach: ZProjectApproach.nullable(),
  inference: ZInferenceMode.nullable(),
  archived: z.boolean(),
  archivedAt: ZInstant.nullable(),
  createdAt: ZInstant,
  createdBy: ZTransferPerson.nullable(),
  /** The `contentHash` of the document's template this checklist came from. */
  templateHash: ZSha256.nullable(),
  currentStageKey: ZKey(120).nullable(),
  stages: z.array(ZTransferStage).max(L.maxStages),
  items: z.array(ZTransferItem).max(L.maxItems),
  kpis: z.array(ZTransferKpi).max(L.maxKpis),
  lessons: z.array(ZTransferLesson).max(L.maxLessons),
});

const header = <F extends string>(format: F) => ({
  format: z.literal(format),
  version: z.literal(TRANSFER_FORMAT_VERSION),
  exportedAt: ZInstant,
});

export const ZProjectDocument = z.strictObject({
  ...header('shipshape.project'),
  /** The project's template, if it has one (built in or the workspace's own). */
  template: ZTransferTemplate.nullable(),
  project: ZTransferProject,
});

export const ZWorkspaceDocument = z.strictObject({
  ...header('shipshape.workspace'),
  workspace: z.strictObject({ name: ZWorkspaceName, description: ZUserText(2000).nullable() }),
  members: z
    .array(z.strictObject({ email: ZEmail, name: ZUserText(200), role: ZRole }))
    .max(L.maxMembers),
  templates: z.array(ZTransferTemplate).max(L.maxTemplates),
  projects: z.array(ZTransferProject).max(L.maxProjects),
});

export type TTransferPerson = z.infer<typeof ZTransferPerson>;
export type TTransferTemplate = z.infer<typeof ZTransferTemplate>;
export type TTransferProject = z.infer<typeof ZTransferProject>;
export type TTransferItem = z.infer<typeof ZTransferItem>;
export type TProjectDocument = z.infer<typeof ZProjectDocument>;
export type TWorkspaceDocument = z.infer<typeof ZWorkspaceDocument>;
/** What an export writes: dates as ISO strings, as in the JSON text. */
export type TProjectDocumentJson = z.input<typeof ZProjectDocument>;

export const ZProjectExportFormat = z.enum(['json', 'markdown', 'csv-items', 'csv-measurements']);

export const ZProjectExportInput = z.strictObject({
  projectId: ZId,
  format: ZProjectExportFormat.default('json'),
});

/** The document travels as its JSON text: it is read in a worker, off the event loop. */
const ZDocumentText = z
  .string()
  .min(1, 'is required')
  .max(TRANSFER_LIMITS.maxDocumentChars, 'must be at most 5 MB');

export const ZProjectImportInput = z.strictObject({ workspaceId: ZId, document: ZDocumentText });
export const ZWorkspaceExportInput = z.strictObject({ workspaceId: ZId });
export const ZWorkspaceImportInput = z.strictObject({
  document: ZDocumentText,
  /** The new workspace's name; omitted, the document's. */
  name: ZWorkspaceName.optional(),
});

/** A downloadable export: the file's name, media type and text. */
export const ZExportFile = z.object({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type TExportFile = z.infer<typeof ZExportFile>;

/** What an import did, and what it could not keep as it was. */
export const ZImportReport = z.object({
  templates: z.array(z.object({ name: z.string(), versionLabel: z.string(), reused: z.boolean() })),
  projects: z.number().int(),
  items: z.number().int(),
  comments: z.number().int(),
  measurements: z.number().int(),
  lessons: z.number().int(),
  /** People the document names whom this workspace has no member for, by email
   * (or by name when the document has no email): their items are unassigned,
   * their comments keep their name in the text. */
  unmatchedPeople: z.array(z.string()),
});
export type TImportReport = z.infer<typeof ZImportReport>;

/** A workspace import also lists the document's members: joining takes an
 * invitation each person accepts, so none is added without one. */
export const ZWorkspaceImportReport = ZImportReport.extend({
  membersToInvite: z.array(z.object({ email: z.string(), role: ZRole })),
});
export type TWorkspaceImportReport = z.infer<typeof ZWorkspaceImportReport>;
