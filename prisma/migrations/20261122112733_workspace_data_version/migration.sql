-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- Every write records an activity row in its own transaction; bumping the
-- workspace's data version there makes the version change visible exactly
-- when the write commits. The trigger is deferred to COMMIT, so writers of one
-- workspace hold the workspace row's lock only while committing, not while
-- their client finishes the transaction.
CREATE FUNCTION "workspace_data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "workspaces" SET "dataVersion" = "dataVersion" + 1 WHERE id = NEW."workspaceId";
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "workspace_data_version_bump"
    AFTER INSERT ON "activity_log"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "workspace_data_version_bump"();
