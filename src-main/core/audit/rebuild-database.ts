// A database made from an audit package's CSV files: a new SQLite database in memory, its tables made by the app's own
// migrations (so its triggers and columns are the app's, which the seal and trigger checks compare with), every row
// inserted under its own rowid in one transaction. Nothing of the coordinator's file is needed.
// In memory rather than a temporary file: a year's package makes a database of about 550 MB, which memory holds
// (peak about 2 GB for the whole verification) and which a file made a third slower to write and to read back (27 s
// against 17 s to rebuild, 22 s against 16 s to verify, on the bench's year), with nothing left on disk to clean up.
import type Database from 'better-sqlite3';
import { openDatabase, type Store } from '../../db/open-database';
import { progressEvery } from '../progress';
import { csvPieces, CsvError, parseCsvHeader, parseCsvRecords, pieceText, type CsvValue } from './table-csv';

/** Rows to an INSERT statement, within SQLite's limit of bound values to a statement. */
const MANY = 32;
const MAX_VARIABLES = 32_000;

const UNUSED_INDEXES = new Set(['sales_lines_program_key', 'sales_lines_batch', 'ledger_program_participant']);

export interface RebuiltDatabase {
  store: Store;
  /** Rows inserted so far. */
  readonly rows: number;
  /** More tables' rows, in a transaction of their own (those first checked as their CSV was read, check-as-read.ts). */
  add(tables: { table: string; path: string; bytes: Uint8Array }[]): void;
  /** Takes a table out of the database, and its indexes out of those still to build. */
  drop(table: string): void;
  /**
   * Builds the indexes left out while the rows went in (those the recomputation reads by). Apart so that the ledger's
   * checks, which read by rowid only, can start on the rows first.
   */
  buildIndexes(): void;
  dispose(): void;
}

export interface RebuildProblem {
  path: string;
  table: string;
  message: string;
}

function columnTypes(sqlite: Database.Database, table: string): Map<string, string> | null {
  const info = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[];
  return info.length === 0 ? null : new Map(info.map((c) => [c.name, c.type]));
}

type TableCsv = { table: string; path: string; bytes: Uint8Array };

export function rebuildDatabase(
  tables: TableCsv[],
  problem: (p: RebuildProblem) => void,
  /** Columns left out of the database: dropped from their tables, their values in the CSV skipped. */
  leftOut: Readonly<Record<string, readonly string[]>> = {},
  /** Sees each record of a table as it is read (before it goes in), given the table's CSV header. */
  watch?: (table: string, header: readonly string[]) => ((values: readonly CsvValue[]) => void) | undefined,
): RebuiltDatabase {
  // No sealer: the rows come with their own seals, which are what is checked.
  const store = openDatabase(':memory:', { sealer: () => null });
  const sqlite = store.sqlite;
  // A journal in memory (not none): a statement of many rows that fails is undone whole, and its rows tried one by one.
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -262144');
  let rows = 0;
  let indexes: [string, string][] = [];
  const insertAll = (list: TableCsv[]) => {
    const total = list.reduce((n, t) => n + t.bytes.byteLength, 0);
    const progress = progressEvery('rebuilding', total, 1);
    let read = 0;
    sqlite.transaction(() => {
      for (const [at, t] of list.entries()) {
        rows += insertTable(sqlite, t, problem, (bytes) => progress((read += bytes)), leftOut[t.table] ?? [], watch);
        // Its CSV let go once its rows are in: a year's CSV is as large as the database made from it, and holding
        // both to the end made the peak some 0.4 GB higher in each thread.
        list[at] = { ...t, bytes: new Uint8Array(0) };
      }
    })();
    progress(total);
  };
  try {
    sqlite.transaction(() => {
      // What the migrations put in the settings of a new file is replaced by the package's.
      sqlite.exec('DELETE FROM settings');
      // Indexes made once after the rows are in (one sort each) rather than kept up to date row by row; unique ones
      // stay, so that a package with a row twice is refused as the app's file would refuse it.
      indexes = sqlite
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        )
        .raw()
        .all() as [string, string][];
      for (const [name] of indexes) sqlite.exec(`DROP INDEX "${name}"`);
      for (const [table, columns] of Object.entries(leftOut))
        for (const column of columns) sqlite.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    })();
    insertAll(tables);
  } catch (error) {
    store.close();
    throw error;
  }
  return {
    store,
    get rows() {
      return rows;
    },
    add: insertAll,
    drop: (table) => {
      const on = new Set(
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(table),
      );
      indexes = indexes.filter(([name, sql]) => !on.has(name) && !sql.includes(`ON \`${table}\``));
      sqlite.exec(`DROP TABLE "${table}"`);
    },
    buildIndexes: () =>
      sqlite.transaction(() => {
        // Three indexes serve only the app's screens (sales lines by key and by batch, a participant's ledger), never
        // a check or the recomputation, which read by period and by id: on a year, about 1.3 s of sorting saved. The
        // checks compare triggers and columns with the app's, not indexes.
        for (const [name, sql] of indexes) if (!UNUSED_INDEXES.has(name)) sqlite.exec(sql);
      })(),
    dispose: () => store.close(),
  };
}

