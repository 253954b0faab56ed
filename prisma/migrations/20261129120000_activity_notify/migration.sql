-- Live updates: every committed activity row is announced on the channel
-- "shipshape_activity" with a small JSON payload, so every API process (each
-- LISTENs on one connection) can tell its subscribers what changed. NOTIFY is
-- transactional: the payload is delivered when the writer's transaction
-- commits, never for one that rolls back. Every write records its activity row
-- in its own transaction, so each committed change is announced exactly once.
CREATE FUNCTION "activity_log_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('shipshape_activity', json_build_object(
        'id', NEW.id::text,
        'workspaceId', NEW."workspaceId",
        'projectId', NEW."projectId",
        'actorId', NEW."actorId",
        'entityType', NEW."entityType",
        'entityId', NEW."entityId",
        'action', NEW.action
    )::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER "activity_log_notify"
    AFTER INSERT ON "activity_log"
    FOR EACH ROW EXECUTE FUNCTION "activity_log_notify"();
