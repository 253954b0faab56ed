-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "sharedVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "project_stage_counts" (
    "stageId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "todo" INTEGER NOT NULL DEFAULT 0,
    "inProgress" INTEGER NOT NULL DEFAULT 0,
    "blocked" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "notApplicable" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "project_stage_counts_pkey" PRIMARY KEY ("stageId")
);

-- CreateTable
CREATE TABLE "project_stage_due" (
    "stageId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "projectId" UUID NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "project_stage_due_pkey" PRIMARY KEY ("stageId","dueDate")
);

-- CreateIndex
CREATE INDEX "project_stage_counts_projectId_idx" ON "project_stage_counts"("projectId");

-- CreateIndex
CREATE INDEX "project_stage_due_projectId_idx" ON "project_stage_due"("projectId");

-- AddForeignKey
ALTER TABLE "project_stage_counts" ADD CONSTRAINT "project_stage_counts_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "project_stages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_stage_due" ADD CONSTRAINT "project_stage_due_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "project_stages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keeping the counts: every statement that inserts, updates or deletes items
-- adds its net change per stage and status (and, for open items with a due
-- date, per stage and date) in the same transaction, so the figures are those
-- of a recount whatever wrote the items (the API, an upgrade, a cascade).
-- Statement-level triggers: a bulk write is one aggregate, and count rows are
-- written in stage order, so concurrent writers queue instead of deadlocking.
-- A change that moves no count (notes, an assignee) touches no count row.
CREATE FUNCTION "project_items_apply_deltas"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    WITH net AS (
        SELECT d."stageId", d."projectId", d.status, sum(d.sign)::int AS n
          FROM jsonb_to_recordset(deltas)
               AS d("stageId" uuid, "projectId" uuid, status text, "dueDate" date, sign int)
         GROUP BY d."stageId", d."projectId", d.status
        HAVING sum(d.sign) <> 0
    )
    INSERT INTO "project_stage_counts" AS c
           ("stageId", "projectId", "todo", "inProgress", "blocked", "done", "notApplicable")
    SELECT net."stageId", net."projectId",
           coalesce(sum(n) FILTER (WHERE status = 'TODO'), 0),
           coalesce(sum(n) FILTER (WHERE status = 'IN_PROGRESS'), 0),
           coalesce(sum(n) FILTER (WHERE status = 'BLOCKED'), 0),
           coalesce(sum(n) FILTER (WHERE status = 'DONE'), 0),
           coalesce(sum(n) FILTER (WHERE status = 'NOT_APPLICABLE'), 0)
      FROM net
     -- A stage deleted in this transaction (with its items) keeps no row.
     WHERE EXISTS (SELECT 1 FROM "project_stages" s WHERE s.id = net."stageId")
     GROUP BY net."stageId", net."projectId"
     ORDER BY net."stageId"
    ON CONFLICT ("stageId") DO UPDATE SET
           "todo" = c."todo" + EXCLUDED."todo",
           "inProgress" = c."inProgress" + EXCLUDED."inProgress",
           "blocked" = c."blocked" + EXCLUDED."blocked",
           "done" = c."done" + EXCLUDED."done",
           "notApplicable" = c."notApplicable" + EXCLUDED."notApplicable";

    -- Open items by due date. The open statuses are the domain's OPEN_STATUSES;
    -- tests/integration/tracking/stage-counts.test.ts pins these rows to it.
    WITH net AS (
        SELECT d."stageId", d."projectId", d."dueDate", sum(d.sign)::int AS n
          FROM jsonb_to_recordset(deltas)
               AS d("stageId" uuid, "projectId" uuid, status text, "dueDate" date, sign int)
         WHERE d."dueDate" IS NOT NULL AND d.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
         GROUP BY d."stageId", d."projectId", d."dueDate"
        HAVING sum(d.sign) <> 0
    )
    INSERT INTO "project_stage_due" AS due ("stageId", "dueDate", "projectId", "open")
    SELECT net."stageId", net."dueDate", net."projectId", net.n
      FROM net
     WHERE EXISTS (SELECT 1 FROM "project_stages" s WHERE s.id = net."stageId")
     ORDER BY net."stageId", net."dueDate"
    ON CONFLICT ("stageId", "dueDate") DO UPDATE SET "open" = due."open" + EXCLUDED."open";
