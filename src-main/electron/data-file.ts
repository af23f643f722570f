import { resolve } from 'node:path';
import type { AppErrorData } from '../ipc/contract';

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
