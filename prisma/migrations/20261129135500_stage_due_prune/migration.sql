-- project_stage_due dropped no row when a date's last open item closed or
-- moved, so rows with open = 0 piled up (one per date ever used per stage).
-- Same function, plus: rows that reach zero are deleted; existing ones too.
CREATE OR REPLACE FUNCTION "project_items_apply_deltas"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
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

    -- A date with no open item left keeps no row, so the table holds the dates
    -- in use, not every date ever set. (A concurrent writer adding to the same
    -- date waits for this row lock, then inserts afresh; one that got there
    -- first has made it non-zero, and the re-checked condition spares it.)
    DELETE FROM "project_stage_due" due
     USING (SELECT DISTINCT d."stageId", d."dueDate"
              FROM jsonb_to_recordset(deltas) AS d("stageId" uuid, "dueDate" date)
             WHERE d."dueDate" IS NOT NULL) touched
     WHERE due."stageId" = touched."stageId" AND due."dueDate" = touched."dueDate"
       AND due."open" = 0;
END;
$$;

DELETE FROM "project_stage_due" WHERE "open" = 0;
