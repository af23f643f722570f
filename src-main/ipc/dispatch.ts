import { contract, CHANNELS, RELAY_CHANNELS, type AppErrorData, type CallResult, type Channel } from './contract';
import type { CoreChannel } from './handlers';
import type { Handlers } from './handlers';
import { AppError } from '../core/app-error';
import { DatabaseNewerError, DatabaseUnreadableError } from '../db/open-database';
import { DatabaseForeignKeyError } from '../db/foreign-key-check';
import { databaseBusyError, isDatabaseBusy } from '../db/database-busy';
import { validationProblems } from '../core/program/config-problems';

function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as string[]).includes(name);
}

function isCoreChannel(name: unknown): name is CoreChannel {
  return isChannel(name) && !(RELAY_CHANNELS as readonly string[]).includes(name);
}

export type Logger = (message: string, error: unknown) => void;

const defaultLogger: Logger = (message, error) => console.error(message, error);

/**
 * The edge of the core: parses a call's arguments by the contract, runs its handler and
 * turns every outcome into plain data. Unexpected throws are logged here and sent as
 * INTERNAL, so no stack trace ever reaches the operator.
 */
export async function dispatchCall(
  handlers: Handlers,
  channel: unknown,
  rawArgs: unknown,
  log: Logger = defaultLogger,
): Promise<CallResult<unknown>> {
  if (!isCoreChannel(channel)) {
    // A relay's call (task.*) that reached the core was sent past the relay that answers it.
    return { ok: false, error: { code: 'INVALID_INPUT', message: `There is no call named "${String(channel)}".` } };
  }
  const parsed = contract[channel].args.safeParse(rawArgs);
  if (!parsed.success) {
    const problems = validationProblems(parsed.error);
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The request was not valid: ${problems.map((p) => p.message).join('; ')}.`,
        details: { problems },
      },
    };
  }
  try {
    const handler = handlers[channel] as (args: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorData(error, log, channel) };
  }
}

export const INTERNAL_MESSAGE =
  'Something went wrong inside Loyalty Desk. Every change is saved whole or not at all, never in part; look again to see whether this one was saved. The details are in the log.';

export function toErrorData(error: unknown, log: Logger = defaultLogger, where = 'call'): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (error instanceof DatabaseNewerError) return { code: 'DATABASE_NEWER', message: error.message };
  if (error instanceof DatabaseUnreadableError) return { code: 'FILE_UNREADABLE', message: error.message };
  if (error instanceof DatabaseForeignKeyError) return { code: 'DATABASE_INCONSISTENT', message: error.message };
  // A write outside Store.transaction (one statement) that waited out the busy timeout.
  if (isDatabaseBusy(error)) return databaseBusyError().toData();
  log(`Unexpected error in ${where}:`, error);
  // An unexpected error may come after a commit (a batch recorded, then its file not written),
  // so this cannot promise that nothing changed; only that no change is ever saved in part.
  return {
    code: 'INTERNAL',
    message: INTERNAL_MESSAGE,
  };
}