END;
$$;

-- Transition tables are seen only by the trigger's own function: it signs the
-- rows (+1 as they are now, -1 as they were) and hands them on.
CREATE FUNCTION "project_items_keep_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_object('stageId', n."stageId", 'projectId', n."projectId",
                   'status', n.status, 'dueDate', n."dueDate", 'sign', 1))
          INTO deltas FROM new_items n;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_object('stageId', o."stageId", 'projectId', o."projectId",
                   'status', o.status, 'dueDate', o."dueDate", 'sign', -1))
          INTO deltas FROM old_items o;
    ELSE
        -- Only rows whose stage, status or due date changed.
        SELECT jsonb_agg(x.delta) INTO deltas
          FROM new_items n
          JOIN old_items o ON o.id = n.id
         CROSS JOIN LATERAL (VALUES
               (jsonb_build_object('stageId', n."stageId", 'projectId', n."projectId",
                   'status', n.status, 'dueDate', n."dueDate", 'sign', 1)),
               (jsonb_build_object('stageId', o."stageId", 'projectId', o."projectId",
                   'status', o.status, 'dueDate', o."dueDate", 'sign', -1))) AS x(delta)
         WHERE (n."stageId", n.status, n."dueDate") IS DISTINCT FROM (o."stageId", o.status, o."dueDate");
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM "project_items_apply_deltas"(deltas);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "project_items_counts_insert" AFTER INSERT ON "project_items"
    REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION "project_items_keep_counts"();
CREATE TRIGGER "project_items_counts_update" AFTER UPDATE ON "project_items"
    REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION "project_items_keep_counts"();
CREATE TRIGGER "project_items_counts_delete" AFTER DELETE ON "project_items"
    REFERENCING OLD TABLE AS old_items
    FOR EACH STATEMENT EXECUTE FUNCTION "project_items_keep_counts"();

-- Recounts both tables from the items: for the rows there are now, and after
-- a restore (which loads with triggers off, possibly from a backup made before
-- these tables existed).
CREATE FUNCTION "project_stage_counts_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "project_stage_counts";
    DELETE FROM "project_stage_due";
    INSERT INTO "project_stage_counts"
           ("stageId", "projectId", "todo", "inProgress", "blocked", "done", "notApplicable")
    SELECT "stageId", "projectId",
           count(*) FILTER (WHERE status = 'TODO'),
           count(*) FILTER (WHERE status = 'IN_PROGRESS'),
           count(*) FILTER (WHERE status = 'BLOCKED'),
           count(*) FILTER (WHERE status = 'DONE'),
           count(*) FILTER (WHERE status = 'NOT_APPLICABLE')
      FROM "project_items"
     GROUP BY "stageId", "projectId";
    INSERT INTO "project_stage_due" ("stageId", "dueDate", "projectId", "open")
    SELECT "stageId", "dueDate", "projectId", count(*)
      FROM "project_items"
     WHERE "dueDate" IS NOT NULL AND status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
     GROUP BY "stageId", "dueDate", "projectId";
END;
$$;
SELECT "project_stage_counts_rebuild"();

-- Versions scoped to what a write touched: a project's own writes bump its
-- version (its cached reads key on it, so other projects' stay cached); writes
-- that belong to no project (members, the workspace) bump the shared version
-- every project's reads also key on. The workspace's version still moves with
-- every write (the portfolio keys on it).
CREATE OR REPLACE FUNCTION "workspace_data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."projectId" IS NULL THEN
        UPDATE "workspaces"
           SET "dataVersion" = "dataVersion" + 1, "sharedVersion" = "sharedVersion" + 1
         WHERE id = NEW."workspaceId";
    ELSE
        UPDATE "projects" SET "dataVersion" = "dataVersion" + 1 WHERE id = NEW."projectId";
        UPDATE "workspaces" SET "dataVersion" = "dataVersion" + 1 WHERE id = NEW."workspaceId";
    END IF;
    RETURN NULL;
END;
$$;
