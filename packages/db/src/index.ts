export { createDb, poolOf, type Db, type DbOptions } from './client';
export * from './generated/enums';
export { Prisma } from './generated/client';
export type * from './generated/models';
export { applyMigrations, MigrationError } from './migrations';
export { startEmbeddedPostgres, EmbeddedDatabaseError, type EmbeddedPostgres } from './embedded';
export {
  openDatabase,
  assertReachable,
  redactUrl,
  DatabaseUnavailableError,
  defaultDataDir,
  type OpenedDatabase,
} from './open-database';
export {
  storeTemplate,
  insertTemplate,
  nextVersionLabel,
  checklistItemColumns,
  type StoreTemplateInput,
  type StoredTemplate,
} from './templates';
export {
  ACTIVITY_CHANNEL,
  listenOnServer,
  NoticeFanOut,
  type ActivityNotices,
  type NoticeListener,
} from './activity-notices';
export { seedBuiltInTemplates, BUILT_IN_TEMPLATE_NAME } from './seed';
