import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/app-error';
import * as schema from './schema';
import { findProjectRoot } from './project-paths';
import { resolveNativeBinding } from './native-binding';
import { asBusyError, busyTimeoutMs } from './database-busy';
import { assertForeignKeys } from './foreign-key-check';
// A foundation module (it needs only the connection, like ledger-kinds that the schema uses):
// sealing is on by default so that no caller can open a store that writes unsealed rows.
import { createRecordSealer, sealBaseline, type RecordSealer } from './record-seals';

type Drizzle = BetterSQLite3Database<typeof schema>;

export interface Store {
  /** The path of the SQLite file. */
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Drizzle;
  /**
   * Runs `work` in one transaction: all of it is written, or none. It starts with BEGIN
   * IMMEDIATE, so it waits its turn behind another window's or command's write (up to the
   * busy timeout) and then fails as DATABASE_BUSY, never halfway through.
   */
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
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** The `created_at` of each migration already applied, newest last; empty for a new file. */
function appliedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (
    sqlite.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').all() as { created_at: number }[]
  ).map((r) => Number(r.created_at));
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Where to copy the file before a pending migration; defaults to `<file>.backup-<time>.db`. */
  backupPath?: (file: string) => string;
  /** False for a file that is itself a copy of one kept (a restore's staging file): migrated without a copy. */
  copyBeforeMigrating?: boolean;
  now?: () => Date;
  /** How long a write waits for another connection; defaults to LOYALTY_BUSY_TIMEOUT_MS or 5 s. */
  busyTimeoutMs?: number;
  /** What seals each write transaction's rows (record_seals); the app's own sealer unless given. */
  sealer?: (sqlite: Database.Database) => RecordSealer | null;
}

/**
 * A deferred transaction that reads first and writes later is refused at once in WAL mode
 * when another connection wrote in between (SQLITE_BUSY_SNAPSHOT: no waiting helps it), so
 * every write transaction takes the write lock at BEGIN, where waiting works.
 */
function immediateTransaction(sqlite: Database.Database, file: string) {
  return <T>(work: () => T): T => {
    try {
      return sqlite.transaction(work).immediate();
    } catch (error) {
      throw asBusyError(error, file);
    }
  };
}

/**
 * One write transaction (IMMEDIATE, as above): all of `work` is written, or none. The outermost
 * one seals the rows it added before it commits, inside the same transaction, so a write and its
 * seal stand or fall together; a nested one is a savepoint of the outer one, which seals for both.
 */
