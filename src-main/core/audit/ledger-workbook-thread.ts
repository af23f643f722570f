// The package's ledger workbook made on another core while this thread has SQLite write every table as CSV: a
// second read-only connection to the same file, and the entries up to the head this thread's transaction sees. The
// ledger is append-only, so those entries are the same from the thread's moment, which cannot be earlier; the thread
// checks that the head entry has the hash this one read, and where it has not (the file replaced meanwhile), or
// there is no file (a database in memory) or no thread's file (the app's bundle, vitest), the workbook is made here.
import type Database from 'better-sqlite3';
import type { LedgerHead } from '../ledger/append-ledger';
import { SyncWorker, workerBeside } from './sync-worker';

export type WorkbookReply = { bytes: Uint8Array; error?: undefined } | { error: string };

export interface WorkbookRun {
  /** The workbook, waiting for it; null when the thread could not make it (the caller then makes it). */
  bytes(): Uint8Array | null;
  close(): void;
}

export function startLedgerWorkbook(sqlite: Database.Database, head: LedgerHead): WorkbookRun | null {
  const file = workerBeside('ledger-workbook-worker.mjs');
  if (file === null || sqlite.memory || sqlite.name === '') return null;
  const thread = new SyncWorker(file, { name: 'ledger workbook', data: { file: sqlite.name, head } });
  thread.expect();
  let ended = false;
  return {
    bytes: () => {
      ended = true;
      let reply: WorkbookReply;
      try {
        reply = thread.next<WorkbookReply>();
      } catch {
        thread.close();
        return null;
      }
      thread.release();
      return reply.error === undefined ? reply.bytes : null;
    },
    close: () => {
      if (!ended) thread.close();
      ended = true;
    },
  };
}
