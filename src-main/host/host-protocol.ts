// The messages between a relay (Electron's main process, the web bridge) and a core host (a
// utility process, or a child process in web mode). Calls carry the contract's channel and
// arguments and come back as CallResult data: nothing but structured-clone values crosses.
import type { AppErrorData, CallResult, RestoreOutcome, TaskProgress } from '../ipc/contract';

export interface HostInit {
  type: 'init';
  dbFile: string;
  actor: string;
  version: string;
  runtime: 'electron' | 'web';
  /** A fixed clock for tests (an ISO instant); the real clock otherwise. */
  fixedNow?: string;
  /** Which lane this host serves: only the long lane warms the workbook reader up. */
  lane: Lane;
  /** A backup to restore into the data file before opening it (the relay has closed every other host first). */
  restoreFrom?: string;
  /** The coordinator's reason for restoring past payout files exported after the backup (see restoreBackup). */
  acceptLostExports?: string;
}

interface HostCall {
  type: 'call';
  id: number;
  channel: string;
  args: unknown;
}

interface HostClose {
  type: 'close';
}

export type ToHost = HostInit | HostCall | HostClose;

export type FromHost =
  /**
   * The host answers. `degraded`: the check at the start refused the file or found it damaged, so it was not opened
   * and the host answers only what the first screen needs (the check, the backups, the restore). `restore`: how the
   * restore asked in `init` went.
   */
  | { type: 'ready'; dataFile: string; degraded?: boolean; restore?: CallResult<RestoreOutcome> }
  /** The data file could not be opened: a newer file, not a database, a locked one. */
  | { type: 'failed'; error: AppErrorData }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  /** Where a running call is; sent a few times a second at most. */
  | { type: 'progress'; id: number; progress: TaskProgress }
  | { type: 'closed' };

/**
 * Hosts serve one window, each with its own connection to the data file (WAL lets one read
 * while the others write): the long lane takes what can run for seconds on a big program, so
 * that the interactive lane still answers at once; the task lane, started on first use, takes
 * the calls that can be cancelled, since a cancel ends its process.
 */
export type Lane = 'interactive' | 'long' | 'task';
