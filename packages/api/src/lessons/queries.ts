// The lesson reads Prisma's query builder cannot express: full-text search,
// tag counts, ordering by tag count. Every one is a `$queryRaw` tagged
// template: input only ever travels as a bound parameter.
import { Prisma, type Db } from '@shipshape/db';
import {
  LESSONS_FOR_STAGE_LIMIT,
  type TLessonMatch,
  type TLessonPage,
  type TLessonTagCount,
} from '@shipshape/domain';
import { decodeLessonCursor, encodeLessonCursor } from './cursor';
import {
  SNIPPET_HEADLINE_OPTIONS,
  TITLE_HEADLINE_OPTIONS,
  escapedSql,
  headlineParts,
} from './highlight';
import { readLessons } from './lesson-view';

export interface LessonFilter {
  workspaceId: string;
  projectId?: string;
  stageKey?: string;
  tag?: string;
}

/** Live lessons of the workspace matching the filter, as `l`. */
function filterSql(filter: LessonFilter): Prisma.Sql {
  const conditions = [
    Prisma.sql`l."workspaceId" = ${filter.workspaceId}::uuid`,
    Prisma.sql`l."deletedAt" IS NULL`,
  ];
  if (filter.projectId) conditions.push(Prisma.sql`l."projectId" = ${filter.projectId}::uuid`);
  if (filter.stageKey) conditions.push(Prisma.sql`l."stageKey" = ${filter.stageKey}`);
  // Containment, so the GIN index on tags answers it.
  if (filter.tag) conditions.push(Prisma.sql`l.tags @> ARRAY[${filter.tag}::text]`);
  return Prisma.join(conditions, ' AND ');
}

/** Newest first: createdAt desc, then id desc; keyset cursor (createdAt, id). */
export async function listNewest(
  db: Db,
  filter: LessonFilter,
  page: { cursor?: string; limit: number },
): Promise<TLessonPage> {
  const after = decodeLessonCursor(page.cursor, 't');
  const afterSql =
    after?.k === 't'
      ? Prisma.sql`AND (l."createdAt", l.id) < (${after.t}::timestamptz, ${after.id}::uuid)`
      : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string; createdAt: Date | string }>>`
    SELECT l.id, l."createdAt" FROM lessons l
    WHERE ${filterSql(filter)} ${afterSql}
    ORDER BY l."createdAt" DESC, l.id DESC
    LIMIT ${page.limit + 1}::int`;
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  const lessons = await readLessons(
    db,
    pageRows.map((row) => row.id),
  );
  return {
    items: lessons.map((lesson) => ({ ...lesson, match: null })),
    nextCursor:
      rows.length > page.limit && last
        ? encodeLessonCursor({ k: 't', t: new Date(last.createdAt).toISOString(), id: last.id })
        : null,
  };
}

/**
 * Full-text search: `websearch_to_tsquery('english', q)` against the stored
 * weighted vector (title A, learnt B, tried and happened C), best first by
 * `ts_rank_cd` with the default weights (A 1.0, B 0.4, C 0.2), ties by id desc;
 * keyset cursor (rank, id). Ranks are compared as float8, which survives the
 * trip through JSON exactly.
 */
export async function search(
  db: Db,
  filter: LessonFilter,
  q: string,
  page: { cursor?: string; limit: number },
): Promise<TLessonPage> {
  const after = decodeLessonCursor(page.cursor, 'r');
  const afterSql =
    after?.k === 'r'
      ? Prisma.sql`WHERE hits.rank < ${after.r}::float8
          OR (hits.rank = ${after.r}::float8 AND hits.id < ${after.id}::uuid)`
      : Prisma.empty;
  const body = Prisma.sql`concat_ws(chr(10), l.learnt, l.tried, l.happened)`;
  // Headlines are computed for the page only: they are the expensive part.
  const rows = await db.$queryRaw<
    Array<{ id: string; rank: number; title: string; snippet: string }>
  >`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS query),
    page AS (
      SELECT hits.id, hits.rank FROM (
        SELECT l.id, ts_rank_cd(l."searchVector", query.query)::float8 AS rank
        FROM lessons l, query
        WHERE ${filterSql(filter)} AND l."searchVector" @@ query.query
      ) hits
      ${afterSql}
      ORDER BY hits.rank DESC, hits.id DESC
      LIMIT ${page.limit + 1}::int
    )
    SELECT page.id, page.rank,
      ts_headline('english', ${escapedSql(Prisma.sql`l.title`)}, query.query,
        ${TITLE_HEADLINE_OPTIONS}) AS title,
      ts_headline('english', ${escapedSql(body)}, query.query,
        ${SNIPPET_HEADLINE_OPTIONS}) AS snippet
    FROM page JOIN lessons l ON l.id = page.id, query
    ORDER BY page.rank DESC, page.id DESC`;
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  const matches = new Map<string, TLessonMatch>(
    pageRows.map((row) => [
      row.id,
      {
        rank: Number(row.rank),
        title: headlineParts(row.title),
        snippet: headlineParts(row.snippet),
      },
    ]),
  );
  const lessons = await readLessons(
    db,
    pageRows.map((row) => row.id),
  );
  return {
    items: lessons.map((lesson) => ({ ...lesson, match: matches.get(lesson.id) ?? null })),
    nextCursor:
      rows.length > page.limit && last
        ? encodeLessonCursor({ k: 'r', r: Number(last.rank), id: last.id })
        : null,
  };
}

/** Each tag of the workspace's live lessons with how many lessons carry it:
 * most used first, then by tag (byte order, so the order never depends on the
 * database's locale). */
export async function tagCounts(
  db: Db,
  workspaceId: string,
  limit: number,
): Promise<TLessonTagCount[]> {
  return db.$queryRaw<TLessonTagCount[]>`
    SELECT tag, count(*)::int AS count
    FROM lessons l CROSS JOIN LATERAL unnest(l.tags) AS tag
    WHERE l."workspaceId" = ${workspaceId}::uuid AND l."deletedAt" IS NULL
    GROUP BY tag
    ORDER BY count DESC, tag COLLATE "C" ASC
    LIMIT ${limit}::int`;
}

/**
 * Lessons filed under `stageKey` in the workspace's projects (except
 * `excludeProjectId`), at most LESSONS_FOR_STAGE_LIMIT, ordered by:
 *   1. the UTC day they were written, newest day first;
 *   2. then the number of tags, most first (within a day, the better-described
 *      lesson leads);
 *   3. then createdAt, newest first; 4. then id, descending (a total order).
 */
export async function idsForStage(
  db: Db,
  input: { workspaceId: string; stageKey: string; excludeProjectId?: string },
): Promise<string[]> {
  const exclude = input.excludeProjectId
    ? Prisma.sql`AND l."projectId" <> ${input.excludeProjectId}::uuid`
    : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT l.id FROM lessons l
    WHERE ${filterSql({ workspaceId: input.workspaceId, stageKey: input.stageKey })} ${exclude}
    ORDER BY date_trunc('day', l."createdAt" AT TIME ZONE 'UTC') DESC,
      cardinality(l.tags) DESC, l."createdAt" DESC, l.id DESC
    LIMIT ${LESSONS_FOR_STAGE_LIMIT}::int`;
  return rows.map((row) => row.id);
}
