// The messages between a relay (Electron's main process, the web bridge) and a core host (a
// utility process, or a child process in web mode). Calls carry the contract's channel and
// arguments and come back as CallResult data: nothing but structured-clone values crosses.
import type { AppErrorData, CallResult, TaskProgress } from '../ipc/contract';

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
  | { type: 'ready'; dataFile: string }
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
