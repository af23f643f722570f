// What a seal covers, computed the same way when a transaction seals its rows and when
// `audit verify` checks them: each row as one canonical line (its rowid and the sealed columns,
// a JSON array made by SQLite, blobs as ["blob", hex] so that a blob and a text of the same hex
// differ, a REAL 5.0 apart from an INTEGER 5), all lines of a
// seal through ONE streaming SHA-256, and a CRC-32 per line. The SHA-256 is what proves the rows
// unchanged; the CRC-32s only point at which row differs (someone who forges a CRC still breaks
// the digest). One hash object per seal and raw row arrays keep a 200,000-line import cheap.
import type Database from 'better-sqlite3';
import type { RecordSealRow } from './row-types';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const GENESIS_SEAL_HASH = '0'.repeat(64);

/**
 * Every table whose rows are money inputs or their history. Rows are only ever added to them
 * (their triggers refuse the rest), so a seal over a rowid range stays true. `participants` and
 * `products` are updated in place by each import and are not sealed; their history
 * (participant_changes, product_changes) is.
 */
export const SEALED_TABLES = [
  'programs',
  'rule_versions',
  'program_settings_versions',
  'import_batches',
  'import_problems',
  'participant_changes',
  'product_changes',
  'targets',
  'sales_lines',
  'operator_log',
  'ledger_entries',
  'period_events',
  'verification_decisions',
  'decision_withdrawals',
  'standing_decisions',
  'standing_decision_ends',
  'payouts',
  'payout_batches',
  'payout_batch_files',
  'payout_batch_items',
  'payout_events',
  'approved_periods',
  'approved_scores',
  'approved_prizes',
  'approved_lines',
  'approved_line_campaigns',
  'approved_anomalies',
  'approved_anomaly_lines',
  'approved_corrections',
  'approved_correction_batches',
  // A published statement is what a participant was shown: sealed like the money records it is read from.
  'statements',
] as const;

/**
 * The one column the app updates in a sealed table: a batch is superseded once by a corrected
 * file. It is left out of the row's content, and each supersession is sealed on its own when it
 * is made, under this name, with the batch id as its rowid (record-seals.ts).
 */
export const SUPERSESSION_TABLE = 'import_batches.superseded_by';
const LEFT_OUT: Record<string, readonly string[]> = { import_batches: ['superseded_by'] };

/** Where lines are handed to the hash in pieces of about this many characters, not one call per row. */
const PIECE = 1 << 16;

export interface SealedRange {
  firstRowid: number;
  lastRowid: number;
  rowCount: number;
  digest: string;
  checks: Buffer;
}

export interface RowCheck {
  rowid: number;
  crc: number;
}

/** The columns a seal of `table` covers now, rowid first. */
export function sealedColumns(sqlite: Database.Database, table: string): string[] {
  if (table === SUPERSESSION_TABLE) return ['id', 'superseded_by'];
  const left = LEFT_OUT[table] ?? [];
  const names = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((n) => !left.includes(n));
  return ['rowid', ...names];
}

/**
 * Each row as one JSON line, made by SQLite's json_array: a third of the time of reading the
 * values into JavaScript and stringifying them there. A BLOB cannot go into JSON, so a blob
 * column is written as ["blob", hex]; `guardAll` does that for every column, for the audit of a
 * file where someone may have put a blob where the app never does (json_array refuses it).
 */
function lineSql(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  where: string,
  guardAll: boolean,
): string {
  const source = table === SUPERSESSION_TABLE ? 'import_batches' : table;
  const blobs = new Set(
    table === SUPERSESSION_TABLE
      ? []
      : (sqlite.prepare(`PRAGMA table_info("${source}")`).all() as { name: string; type: string }[])
          .filter((c) => /blob/i.test(c.type))
          .map((c) => c.name),
  );
  const list = columns.map((c) => {
    const name = c === 'rowid' ? 'rowid' : `"${c}"`;
    return c !== 'rowid' && (guardAll || blobs.has(c))
      ? `CASE WHEN typeof(${name}) = 'blob' THEN json_array('blob', hex(${name})) ELSE ${name} END`
      : name;
  });
  return `SELECT json_array(${list.join(', ')}) FROM "${source}" WHERE ${where} ORDER BY rowid`;
}

/** The rows of a seal's range: a supersession seal covers only the batches superseded. */
function rangeWhere(table: string): string {
  return table === SUPERSESSION_TABLE
    ? 'superseded_by IS NOT NULL AND rowid > ? AND rowid <= ?'
    : 'rowid > ? AND rowid <= ?';
}

/**
 * Reads the rows of `table` in (after, upTo] and seals them; null when there are none. `keep`
 * receives each row's rowid and check as it goes (verify uses it to name a row; sealing does not).
 */
