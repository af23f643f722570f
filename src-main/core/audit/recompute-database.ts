// The database the recomputation's thread works on, made from an audit package's tables as they come (recompute-
// worker.ts): only what the recomputation reads. The columns it never reads are dropped (recompute-thread.ts); the
// sales lines are kept as read for scoring (read-sales-lines.ts) and, where nothing else asks for them by id or by
// code, left out of the database; the ledger goes in summed between the approvals' cuts (ledger-by-spans.ts). The
// sales lines and the ledger wait for the smaller tables that tell whether and where. Whatever cannot be taken so
// goes in row by row, as SQLite takes it; what cannot be read back is the other thread's to report.
import type Database from 'better-sqlite3';
import { insertLedgerBySpans } from './ledger-by-spans';
import { salesLinesAsRead, type SalesLinesRead } from './read-sales-lines';
import { rebuildDatabase } from './rebuild-database';
import { ledgerCuts, linesReadSuffice } from './recompute-approved';
import { NOT_RECOMPUTED_COLUMNS } from './recompute-thread';
import { readCsvTable } from './table-csv';

type TableCsv = { table: string; path: string; bytes: Uint8Array };

export interface RecomputeDatabase {
  sqlite: Database.Database;
  /** The sales lines as read, for recomputeAll; undefined where they are to be read from the database. */
  lines: SalesLinesRead | undefined;
  dispose(): void;
}

export function recomputeDatabase(tables: Iterable<TableCsv>): RecomputeDatabase {
  const sales = salesLinesAsRead();
  const rebuilt = rebuildDatabase(
    [],
    (p) => {
      if (p.table === 'sales_lines') sales.spoil();
    },
    NOT_RECOMPUTED_COLUMNS,
    sales.watch,
  );
  try {
    let ledger: TableCsv | undefined;
    let lines: TableCsv | undefined;
    for (const t of tables) {
      if (t.table === 'ledger_entries') ledger = t;
      else if (t.table === 'sales_lines') lines = t;
      else rebuilt.add([t]);
    }
    const sqlite = rebuilt.store.sqlite;
    if (lines) {
      // Left out, the table is dropped: a query that comes to read it fails rather than reads nothing.
      if (linesReadSuffice(sqlite) && readLines(lines.bytes, sales)) rebuilt.drop('sales_lines');
      else rebuilt.add([lines]);
    }
    if (ledger) {
      const cuts = ledgerCuts(sqlite);
      if (!cuts || !insertLedgerBySpans(sqlite, ledger.bytes, cuts)) rebuilt.add([ledger]);
    }
    rebuilt.buildIndexes();
    return { sqlite, lines: sales.lines(), dispose: () => rebuilt.dispose() };
  } catch (error) {
    rebuilt.dispose();
    throw error;
  }
}

/** The sales lines read into `sales` without going into the database; false where they could not all be taken. */
function readLines(bytes: Uint8Array, sales: ReturnType<typeof salesLinesAsRead>): boolean {
  try {
    readCsvTable(bytes, (header) => ({ row: sales.watch('sales_lines', header) ?? (() => undefined) }));
  } catch {
    sales.spoil();
  }
  return sales.lines() !== undefined;
}
