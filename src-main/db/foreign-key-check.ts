// A migration that rebuilds a table runs with foreign keys off (SQLite's documented way to
// change a table's constraints), so nothing refuses a row whose reference points nowhere
// while it runs; this check, inside the migration's transaction, refuses the whole migration
// instead, naming the row, so that a file is never left with references the app believes hold.
import type Database from 'better-sqlite3';

interface Violation {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

export class DatabaseForeignKeyError extends Error {
  constructor(
    readonly file: string,
    readonly violations: readonly string[],
  ) {
    super(
      `The data file ${file} could not be updated to this version of Loyalty Desk: some of its rows point at rows that are not there (${violations.join('; ')}). The file was not changed.`,
    );
  }
}

/** Throws DatabaseForeignKeyError naming up to five rows that point at a missing row; returns when there are none. */
export function assertForeignKeys(sqlite: Database.Database, file: string): void {
  const found = sqlite.prepare('PRAGMA foreign_key_check').all() as Violation[];
  if (found.length === 0) return;
  const described = found.slice(0, 5).map((v) => {
    const key = (sqlite.prepare(`PRAGMA foreign_key_list("${v.table}")`).all() as { id: number; from: string }[])
      .filter((k) => k.id === v.fkid)
      .map((k) => k.from);
    const row =
      v.rowid === null
        ? undefined
        : (sqlite
            .prepare(`SELECT ${key.map((c) => `"${c}"`).join(', ')} FROM "${v.table}" WHERE rowid = ?`)
            .get(v.rowid) as Record<string, unknown> | undefined);
    const values = key.map((c) => `${c} ${row ? String(row[c]) : '?'}`).join(', ');
    return `${v.table} row ${v.rowid ?? '?'} has ${values}, which is no row of ${v.parent}`;
  });
  const more = found.length > 5 ? [`and ${found.length - 5} more such rows`] : [];
  throw new DatabaseForeignKeyError(file, [...described, ...more]);
}
