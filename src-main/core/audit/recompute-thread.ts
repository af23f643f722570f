// The recomputation of every approved period on the second core while this thread checks the ledger's chain and every
// seal: on a year's package the two take about as long as each other. The thread works on a database of its own (made
// from the package's tables as this thread inflates and shares them, holding only what the recomputation reads:
// recompute-database.ts; or the live file opened read-only) rather than a copy of this thread's: serializing a year's
// 550 MB database and handing it over cost more than building one on a second core, and each thread's database is
// then read without a lock the other holds. Peak memory grows by the second database (1.5 GB against 1.0 GB on a
// year). Where the thread's file is not there (the app's bundle, tsx, vitest), or LOYALTY_AUDIT_THREADS=1, the caller
// recomputes in its own thread, as before.
import type { AuditProblem } from './audit-views';
import type { RecomputeCounts } from './recompute-approved';
import { startForOneReply, type OneReply } from './sync-worker';

/**
 * What the thread is asked to recompute: a package's tables, each told to it as the first thread inflates it (a
 * `TableFed`, then `{ done: true }`), or a database file.
 */
export type RecomputeJob =
  { kind: 'package'; tables: { table: string; path: string }[] } | { kind: 'live'; file: string };

/**
 * Columns the recomputation never reads, dropped from its thread's database rather than filled: the year's ledger
 * goes in without its hashes, notes and stamps, the sales lines without their names and document numbers. Dropped,
 * not left empty, so that a query that comes to read one fails loudly (the period "could not be recomputed", which
 * every clean package in the tests would show) instead of reading blanks.
 */
export const NOT_RECOMPUTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  ledger_entries: [
    'source_row',
    'rule',
    'rule_version',
    'note',
    'reference',
    'created_at',
    'created_by',
    'prev_hash',
    'hash',
  ],
  sales_lines: ['document_no', 'line_no', 'participant_name', 'product_name', 'line_key'],
  // Each seal's check values: the recomputation reads only where seals end.
  record_seals: ['checks'],
};

/** A table's CSV, inflated by the first thread and shared with this one (its bytes are a SharedArrayBuffer's). */
export type TableFed = { path: string; bytes: Uint8Array; done?: undefined } | { done: true };

/** The recomputation's findings, as recomputeAll gives them, with how many were found in all. */
export interface RecomputeOutcome {
  counts: RecomputeCounts;
  differences: number;
  problems: AuditProblem[];
  found: number;
}

export type RecomputeReply = { outcome: RecomputeOutcome; error?: undefined } | { error: string };

export type RecomputeRun = OneReply<{ outcome: RecomputeOutcome }>;

/** Starts the recomputation in a thread of its own; null when there is no thread to start. */
export function startRecompute(job: RecomputeJob): RecomputeRun | null {
  // One thread when asked (LOYALTY_AUDIT_THREADS=1): half the memory on a small machine, and the same checks.
  const file = process.env.LOYALTY_AUDIT_THREADS === '1' ? null : 'recompute-worker.mjs';
  return startForOneReply(file, 'recomputation', { job });
}
