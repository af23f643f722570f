import { join, resolve } from 'node:path';
import type { AppErrorData } from '../ipc/contract';

export const DATA_FILE_NAME = 'loyalty.db';

/**
 * The SQLite file the app opens: LOYALTY_DB when set (tests and the e2e run point it at a
 * temp file; an operator can keep the data on another disk), else loyalty.db in Electron's
 * per-user data folder.
 */
export function resolveDataFile(env: Record<string, string | undefined>, userDataDir: string): string {
  const override = env.LOYALTY_DB?.trim();
  if (override) return resolve(override);
  return join(userDataDir, DATA_FILE_NAME);
}

/**
 * LOYALTY_USER_DATA moves Electron's own profile (caches, window state, the single-instance
 * lock) so that an e2e run neither touches nor is locked out by the operator's running app.
 */
export function resolveUserDataOverride(env: Record<string, string | undefined>): string | undefined {
  const override = env.LOYALTY_USER_DATA?.trim();
  return override ? resolve(override) : undefined;
}

/** The one message shown (in an error box, before quitting) when the core host cannot open the data file. */
export function describeOpenFailure(file: string, error: AppErrorData): string {
  // A newer file's message already names the file and says what to do.
  if (error.code === 'DATABASE_NEWER') return error.message;
  return `Loyalty Desk could not open its data file ${file}: ${error.message}`;
}
