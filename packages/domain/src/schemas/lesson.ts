import { z } from 'zod';
import { ZCursor, ZId, ZPageSize, ZUserText, ZVersionedRef, isStorableText } from './common';

// Lessons learnt ("what didn't work"): written in one project, read across the
// whole workspace, so one team learns from another's failures.

const NUL_MESSAGE = 'must not contain control characters such as NUL';

const ZLessonTitle = ZUserText(300, { min: 1 });
const ZLessonBody = ZUserText(20_000, { min: 1 });

/** A tag is trimmed and lower-cased, so "NLP " and "nlp" are one tag. */
export const ZLessonTag = z
  .string()
  .trim()
  .min(1, 'must be at least 1 character')
  .max(40, 'must be at most 40 characters')
  .refine(isStorableText, NUL_MESSAGE)
  .toLowerCase();

/** Up to 20 tags; duplicates (after trimming and lower-casing) are dropped,
 * keeping the first occurrence's position. */
export const ZLessonTags = z
  .array(ZLessonTag)
  .max(20, 'must have at most 20 tags')
  .transform((tags) => [...new Set(tags)]);

/** A stage's stable key (the same stage in every project made from a template). */
export const ZLessonStageKey = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(120, 'must be at most 120 characters')
  .refine(isStorableText, NUL_MESSAGE);

export const ZLessonCreateInput = z.strictObject({
  projectId: ZId,
  /** Must be a stage of the project. Omitted with an itemId: the item's stage. */
  stageKey: ZLessonStageKey.optional(),
  /** Must be a checklist item of the project (and of the stage, if both are given). */
  itemId: ZId.optional(),
  title: ZLessonTitle,
  tried: ZLessonBody,
  happened: ZLessonBody,
  learnt: ZLessonBody,
  tags: ZLessonTags.default([]),
});
export type TLessonCreateInput = z.infer<typeof ZLessonCreateInput>;

/** Omitted fields stay as they are; `null` clears the stage or the item. */
export const ZLessonUpdateInput = ZVersionedRef('lessonId').extend({
  stageKey: ZLessonStageKey.nullable().optional(),
  itemId: ZId.nullable().optional(),
  title: ZLessonTitle.optional(),
  tried: ZLessonBody.optional(),
  happened: ZLessonBody.optional(),
  learnt: ZLessonBody.optional(),
  tags: ZLessonTags.optional(),
});
export type TLessonUpdateInput = z.infer<typeof ZLessonUpdateInput>;

export const ZLessonDeleteInput = ZVersionedRef('lessonId');

export const ZLessonRef = z.strictObject({ lessonId: ZId });

/**
 * Lessons across the whole workspace, optionally narrowed to a project, a
 * stage key and a tag, and searched with `q`.
 *
 * Ordering: without `q`, newest first (createdAt desc, then id desc); with
 * `q`, best match first (ts_rank_cd over the weighted search vector: title A,
 * learnt B, tried and happened C; ties by id desc).
 *
 * Pagination: `cursor` is the `nextCursor` of the previous page, an opaque
 * string. It is a keyset position, (createdAt, id) without `q` and
 * (rank, id) with `q`, so rows added or removed between pages neither shift
 * nor repeat the rest. A cursor from a search works only with a search.
 */
export const ZLessonListInput = z.strictObject({
  workspaceId: ZId,
  projectId: ZId.optional(),
  stageKey: ZLessonStageKey.optional(),
  tag: ZLessonTag.optional(),
  /** Web-search syntax: words, "quoted phrases", or, -excluded. Blank means no search. */
  q: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .refine(isStorableText, NUL_MESSAGE)
    .optional()
    .transform((q) => (q ? q : undefined)),
  cursor: ZCursor,
  limit: ZPageSize,
});
export type TLessonListInput = z.infer<typeof ZLessonListInput>;

export const ZLessonTagsInput = z.strictObject({
  workspaceId: ZId,
  /** The most used tags first; at most this many. */
  limit: z.number().int().min(1).max(1000).default(200),
});

export const ZLessonForStageInput = z.strictObject({
  workspaceId: ZId,
  stageKey: ZLessonStageKey,
  /** Usually the asking project itself: lessons other projects logged. */
  excludeProjectId: ZId.optional(),
});

/** How many lessons `lesson.forStage` answers at most. */
export const LESSONS_FOR_STAGE_LIMIT = 20;

export const ZLesson = z.object({
  id: ZId,
  workspaceId: ZId,
  project: z.object({ id: ZId, name: z.string() }),
  stageKey: z.string().nullable(),
  item: z.object({ id: ZId, title: z.string() }).nullable(),
  title: z.string(),
  tried: z.string(),
  happened: z.string(),
  learnt: z.string(),
  tags: z.array(z.string()),
  /** Null when the author's account is gone. */
  author: z.object({ id: ZId, name: z.string() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type TLesson = z.infer<typeof ZLesson>;

/**
 * Highlighted text as parts, in order: `match` parts are the words the search
 * matched. Every part is plain text (never HTML), so a client renders it as
 * text and wraps matches in <mark> itself.
 */
export const ZLessonHighlight = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type TLessonHighlight = z.infer<typeof ZLessonHighlight>;

export const ZLessonMatch = z.object({
  /** ts_rank_cd of the lesson against the query; higher is better. */
  rank: z.number(),
  /** The whole title, with matches marked. */
  title: ZLessonHighlight,
  /** Up to three fragments of learnt, tried and happened (in that order) around
   * the matches, joined by " … ". */
  snippet: ZLessonHighlight,
});
export type TLessonMatch = z.infer<typeof ZLessonMatch>;

export const ZLessonHit = ZLesson.extend({
  /** Present when the list was a search (`q`), null otherwise. */
  match: ZLessonMatch.nullable(),
});
export type TLessonHit = z.infer<typeof ZLessonHit>;

export const ZLessonPage = z.object({
  items: z.array(ZLessonHit),
  nextCursor: z.string().nullable(),
});
export type TLessonPage = z.infer<typeof ZLessonPage>;

export const ZLessonTagCount = z.object({ tag: z.string(), count: z.number().int() });
export type TLessonTagCount = z.infer<typeof ZLessonTagCount>;

export const ZLessonDeleted = z.object({
  id: ZId,
  deletedAt: z.date(),
  version: z.number().int(),
});
