// The check at every start: before the app opens (and so possibly migrates or seals) a data file, it reads it through
// a read-only connection. A file it must not open at all (not one of ours, of a newer version, locked, or too damaged
// to read) is refused with its own code and left as it is; a file it can open is checked for damage (integrity_check,
// or quick_check past QUICK_CHECK_ABOVE_BYTES), for the append-only triggers its migrations made, and for the
// ledger's chain from the last approval's anchor to the head, and what is wrong is listed for the first screen.
import type Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { AppError } from '../app-error';
import { findProjectRoot } from '../../db/project-paths';
import { busyTimeoutMs, databaseBusyError, isDatabaseBusy } from '../../db/database-busy';
import { expectedGuardTriggers, normalizeSql } from '../ledger/guard-triggers';
import { GENESIS_HASH, ledgerEntryHash } from '../ledger/ledger-hash';
import { recordOf } from '../ledger/verify-ledger';
import {
  fileIntegrityProblems,
  integrityProblems,
  listBackups,
  openReadOnly,
  QUICK_CHECK_ABOVE_BYTES,
} from './backup-files';

export { QUICK_CHECK_ABOVE_BYTES };
import type { BackupView, StartProblem } from './backup-types';

const SQLITE_HEADER = 'SQLite format 3\u0000';

function sqliteCode(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}

function notOurs(file: string, why: string): AppError {
  return new AppError('NOT_LOYALTY_DATABASE', `${file} is not a Loyalty Desk data file (${why}); it was not changed.`, {
    file,
  });
}

function damaged(file: string, why: string): AppError {
  return new AppError(
    'DATABASE_DAMAGED',
    `${file} is damaged so that it cannot be opened (${why}); it was not changed. Restore a backup.`,
    { file },
  );
}

