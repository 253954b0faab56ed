-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- Every write records an activity row in its own transaction; bumping the
-- workspace's data version there makes the version change visible exactly
-- when the write commits (writers of one workspace serialise on this row).
CREATE FUNCTION "workspace_data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "workspaces" SET "dataVersion" = "dataVersion" + 1 WHERE id = NEW."workspaceId";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "workspace_data_version_bump"
    AFTER INSERT ON "activity_log"
    FOR EACH ROW EXECUTE FUNCTION "workspace_data_version_bump"();
