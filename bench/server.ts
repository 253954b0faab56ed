// The benchmark's server process: the real API (Fastify + tRPC + Prisma) and,
// on the same Fastify instance, bare routes that run the same SQL over `pg`,
// so both paths are measured side by side in one run.
import pg from 'pg';
import { buildServer } from '@shipshape/api-server';
import { callerInWorkspaceSql } from '@shipshape/api/access';
import { itemWriteSql } from '@shipshape/api/items/write-item';
import { createDb } from '@shipshape/db';

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const port = Number(process.env.BENCH_API_PORT ?? 0);
const db = createDb({ connectionString: databaseUrl, poolSize: 10 });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

const app = await buildServer({
  db,
  jwtSecret: 'benchmark-secret-that-is-long-enough-for-hs256',
  webOrigins: [],
  loginRateLimits: { perIp: 1_000_000, perAccount: 1_000_000 },
});

const today = () => new Date().toISOString().slice(0, 10);

app.get<{ Querystring: { projectId: string } }>('/raw/dashboard.project', async (request) => {
  const { projectId } = request.query;
  const [stages, overdue, blocked, workload, kpis, lessons, activity] = await Promise.all([
    pool.query(
      `SELECT s.key, s.title, s.position, i.status::text AS status, count(i.id)::int AS n,
              (count(i.id) FILTER (WHERE i.status IN ('TODO','IN_PROGRESS','BLOCKED') AND i."dueDate" < $2::date))::int AS overdue
         FROM project_stages s LEFT JOIN project_items i ON i."stageId" = s.id
        WHERE s."projectId" = $1 GROUP BY s.id, i.status ORDER BY s.position`,
      [projectId, today()],
    ),
    pool.query(
      `SELECT i.id, i.title, i.status, i."dueDate", s.key, u.id AS uid, u.name FROM project_items i
         JOIN project_stages s ON s.id = i."stageId" LEFT JOIN users u ON u.id = i."assigneeId"
        WHERE i."projectId" = $1 AND i.status IN ('TODO','IN_PROGRESS','BLOCKED') AND i."dueDate" < $2::date
        ORDER BY i."dueDate", i.id LIMIT 20`,
      [projectId, today()],
    ),
    pool.query(
      `SELECT i.id, i.title, i.status, i."dueDate", s.key, u.id AS uid, u.name FROM project_items i
         JOIN project_stages s ON s.id = i."stageId" LEFT JOIN users u ON u.id = i."assigneeId"
        WHERE i."projectId" = $1 AND i.status = 'BLOCKED' ORDER BY i."updatedAt" DESC, i.id LIMIT 20`,
      [projectId],
    ),
    pool.query(
      `SELECT i."assigneeId", u.name, count(*) FILTER (WHERE i.status IN ('TODO','IN_PROGRESS','BLOCKED'))::int AS open,
              count(*) FILTER (WHERE i.status = 'DONE')::int AS done
         FROM project_items i LEFT JOIN users u ON u.id = i."assigneeId"
        WHERE i."projectId" = $1 AND i.status <> 'NOT_APPLICABLE' GROUP BY i."assigneeId", u.name`,
      [projectId],
    ),
    pool.query(
      `SELECT k.*, m.value, m."recordedAt" FROM kpis k
         LEFT JOIN LATERAL (SELECT value, "recordedAt" FROM kpi_measurements WHERE "kpiId" = k.id
                            ORDER BY "recordedAt" DESC LIMIT 1) m ON true
        WHERE k."projectId" = $1 AND NOT k.archived ORDER BY k.name`,
      [projectId],
    ),
    pool.query(
      `SELECT l.id, l.title, l."stageKey", l.tags, l."createdAt", u.name FROM lessons l LEFT JOIN users u ON u.id = l."authorId"
        WHERE l."projectId" = $1 AND l."deletedAt" IS NULL ORDER BY l."createdAt" DESC LIMIT 5`,
      [projectId],
    ),
    pool.query(
      `SELECT a.id::text, a.action, a."entityType", a."entityId", a.at, u.name FROM activity_log a
         LEFT JOIN users u ON u.id = a."actorId" WHERE a."projectId" = $1 ORDER BY a.id DESC LIMIT 10`,
      [projectId],
    ),
  ]);
  return {
    stages: stages.rows,
    overdue: overdue.rows,
    blocked: blocked.rows,
    workload: workload.rows,
    kpis: kpis.rows,
    lessons: lessons.rows,
    activity: activity.rows,
  };
});

