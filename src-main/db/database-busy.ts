// Two windows or commands on one data file: SQLite lets one writer at a time. A writer waits
// for the other up to the busy timeout; past it the operator hears what is going on, never
// the generic "something went wrong".
import { AppError } from '../core/app-error';

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * How long a write waits for another window or command to finish, in milliseconds:
 * LOYALTY_BUSY_TIMEOUT_MS when it is a whole number (tests make it short), 5 seconds otherwise.
 */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.LOYALTY_BUSY_TIMEOUT_MS?.trim();
  if (text && /^\d{1,7}$/.test(text)) return Number(text);
  return DEFAULT_BUSY_TIMEOUT_MS;
}

/** SQLITE_BUSY and SQLITE_LOCKED with their extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE...). */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function databaseBusyError(file?: string): AppError {
  const which = file && file !== ':memory:' ? `the data file ${file}` : 'the data file';
  return new AppError(
    'DATABASE_BUSY',
    `Another Loyalty Desk window or command is using ${which}; nothing was written. Try again when it has finished.`,
    file ? { file } : undefined,
  );
}

/** The busy error as an AppError; any other error as it was. */
export function asBusyError(error: unknown, file?: string): unknown {
  return isDatabaseBusy(error) ? databaseBusyError(file) : error;
}
