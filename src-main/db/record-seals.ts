// Sealing: at the end of every write transaction (Store.transaction calls this), the rows that
// transaction added to each sealed table get one seal in record_seals, chained to the seal
// before. Only rows added by the transaction itself are sealed: the highest rowid of each
// table is noted when it begins, so a row that another tool slipped in between two of the
// app's transactions stays unsealed and `audit verify` names it, instead of the next write
// sealing it as if it were the app's. This module needs only the SQLite connection, so the db
// layer can call it without depending on anything above it.
import type Database from 'better-sqlite3';
import type { RecordSealRow } from './row-types';
import {
  GENESIS_SEAL_HASH,
  SEALED_TABLES,
  SUPERSESSION_TABLE,
  sealHash,
  sealRows,
  sealedColumns,
  type SealRecord,
} from './seal-rows';

const BASELINE_SETTING = 'audit.sealBaseline';

export type SealHead = Pick<RecordSealRow, 'id' | 'hash'>;

export interface SealMark {
  maxRowid: Map<string, number>;
  /** Supersessions already unsealed when the transaction began: not the app's doing. */
  foreignSupersessions: Set<number>;
}

export interface RecordSealer {
  begin(): SealMark;
  commit(mark: SealMark): void;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function sealHead(sqlite: Database.Database): SealHead {
  if (!hasTable(sqlite, 'record_seals')) return { id: 0, hash: GENESIS_SEAL_HASH };
  const row = sqlite.prepare('SELECT id, hash FROM record_seals ORDER BY id DESC LIMIT 1').get() as
    SealHead | undefined;
  return row ?? { id: 0, hash: GENESIS_SEAL_HASH };
}

function unsealedSupersessions(sqlite: Database.Database): number[] {
  return (
    sqlite
      .prepare(
        `SELECT b.id FROM import_batches b WHERE b.superseded_by IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM record_seals s WHERE s.table_name = ? AND s.last_rowid = b.id) ORDER BY b.id`,
      )
      .all(SUPERSESSION_TABLE) as { id: number }[]
  ).map((r) => r.id);
}

/** The sealer of a connection, or null when the file has no record_seals table (a migration folder of an older app). */
export function createRecordSealer(sqlite: Database.Database): RecordSealer | null {
  if (!hasTable(sqlite, 'record_seals')) return null;
  const tables = SEALED_TABLES.filter((t) => hasTable(sqlite, t));
  const maxOf = new Map(
    tables.map((t) => [t, sqlite.prepare(`SELECT COALESCE(MAX(rowid), 0) AS m FROM "${t}"`).pluck()]),
  );
  const lastSealed = sqlite
    .prepare('SELECT COALESCE(MAX(last_rowid), 0) FROM record_seals WHERE table_name = ?')
    .pluck();
  return {
    begin() {
      return {
        maxRowid: new Map(tables.map((t) => [t, maxOf.get(t)!.get() as number])),
        foreignSupersessions: new Set(unsealedSupersessions(sqlite)),
      };
    },
    commit(mark) {
      for (const table of tables) {
        const now = maxOf.get(table)!.get() as number;
        const from = Math.max(mark.maxRowid.get(table) ?? 0, lastSealed.get(table) as number);
        if (now > from) appendSeal(sqlite, table, from, now, 'write');
      }
      for (const id of unsealedSupersessions(sqlite)) {
        if (!mark.foreignSupersessions.has(id)) appendSeal(sqlite, SUPERSESSION_TABLE, id - 1, id, 'write');
      }
    },
  };
}

function appendSeal(
  sqlite: Database.Database,
  table: string,
  after: number,
  upTo: number,
  origin: SealRecord['origin'],
): void {
  const columns = sealedColumns(sqlite, table);
  const range = sealRows(sqlite, table, columns, after, upTo);
  if (!range) return;
  const head = sealHead(sqlite);
  const seal: SealRecord = {
    id: head.id + 1,
    tableName: table,
    columns: columns.join(','),
    ...range,
    origin,
    prevHash: head.hash,
  };
  sqlite
    .prepare(
      `INSERT INTO record_seals (id, table_name, columns, first_rowid, last_rowid, row_count, digest, checks, origin, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      seal.id,
      seal.tableName,
      seal.columns,
      seal.firstRowid,
      seal.lastRowid,
      seal.rowCount,
      seal.digest,
      seal.checks,
      seal.origin,
      seal.prevHash,
      sealHash(seal),
    );
}

/**
 * Seals, as found, every row the file held before sealing began: run once, at the first open
 * after the migration that added record_seals, which leaves a mark in the settings for it.
 * What was changed before that moment cannot be told apart (the ledger's own hash chain still
 * covers its entries); `audit verify` reports a baseline that comes after the app's own seals.
 */
export function sealBaseline(sqlite: Database.Database): boolean {
  if (!hasTable(sqlite, 'record_seals')) return false;
  const pendingMark = () =>
    sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(BASELINE_SETTING) === 'pending';
  if (!pendingMark()) return false;
  // IMMEDIATE, and the mark judged again inside: two windows opening an upgraded file at once
  // seal its baseline once (the second waits, then finds it done).
  return sqlite
    .transaction(() => {
      if (!pendingMark()) return false;
      for (const table of SEALED_TABLES.filter((t) => hasTable(sqlite, t))) {
        const after = sqlite
          .prepare('SELECT COALESCE(MAX(last_rowid), 0) FROM record_seals WHERE table_name = ?')
          .pluck()
          .get(table) as number;
        const upTo = sqlite.prepare(`SELECT COALESCE(MAX(rowid), 0) FROM "${table}"`).pluck().get() as number;
        if (upTo > after) appendSeal(sqlite, table, after, upTo, 'baseline');
      }
      for (const id of unsealedSupersessions(sqlite)) appendSeal(sqlite, SUPERSESSION_TABLE, id - 1, id, 'baseline');
      sqlite
        .prepare('UPDATE settings SET value = ? WHERE key = ?')
        .run(`done at seal ${sealHead(sqlite).id}`, BASELINE_SETTING);
      return true;
    })
    .immediate();
}