app.get<{ Querystring: { workspaceId: string } }>('/raw/dashboard.workspace', async (request) => {
  const { workspaceId } = request.query;
  const [projects, cells, kpis] = await Promise.all([
    pool.query(
      `SELECT p.id, p.name, p.slug, p.phase, s.key FROM projects p LEFT JOIN project_stages s ON s.id = p."currentStageId"
        WHERE p."workspaceId" = $1 AND NOT p.archived ORDER BY p.name, p.id`,
      [workspaceId],
    ),
    pool.query(
      `SELECT i."projectId", s.key, s.title, s.position, i.status::text AS status, count(*)::int AS n,
              (count(*) FILTER (WHERE i.status IN ('TODO','IN_PROGRESS','BLOCKED') AND i."dueDate" < $2::date))::int AS overdue
         FROM project_items i JOIN project_stages s ON s.id = i."stageId" JOIN projects p ON p.id = i."projectId"
        WHERE p."workspaceId" = $1 AND NOT p.archived GROUP BY i."projectId", s.key, s.title, s.position, i.status`,
      [workspaceId, today()],
    ),
    pool.query(
      `SELECT k.id, k."projectId", k.direction, k.baseline, k.target, m.value FROM kpis k
         LEFT JOIN LATERAL (SELECT value FROM kpi_measurements WHERE "kpiId" = k.id ORDER BY "recordedAt" DESC LIMIT 1) m ON true
        WHERE k."workspaceId" = $1 AND NOT k.archived`,
      [workspaceId],
    ),
  ]);
  return { projects: projects.rows, cells: cells.rows, kpis: kpis.rows };
});

app.get<{ Querystring: { projectId: string; stageKey: string } }>(
  '/raw/item.list',
  async (request) => {
    const { rows } = await pool.query(
      `SELECT i.*, s.key AS "stageKey", a.name AS "assigneeName", c.name AS "completedByName",
            (SELECT coalesce(json_agg(e ORDER BY e."createdAt"), '[]') FROM evidence_links e WHERE e."itemId" = i.id) AS evidence,
            (SELECT count(*)::int FROM comments m WHERE m."itemId" = i.id AND m."deletedAt" IS NULL) AS comments
       FROM project_items i JOIN project_stages s ON s.id = i."stageId"
       LEFT JOIN users a ON a.id = i."assigneeId" LEFT JOIN users c ON c.id = i."completedById"
      WHERE i."projectId" = $1 AND s.key = $2
      ORDER BY s.position, i.depth, i.position, i.id LIMIT 201`,
      [request.query.projectId, request.query.stageKey],
    );
    return { items: rows };
  },
);

type ItemUpdateRequest = { Body: { itemId: string; expectedVersion: number; notes: string } };

// The API's own statements for item.update (the caller check, then the write
// with its activity row and the item as answered), sent over `pg`: what the
// API adds over its SQL. The JWT is decoded, not verified: its cost is the API's.
app.post<ItemUpdateRequest>('/raw/item.update', async (request, reply) => {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    sid: string;
  };
  const { itemId, expectedVersion, notes } = request.body;
  const access = await pool.query(callerInWorkspaceSql('item'), [claims.sub, itemId, claims.sid]);
  const workspaceId = access.rows[0]?.workspaceId as string | undefined;
  if (!workspaceId) return reply.code(404).send({ error: 'not found' });
  const write = itemWriteSql({
    itemId,
    expectedVersion,
    data: { notes },
    updatedAt: new Date(),
    actor: { id: claims.sub, workspaceId },
  });
  const { rows } = await pool.query(write.text, write.values);
  if (rows.length === 0) return reply.code(409).send({ error: 'conflict' });
  return rows[0];
});

