// The package's ledger workbook made on another core while this thread has SQLite write every table as CSV: a
// second read-only connection to the same file, and the entries up to the head this thread's transaction sees. The
// ledger is append-only, so those entries are the same from the thread's moment, which cannot be earlier; the thread
// checks that the head entry has the hash this one read, and where it has not (the file replaced meanwhile), or
// there is no file (a database in memory) or no thread's file (the app's bundle, vitest), the workbook is made here.
import type Database from 'better-sqlite3';
import type { LedgerHead } from '../ledger/append-ledger';
import { startForOneReply, type OneReply } from './sync-worker';

export type WorkbookReply = { bytes: Uint8Array; error?: undefined } | { error: string };

export type WorkbookRun = OneReply<{ bytes: Uint8Array }>;

export function startLedgerWorkbook(sqlite: Database.Database, head: LedgerHead): WorkbookRun | null {
  if (sqlite.memory || sqlite.name === '') return null;
  return startForOneReply('ledger-workbook-worker.mjs', 'ledger workbook', { file: sqlite.name, head });
}
