import { DatabaseUnavailableError, EmbeddedDatabaseError, MigrationError } from '@shipshape/db';
import { ConfigError } from './env';
import { StartupError } from './run';

const known = [ConfigError, StartupError, DatabaseUnavailableError, EmbeddedDatabaseError];

/** One line a person can act on; a stack trace only for the truly unexpected. */
export function describeStartupFailure(error: unknown): string {
  if (known.some((kind) => error instanceof kind)) {
    return `Shipshape cannot start: ${(error as Error).message}`;
  }
  if (error instanceof MigrationError) {
    return `Shipshape cannot start: a database migration failed: ${error.message}`;
  }
  return `Shipshape cannot start: unexpected error:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