// A hand-written transaction without a caller check: update, then the activity row.
app.post<ItemUpdateRequest>('/raw/item.update-bare', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `UPDATE project_items SET notes = $3, version = version + 1, "updatedAt" = now()
        WHERE id = $1 AND version = $2 RETURNING *`,
      [request.body.itemId, request.body.expectedVersion, request.body.notes],
    );
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      return reply.code(409).send({ error: 'conflict' });
    }
    await client.query(
      `INSERT INTO activity_log ("workspaceId", "projectId", action, "entityType", "entityId", after)
       VALUES ($1, $2, 'item.updated', 'item', $3, $4)`,
      [
        rows[0].workspaceId,
        rows[0].projectId,
        rows[0].id,
        JSON.stringify({ notes: request.body.notes }),
      ],
    );
    await client.query('COMMIT');
    return rows[0];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
});

app.get<{ Querystring: { kpiId: string } }>('/raw/kpi.series', async (request) => {
  const { kpiId } = request.query;
  const { rows: range } = await pool.query(
    `SELECT count(*)::int AS n, min("recordedAt") AS first, max("recordedAt") AS last FROM kpi_measurements WHERE "kpiId" = $1`,
    [kpiId],
  );
  const { n, first, last } = range[0];
  if (n <= 500) {
    const { rows } = await pool.query(
      `SELECT "recordedAt", value FROM kpi_measurements WHERE "kpiId" = $1 ORDER BY "recordedAt", id`,
      [kpiId],
    );
    return { points: rows };
  }
  const width = Math.max(1, Math.ceil((last.getTime() - first.getTime() + 1) / 500));
  const { rows } = await pool.query(
    `SELECT date_bin($2 * interval '1 millisecond', "recordedAt", $3::timestamptz) AS t,
            min(value), max(value), avg(value), count(*)::int FROM kpi_measurements WHERE "kpiId" = $1 GROUP BY 1 ORDER BY 1`,
    [kpiId, width, first],
  );
  return { points: rows };
});

app.get<{ Querystring: { workspaceId: string; q: string } }>(
  '/raw/lesson.list',
  async (request) => {
    const escaped = (col: string) =>
      `replace(replace(replace(${col}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
    const { rows } = await pool.query(
      `WITH query AS (SELECT websearch_to_tsquery('english', $2) AS query),
     page AS (SELECT l.id, ts_rank_cd(l."searchVector", query.query)::float8 AS rank FROM lessons l, query
               WHERE l."workspaceId" = $1 AND l."deletedAt" IS NULL AND l."searchVector" @@ query.query
               ORDER BY rank DESC, l.id DESC LIMIT 51)
     SELECT l.*, page.rank, u.name AS author, p.name AS project,
            ts_headline('english', ${escaped('l.title')}, query.query, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS hl_title,
            ts_headline('english', ${escaped('concat_ws(chr(10), l.learnt, l.tried, l.happened)')}, query.query,
                        'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=24, MinWords=8') AS hl_snippet
       FROM page JOIN lessons l ON l.id = page.id JOIN projects p ON p.id = l."projectId"
       LEFT JOIN users u ON u.id = l."authorId", query
      ORDER BY page.rank DESC, page.id DESC`,
      [request.query.workspaceId, request.query.q],
    );
    return { items: rows };
  },
);

await app.listen({ port, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ ready: true, port: typeof address === 'object' && address ? address.port : port });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  await db.$disconnect();
  process.exit(0);
});