function sealedTransaction(sqlite: Database.Database, file: string, sealer: RecordSealer | null) {
  const immediate = immediateTransaction(sqlite, file);
  return <T>(work: () => T): T => {
    if (!sealer || sqlite.inTransaction) return immediate(work);
    return immediate(() => {
      const mark = sealer.begin();
      const result = work();
      sealer.commit(mark);
      return result;
    });
  };
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * drizzle-kit's migrations, applied as drizzle's migrator does (same table, hash and
 * created_at) but in one IMMEDIATE transaction that judges again what is pending: two
 * windows opening a file that needs migrating apply it once, and the second one waits.
 */
function applyMigrations(
  sqlite: Database.Database,
  file: string,
  folder: string,
  newestKnown: number,
  known: number,
): void {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  // A migration that rebuilds a table (new, copy, drop, rename) must run with foreign keys off:
  // with them on, the DROP would delete the rows that others point at. The pragma is a no-op
  // inside a transaction, so it is set around it, and assertForeignKeys judges the result inside.
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrateInTransaction(sqlite, file, migrations, newestKnown, known);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

function migrateInTransaction(
  sqlite: Database.Database,
  file: string,
  migrations: ReturnType<typeof readMigrationFiles>,
  newestKnown: number,
  known: number,
): void {
  immediateTransaction(
    sqlite,
    file,
  )(() => {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
    );
    const applied = appliedMigrations(sqlite);
    if (applied.some((when) => when > newestKnown)) throw new DatabaseNewerError(file, known, applied.length);
    const last = applied.length > 0 ? applied[applied.length - 1]! : null;
    const record = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
    for (const migration of migrations) {
      if (last !== null && last >= migration.folderMillis) continue;
      for (const statement of migration.sql) sqlite.exec(statement);
      record.run(migration.hash, migration.folderMillis);
    }
    assertForeignKeys(sqlite, file);
  });
}

/**
 * The copy kept before a migration changes the file's structure: VACUUM INTO (a consistent copy, including what is
 * still in the WAL) under a hidden name, quick_check of the copy, then its name. A copy that cannot be written or
 * does not pass is removed and the migration refused, so the file is never updated without a good copy beside it.
 */
function writeMigrationCopy(
  sqlite: Database.Database,
  file: string,
  target: string,
  nativeBinding: string | undefined,
): void {
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  let problem: string;
  try {
    rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    try {
      problem = String(copy.pragma('quick_check', { simple: true }));
    } finally {
      copy.close();
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem !== 'ok') {
    try {
      rmSync(partial, { force: true });
    } catch {
      // What stands there is not ours to remove (a folder); the refusal below is what matters.
    }
    throw new AppError(
      'BACKUP_FAILED',
      `The copy of ${file} kept before updating its structure could not be written to ${target} or did not pass its check (${problem}), so the file was not updated.`,
      { file: target },
    );
  }
  renameSync(partial, target);
}

/**
 * Opens (creating if needed) the SQLite file, refuses a file from a newer app, copies the
 * file aside before migrating it, and applies pending drizzle-kit migrations in one
 * transaction (all of them, or none on error).
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
    // First, so that even switching to WAL waits for another window rather than failing.
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? busyTimeoutMs()}`);
    sqlite.pragma('journal_mode = WAL');
    // Every commit is synced to disk before it returns, even in WAL mode (where NORMAL would let a power cut undo the
    // last commits): an export recorded after its payout file was written must not come undone, or the file could be
    // made again.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');

    const journal = readJournal(folder);
    const applied = appliedMigrations(sqlite);
    const newestKnown = Math.max(0, ...journal.map((e) => e.when));
    const unknown = applied.filter((when) => when > newestKnown);
    if (unknown.length > 0) throw new DatabaseNewerError(file, journal.length, applied.length);

    const pending = journal.filter((e) => !applied.includes(e.when));
    if (pending.length > 0 && existed && applied.length > 0 && options.copyBeforeMigrating !== false) {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const target = options.backupPath ? options.backupPath(file) : `${file}.backup-${stamp}.db`;
      writeMigrationCopy(sqlite, file, target, nativeBinding);
    }
    const db = drizzle(sqlite, { schema });
    if (pending.length > 0) applyMigrations(sqlite, file, folder, newestKnown, journal.length);
    sealBaseline(sqlite);
    const sealer = (options.sealer ?? createRecordSealer)(sqlite);

    return {
      file,
      sqlite,
      db,
      transaction: sealedTransaction(sqlite, file, sealer),
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseUnreadableError(file);
    throw asBusyError(error, file);
  }
}

/**
 * Opens an existing file for reading only, without migrating it or writing a backup: the
 * audit must be able to check a copy of someone's database without changing it.
 */
export function openDatabaseReadOnly(file: string): Store {
  if (file === ':memory:' || !existsSync(file)) throw new DatabaseUnreadableError(file);
  const nativeBinding = resolveNativeBinding(process.versions, findProjectRoot());
  const sqlite = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    sqlite.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseUnreadableError(file);
    throw asBusyError(error, file);
  }
  return {
    file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    // Read-only: a deferred transaction, which never asks for the write lock.
    transaction: <T>(work: () => T): T => {
      try {
        return sqlite.transaction(work)();
      } catch (error) {
        throw asBusyError(error, file);
      }
    },
    close: () => sqlite.close(),
  };
}