export function sealRows(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  after: number,
  upTo: number,
  keep?: (row: RowCheck) => void,
  guardAll = false,
): SealedRange | null {
  const where = rangeWhere(table);
  const statement = sqlite.prepare(lineSql(sqlite, table, columns, where, guardAll)).pluck(true);
  const hash = createHash('sha256');
  const crcs: number[] = [];
  const rowids: number[] = [];
  let piece = '';
  for (const json of statement.iterate(after, upTo) as IterableIterator<string>) {
    const line = `${json}\n`;
    const crc = crc32(line);
    const rowid = rowidOf(json);
    crcs.push(crc);
    rowids.push(rowid);
    if (keep) keep({ rowid, crc });
    piece += line;
    if (piece.length >= PIECE) {
      hash.update(piece);
      piece = '';
    }
  }
  if (crcs.length === 0) return null;
  hash.update(piece);
  const firstRowid = rowids[0]!;
  const lastRowid = rowids[rowids.length - 1]!;
  return {
    firstRowid,
    lastRowid,
    rowCount: crcs.length,
    digest: hash.digest('hex'),
    checks: packChecks(firstRowid, rowids, crcs),
  };
}

/** The rowid of a line, its first value: "[12,..." (an integer, so no quote or comma before it). */
function rowidOf(json: string): number {
  const comma = json.indexOf(',');
  return Number(json.slice(1, comma > 0 ? comma : json.length - 1));
}

/**
 * What `sealRows` gives but the CRCs: the audit's first pass over a seal, where only the digest and the count decide.
 * The CRCs are read only when those differ (to name the row), and a forged CRC is caught by the seal's own hash, which
 * covers them; skipping them, and the rowid of every line but the first and last, saves about a fifth of the checks
 * of a year's seals.
 */
export function sealDigest(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  after: number,
  upTo: number,
  guardAll = false,
): Omit<SealedRange, 'checks'> | null {
  const statement = sqlite.prepare(lineSql(sqlite, table, columns, rangeWhere(table), guardAll)).pluck(true);
  const hash = createHash('sha256');
  let first: string | null = null;
  let last = '';
  let rowCount = 0;
  let piece = '';
  for (const json of statement.iterate(after, upTo) as IterableIterator<string>) {
    first ??= json;
    last = json;
    rowCount++;
    piece += `${json}\n`;
    if (piece.length >= PIECE) {
      hash.update(piece);
      piece = '';
    }
  }
  if (first === null) return null;
  hash.update(piece);
  return { firstRowid: rowidOf(first), lastRowid: rowidOf(last), rowCount, digest: hash.digest('hex') };
}

/**
 * 4 bytes of CRC per row when the rowids run without a gap; otherwise each CRC follows its rowid's offset from the
 * first.
 */
function packChecks(firstRowid: number, rowids: readonly number[], crcs: readonly number[]): Buffer {
  const consecutive = rowids[rowids.length - 1]! - firstRowid === rowids.length - 1;
  const out = Buffer.allocUnsafe(crcs.length * (consecutive ? 4 : 8));
  crcs.forEach((crc, i) => {
    if (consecutive) out.writeUInt32BE(crc, i * 4);
    else {
      out.writeUInt32BE(rowids[i]! - firstRowid, i * 8);
      out.writeUInt32BE(crc, i * 8 + 4);
    }
  });
  return out;
}

/** The rowid -> CRC map a seal recorded; null when the blob is not of a size its row count allows. */
export function unpackChecks(firstRowid: number, rowCount: number, checks: Buffer): Map<number, number> | null {
  const map = new Map<number, number>();
  if (checks.length === rowCount * 4) {
    for (let i = 0; i < rowCount; i++) map.set(firstRowid + i, checks.readUInt32BE(i * 4));
  } else if (checks.length === rowCount * 8) {
    for (let i = 0; i < rowCount; i++) map.set(firstRowid + checks.readUInt32BE(i * 8), checks.readUInt32BE(i * 8 + 4));
  } else return null;
  return map;
}

/** A seal as it is hashed: its row (schema.ts) without the hash itself. */
export type SealRecord = Omit<RecordSealRow, 'hash'>;

/** A seal's own hash: everything in it, the CRCs too (so they cannot be re-aimed), and the previous seal's hash. */
export function sealHash(seal: SealRecord): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        seal.id,
        seal.tableName,
        seal.columns,
        seal.firstRowid,
        seal.lastRowid,
        seal.rowCount,
        seal.digest,
        seal.origin,
        seal.prevHash,
      ]),
    )
    .update(seal.checks)
    .digest('hex');
}
