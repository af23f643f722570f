// The last drafts (and their findings) scored on a database connection, kept while nothing has been written to the
// file since: going from Scoring to Verification to Payouts of the same open period scores its 100,000 lines once,
// not three times.
//
// "Nothing written since" is two counters SQLite keeps: total_changes() counts every row this connection inserted,
// changed or deleted (triggers' rows included), and PRAGMA data_version changes whenever another connection (a
// second window, the CLI, another SQLite tool) commits. Inside a write transaction the cache is neither read nor
// filled: what a commit judges is scored afresh against the data as it is then, and a draft read from writes that
// are later rolled back is never kept. Inside a read snapshot (`readSnapshot`: a deferred transaction that only
// reads, as the screens' views take so that all they show is of one moment) it is used: PRAGMA data_version, read
// inside it, is the snapshot's own, so a value kept under the same stamp is of the very data the snapshot reads.
import type Database from 'better-sqlite3';

/** What was computed since the last write, by key; a few keys at most. */
interface Kept {
  stamp: string;
  values: Map<string, unknown>;
}

// An open period's draft, its findings and its glance for the Dashboard, for the current and the last period.
const KEYS_KEPT = 8;
const entries = new WeakMap<Database.Database, Kept>();
/** Connections inside a read snapshot begun by `readSnapshot` (and not inside a write transaction). */
const snapshots = new WeakSet<Database.Database>();

/**
 * Runs `read` in one deferred transaction that only reads: every query of it sees the file at one moment, and the
 * drafts kept since the last write serve it. Inside a transaction already (a write's), it runs there, uncached.
 */
export function readSnapshot<T>(sqlite: Database.Database, read: () => T): T {
  if (sqlite.inTransaction) return read();
  snapshots.add(sqlite);
  try {
    return sqlite.transaction(read).deferred();
  } finally {
    snapshots.delete(sqlite);
  }
}

/** Where the file stands now, for this connection; null inside a write transaction (nothing is cached there). */
function changeStamp(sqlite: Database.Database): string | null {
  if (sqlite.inTransaction && !snapshots.has(sqlite)) return null;
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/**
 * `compute()`'s value for `key`, or the one kept for it when the file has not changed since it was computed. The
 * value is shared between callers, so they must not change it (the tests freeze it to make sure).
 */
export function cachedSinceLastWrite<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  const stamp = changeStamp(sqlite);
  if (stamp === null) return compute();
  const before = entries.get(sqlite);
  if (before?.stamp === stamp && before.values.has(key)) return before.values.get(key) as T;
  const value = compute();
  // Stamped before computing: a write by another connection meanwhile makes the next read compute again. Read again
  // after computing: what it computed in turn (a draft for the findings) may have been kept meanwhile.
  let kept = entries.get(sqlite);
  if (kept?.stamp !== stamp) {
    kept = { stamp, values: new Map() };
    entries.set(sqlite, kept);
  }
  if (kept.values.size >= KEYS_KEPT) kept.values.delete(kept.values.keys().next().value!);
  kept.values.set(key, process.env.VITEST ? freezeDeep(value) : value);
  return value;
}

/** Freezes plain objects and arrays all the way down (Maps and Sets are frozen only as objects). */
function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const v of value.values()) freezeDeep(v);
  } else if (value instanceof Set) {
    for (const v of value) freezeDeep(v);
  } else {
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return Object.freeze(value);
}
