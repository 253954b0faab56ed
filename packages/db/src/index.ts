export { createDb, type Db, type DbOptions } from './client';
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
  nextVersionLabel,
  checklistItemColumns,
  type StoreTemplateInput,
  type StoredTemplate,
} from './templates';
export { seedBuiltInTemplates, BUILT_IN_TEMPLATE_NAME } from './seed';
