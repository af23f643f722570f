import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from './schema';
import { findProjectRoot } from './project-paths';
import { resolveNativeBinding } from './native-binding';
// A foundation module (it needs only the connection, like ledger-kinds that the schema uses):
// sealing is on by default so that no caller can open a store that writes unsealed rows.
import { createRecordSealer, sealBaseline, type RecordSealer } from '../core/ledger/record-seals';

export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface Store {
  /** The path of the SQLite file. */
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Drizzle;
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: () => T): T;
  close(): void;
}

export class DatabaseNewerError extends Error {
  constructor(
    readonly file: string,
    readonly known: number,
    readonly found: number,
  ) {
    super(
      `The database ${file} was written by a newer version of Loyalty Desk (schema ${found}; this version knows up to ${known}). Install the newer version to open it; the file was not changed.`,
    );
  }
}

export class DatabaseUnreadableError extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a Loyalty Desk database (it is not an SQLite file, or it is damaged); it was not changed.`);
  }
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

function readJournal(folder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/** The `created_at` of each migration already applied, newest last; empty for a new file. */
function appliedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').all() as { created_at: number }[]).map(
    (r) => Number(r.created_at),
  );
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Where to copy the file before a pending migration; defaults to `<file>.backup-<time>.db`. */
  backupPath?: (file: string) => string;
  now?: () => Date;
  /** What seals each write transaction's rows (record_seals); the app's own sealer unless given. */
  sealer?: (sqlite: Database.Database) => RecordSealer | null;
}

/**
 * One transaction: all of `work` is written, or none. The outermost one seals the rows it added
 * before it commits, inside the same transaction, so a write and its seal stand or fall together;
 * a nested one is a savepoint of the outer one, which seals for both.
 */
function sealedTransaction(sqlite: Database.Database, sealer: RecordSealer | null) {
  return <T>(work: () => T): T => {
    if (!sealer || sqlite.inTransaction) return sqlite.transaction(work)();
    return sqlite.transaction(() => {
      const mark = sealer.begin();
      const result = work();
      sealer.commit(mark);
      return result;
    })();
  };
}

/**
 * Opens (creating if needed) the SQLite file, refuses a file from a newer app, copies the
 * file aside before migrating it, and applies pending drizzle-kit migrations in one
 * transaction (drizzle's migrator rolls back on error).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Store {
  const root = findProjectRoot();
  const folder = options.migrationsFolder ?? join(root, 'drizzle');
  const now = options.now ?? (() => new Date());
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file) && statSync(file).size > 0;

  const nativeBinding = resolveNativeBinding(process.versions, root);
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    const journal = readJournal(folder);
    const applied = appliedMigrations(sqlite);
    const newestKnown = Math.max(0, ...journal.map((e) => e.when));
    const unknown = applied.filter((when) => when > newestKnown);
    if (unknown.length > 0) throw new DatabaseNewerError(file, journal.length, applied.length);

    const pending = journal.filter((e) => !applied.includes(e.when));
    if (pending.length > 0 && existed && applied.length > 0) {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const target = options.backupPath ? options.backupPath(file) : `${file}.backup-${stamp}.db`;
      // VACUUM INTO writes a consistent copy including what is still in the WAL.
      sqlite.prepare('VACUUM INTO ?').run(target);
    }
    const db = drizzle(sqlite, { schema });
    if (pending.length > 0) migrate(db, { migrationsFolder: folder });
    sealBaseline(sqlite);
    const sealer = (options.sealer ?? createRecordSealer)(sqlite);

    return {
      file,
      sqlite,
      db,
      transaction: sealedTransaction(sqlite, sealer),
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseUnreadableError(file);
    throw error;
  }
}

/**
 * Opens an existing file for reading only, without migrating it or writing a backup: the
 * audit must be able to check a copy of someone's database without changing it.
 */
export function openDatabaseReadOnly(file: string): Store {
  if (file === ':memory:' || !existsSync(file)) throw new DatabaseUnreadableError(file);
  const nativeBinding = resolveNativeBinding(process.versions, findProjectRoot());
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    sqlite.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseUnreadableError(file);
    throw error;
  }
  return {
    file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    transaction: <T>(work: () => T): T => sqlite.transaction(work)(),
    close: () => sqlite.close(),
  };
}