/** The refusal for an error SQLite gave while reading the file. */
function refusalOf(error: unknown, file: string): unknown {
  if (isDatabaseBusy(error)) return databaseBusyError(file);
  const code = sqliteCode(error);
  if (code === 'SQLITE_NOTADB') return notOurs(file, 'it is not an SQLite database');
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR')) return damaged(file, code);
  return error;
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(16);
    const read = readSync(fd, bytes, 0, 16, 0);
    return bytes.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function newestKnownMigration(): number {
  const journal = JSON.parse(readFileSync(join(findProjectRoot(), 'drizzle', 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

export interface Inspection {
  problems: StartProblem[];
  integrity: 'integrity' | 'quick';
  tookMs: number;
}

/**
 * Reads the file without changing it. Throws the refusal (NOT_LOYALTY_DATABASE, DATABASE_NEWER, DATABASE_BUSY,
 * DATABASE_DAMAGED) of a file that must not be opened; otherwise returns what is wrong with it (nothing for a new or
 * empty file). `full: false` stops after the refusals: every lane judges those, the first one checks the rest.
 */
export function inspectDataFile(
  file: string,
  options: { full?: boolean; quickAboveBytes?: number; alwaysFull?: boolean } = {},
): Inspection {
  const started = Date.now();
  const none: Inspection = { problems: [], integrity: 'integrity', tookMs: 0 };
  if (!existsSync(file)) return none;
  const size = statSync(file).size;
  if (size === 0) return none;
  if (readHeader(file) !== SQLITE_HEADER) throw notOurs(file, 'it is not an SQLite database');
  let sqlite: Database.Database;
  try {
    sqlite = openReadOnly(file);
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  } catch (error) {
    throw refusalOf(error, file);
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    } catch (error) {
      throw refusalOf(error, file);
    }
    if (tables.size === 0) return none;
    if (!tables.has('__drizzle_migrations')) throw notOurs(file, 'it holds other tables than the app’s');
    let applied: number[];
    try {
      applied = (sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as unknown[]).map(Number);
    } catch (error) {
      throw refusalOf(error, file);
    }
    if (applied.some((when) => when > newestKnownMigration()))
      throw new AppError(
        'DATABASE_NEWER',
        `The database ${file} was written by a newer version of Loyalty Desk. Install the newer version to open it; the file was not changed.`,
      );
    if (options.full === false) return none;

    const quick = !options.alwaysFull && size > (options.quickAboveBytes ?? QUICK_CHECK_ABOVE_BYTES);
    const problems: StartProblem[] = [];
    if (integrityProblems(sqlite, quick).length > 0) problems.push({ code: 'INTEGRITY' });
    else {
      problems.push(...guardProblems(sqlite, tables, new Set(applied)));
      problems.push(...chainProblems(sqlite, tables));
    }
    return { problems, integrity: quick ? 'quick' : 'integrity', tookMs: Date.now() - started };
  } finally {
    sqlite.close();
  }
}

/** Each append-only trigger the file's migrations made that is gone, or replaced by one that is not the app's. */
export function guardProblems(
  sqlite: Database.Database,
  tables: ReadonlySet<string>,
  applied: ReadonlySet<number>,
): StartProblem[] {
  const expected = expectedGuardTriggers(applied) ?? [];
  const found = new Map(
    (
      sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
        tbl_name: string;
        sql: string;
      }[]
    ).map((r) => [r.name, r]),
  );
  const problems: StartProblem[] = [];
  for (const guard of expected) {
    if (!tables.has(guard.table)) continue;
    const trigger = found.get(guard.name);
    if (!trigger || trigger.tbl_name !== guard.table || normalizeSql(trigger.sql) !== guard.sql)
      problems.push({ code: 'GUARD_MISSING', table: guard.table, name: guard.name });
  }
  return problems;
}

interface StoredEntry {
  id: number;
  hash: string;
  prev_hash: string;
}

/**
 * The quick chain check: the entry the last approval noted as the ledger's head still has the hash noted then, and
 * every entry after it follows the one before (its prev_hash) and matches its own content. Entries before the anchor
 * are left to `audit verify`, which recomputes the whole chain and every seal.
 */
export function chainProblems(sqlite: Database.Database, tables: ReadonlySet<string>): StartProblem[] {
  if (!tables.has('ledger_entries')) return [];
  let anchor = { id: 0, hash: GENESIS_HASH };
  if (tables.has('period_events')) {
    const details = sqlite
      .prepare("SELECT details_json FROM period_events WHERE state = 'approved' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string | undefined;
    const head = details
      ? (JSON.parse(details) as { ledgerHead?: { id: number; hash: string } }).ledgerHead
      : undefined;
    if (head && head.id > 0) anchor = head;
  }
  let previous: { id: number; hash: string } | null = anchor.id === 0 ? anchor : null;
  const rows = sqlite.prepare('SELECT * FROM ledger_entries WHERE id >= ? ORDER BY id').iterate(anchor.id);
  for (const row of rows as IterableIterator<StoredEntry>) {
    const broken = (): StartProblem[] => [{ code: 'CHAIN_BROKEN', table: 'ledger_entries', entryId: row.id }];
    const own = ledgerEntryHash(recordOf(row as unknown as Parameters<typeof recordOf>[0]));
    if (own !== row.hash) return broken();
    if (previous === null) {
      // The first row read must be the anchor itself, with the hash the approval noted.
      if (row.id !== anchor.id || row.hash !== anchor.hash) return broken();
    } else if (row.id !== previous.id + 1 || row.prev_hash !== previous.hash) return broken();
    previous = { id: row.id, hash: row.hash };
  }
  if (previous === null) return [{ code: 'CHAIN_BROKEN', table: 'ledger_entries', entryId: anchor.id }];
  return [];
}

/** The newest backup that passes integrity_check: what the first screen offers when something is wrong. */
export function latestGoodBackup(dataFile: string): BackupView | null {
  for (const backup of listBackups(dataFile)) if (fileIntegrityProblems(backup.path).length === 0) return backup;
  return null;
}