/** One table's rows from its CSV, under their own rowids; returns how many went in. */
function insertTable(
  sqlite: Database.Database,
  { table, path, bytes }: TableCsv,
  problem: (p: RebuildProblem) => void,
  progress: (bytes: number) => void,
  leftOut: readonly string[],
  watch:
    ((table: string, header: readonly string[]) => ((values: readonly CsvValue[]) => void) | undefined) | undefined,
): number {
  const types = columnTypes(sqlite, table);
  if (!types) {
    problem({ path, table, message: `${path}: the table ${table} is not one of this version's tables.` });
    return 0;
  }
  const nl = bytes.indexOf(10);
  const header = parseCsvHeader(Buffer.from(bytes.subarray(0, nl < 0 ? bytes.length : nl)).toString('utf8'));
  const unknown = header.filter((c) => c !== 'rowid' && !types.has(c) && !leftOut.includes(c));
  if (unknown.length > 0) {
    problem({ path, table, message: `${path}: the table ${table} has no column ${unknown.join(', ')}.` });
    return 0;
  }
  const exact = header.map((c) => c !== 'rowid' && !/INT/i.test(types.get(c) ?? ''));
  // The values of the columns kept, by their place in the CSV's records.
  const kept = header.flatMap((c, i) => (leftOut.includes(c) ? [] : [i]));
  const columns = kept.map((i) => (header[i] === 'rowid' ? 'rowid' : `"${header[i]}"`)).join(', ');
  const one = `(${kept.map(() => '?').join(', ')})`;
  const insert = sqlite.prepare(`INSERT INTO "${table}" (${columns}) VALUES ${one}`);
  // Rows go in MANY to a statement: a statement per row costs a fifth more on a year's tables. When one of
  // them fails, the statement is undone and its rows are inserted one by one, so that the row named is the
  // first that fails, with the rows before it in, as a statement per row would leave them.
  const many = Math.max(1, Math.min(MANY, Math.floor(MAX_VARIABLES / kept.length)));
  const insertMany = sqlite.prepare(`INSERT INTO "${table}" (${columns}) VALUES ${Array(many).fill(one).join(', ')}`);
  // Each record's kept values go straight into the statement's values (the parser reuses its array for the next).
  const flat: CsvValue[] = new Array<CsvValue>(many * kept.length);
  const skip = header.map((_, i) => !kept.includes(i));
  const seen = watch?.(table, header);
  let pending = 0;
  let record = 0;
  const oneByOne = () => {
    for (let r = 0; r < pending; r++) {
      insert.run(flat.slice(r * kept.length, (r + 1) * kept.length));
      record++;
    }
    pending = 0;
  };
  try {
    for (const piece of csvPieces(bytes.subarray(nl + 1))) {
      parseCsvRecords(
        pieceText(piece),
        (values) => {
          seen?.(values);
          let at = pending * kept.length;
          for (const i of kept) flat[at++] = values[i]!;
          if (++pending < many) return;
          try {
            insertMany.run(flat);
            record += pending;
            pending = 0;
          } catch {
            oneByOne();
          }
        },
        header.length,
        exact,
        { reuse: true, skip },
      );
      progress(piece.byteLength);
    }
    oneByOne();
  } catch (error) {
    let failure = error;
    // The rows read before a line that cannot be read go in first, as they did one by one.
    if (error instanceof CsvError) {
      try {
        oneByOne();
      } catch (earlier) {
        failure = earlier;
      }
    }
    const why = failure instanceof CsvError ? failure.message : (failure as Error).message;
    problem({ path, table, message: `${path}: row ${record + 1} cannot be read back into ${table}: ${why}.` });
  }
  return record;
}
