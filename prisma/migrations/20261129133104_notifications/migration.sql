-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNED', 'UNASSIGNED', 'MENTIONED', 'COMMENTED', 'STATUS_CHANGED', 'DUE_SOON', 'OVERDUE', 'INVITATION_ACCEPTED', 'KPI_OFF_TRACK');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL', 'OFF');

-- CreateTable
CREATE TABLE "notification_outbox" (
    "activityId" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_outbox_pkey" PRIMARY KEY ("activityId")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID,
    "itemId" UUID,
    "kpiId" UUID,
    "actorId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "sourceKey" VARCHAR(120) NOT NULL,
    "activityId" BIGINT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailDueAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),
    "emailJob" VARCHAR(64),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_watches" (
    "userId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "watching" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_watches_pkey" PRIMARY KEY ("userId","itemId")
);

-- CreateTable
CREATE TABLE "project_watches" (
    "userId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_watches_pkey" PRIMARY KEY ("userId","projectId")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "userId" UUID NOT NULL,
    "timeZone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "digestHour" INTEGER NOT NULL DEFAULT 8,
    "lastDigestOn" DATE,
    "unsubscribedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "kpi_track_state" (
    "kpiId" UUID NOT NULL,
    "onTrack" BOOLEAN,

    CONSTRAINT "kpi_track_state_pkey" PRIMARY KEY ("kpiId")
);

-- CreateIndex
CREATE INDEX "notifications_recipientId_id_idx" ON "notifications"("recipientId", "id");

-- CreateIndex
CREATE INDEX "notifications_recipientId_emailedAt_idx" ON "notifications"("recipientId", "emailedAt");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_recipientId_kind_sourceKey_key" ON "notifications"("recipientId", "kind", "sourceKey");

-- CreateIndex
CREATE INDEX "item_watches_itemId_idx" ON "item_watches"("itemId");

-- CreateIndex
CREATE INDEX "project_watches_projectId_idx" ON "project_watches"("projectId");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "project_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_watches" ADD CONSTRAINT "item_watches_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_watches" ADD CONSTRAINT "item_watches_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "project_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_watches" ADD CONSTRAINT "project_watches_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_watches" ADD CONSTRAINT "project_watches_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_track_state" ADD CONSTRAINT "kpi_track_state_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Notifications are derived from the activity log, which every write appends
-- to in its own transaction (item updates in one statement, with no hook in
-- JavaScript). This trigger queues each activity row for the notification job
-- in that same transaction: committed together with the write, or not at all.
-- The check constraints keep what the job and the procedures rely on.
CREATE FUNCTION "notification_outbox_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "notification_outbox" ("activityId") VALUES (NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER "notification_outbox_append"
    AFTER INSERT ON "activity_log"
    FOR EACH ROW EXECUTE FUNCTION "notification_outbox_append"();

ALTER TABLE "notification_settings"
    ADD CONSTRAINT "notification_settings_digestHour_check" CHECK ("digestHour" BETWEEN 0 AND 23);
