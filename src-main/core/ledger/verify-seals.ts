// The audit of every money input: re-derives each seal of record_seals from the rows it
// covers, checks the seal chain link by link, names every row changed, removed or added behind
// the app's back (table and rowid), checks each payout against its points, the point value and
// its redemption entry, and, given an anchor kept outside the file, that the chain still holds it.
// It only reads.
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../db/project-paths';
import type { AnchorCheck, LedgerProblem, SealVerification } from './ledger-views';
import type { StoredRowOf } from '../../db/row-types';
import type { ledgerEntries, payouts, programs, recordSeals } from '../../db/schema';
import {
  GENESIS_SEAL_HASH,
  SEALED_TABLES,
  SUPERSESSION_TABLE,
  sealDigest,
  sealHash,
  sealRows,
  sealedColumns,
  unpackChecks,
  type RowCheck,
  type SealRecord,
} from '../../db/seal-rows';

type StoredSeal = StoredRowOf<typeof recordSeals>;

/**
 * The columns that name a row in a finding, per sealed table: typed by the list of sealed tables, so that a table
 * sealed later cannot be left to its bare rowid.
 */
export const ROW_NAMING: Record<(typeof SEALED_TABLES)[number] | typeof SUPERSESSION_TABLE, readonly string[]> = {
  programs: ['name', 'point_value_minor'],
  rule_versions: ['version', 'note'],
  program_settings_versions: ['version', 'name', 'point_value_minor'],
  import_batches: ['kind', 'file_name', 'sha256'],
  [SUPERSESSION_TABLE]: ['superseded_by'],
  import_problems: ['batch_id', 'row', 'column', 'code'],
  participant_changes: ['participant_id', 'field', 'new_value'],
  product_changes: ['product_id', 'field', 'new_value'],
  sales_lines: ['batch_id', 'source_row', 'participant_code', 'sku', 'quantity', 'net_minor'],
  targets: ['batch_id', 'source_row', 'participant_code', 'period', 'target_minor'],
  operator_log: ['at', 'action', 'subject'],
  ledger_entries: ['participant_code', 'period', 'kind', 'points'],
  period_events: ['period', 'state'],
  verification_decisions: ['period', 'anomaly_key', 'action'],
  decision_withdrawals: ['period', 'decision_id'],
  standing_decisions: ['from_period', 'anomaly_key', 'action'],
  standing_decision_ends: ['standing_id', 'last_period'],
  payouts: ['reference', 'participant_code', 'points', 'amount_minor', 'card_ref', 'iban'],
  payout_batches: ['batch_ref', 'format', 'sha256'],
  payout_batch_files: ['batch_id', 'format', 'file_name'],
  payout_batch_items: ['batch_id', 'payout_id'],
  payout_events: ['payout_id', 'event', 'batch_id'],
  approved_periods: ['period', 'paid_minor'],
  approved_scores: ['approval_id', 'participant_code', 'total', 'payout_minor'],
  approved_prizes: ['approval_id', 'participant_code', 'contest_id', 'points'],
  approved_lines: ['approval_id', 'sales_line_id', 'participant_code', 'points'],
  approved_line_campaigns: ['approval_id', 'sales_line_id', 'campaign_id', 'points'],
  approved_anomalies: ['approval_id', 'code', 'participant_code'],
  approved_anomaly_lines: ['anomaly_id', 'sales_line_id'],
  approved_corrections: ['approval_id', 'corrects_period', 'participant_code', 'points'],
  approved_correction_batches: ['approval_id', 'corrects_period', 'role', 'batch_id'],
  statements: ['kind', 'period', 'participant_code', 'replaces_id', 'content_sha256'],
};

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** "payouts row 3 (reference LD-..., amount_minor 120000)": as the row is now. */
function describeRow(sqlite: Database.Database, table: string, rowid: number): string {
  const source = table === SUPERSESSION_TABLE ? 'import_batches' : table;
  const names = ROW_NAMING[table as keyof typeof ROW_NAMING] ?? [];
  const label = table === SUPERSESSION_TABLE ? `import batch ${rowid}'s superseded_by` : `${table} row ${rowid}`;
  if (names.length === 0) return label;
  const row = sqlite
    .prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${source}" WHERE rowid = ?`)
    .get(rowid) as Record<string, unknown> | undefined;
  if (!row) return label;
  return `${label} (${names.map((n) => `${n} ${row[n] === null ? 'null' : String(row[n])}`).join(', ')})`;
}

/** True when the file went through the migration that made record_seals, so the table must be there. */
function sealsExpected(sqlite: Database.Database): boolean {
  try {
    const journal = JSON.parse(readFileSync(join(findProjectRoot(), 'drizzle', 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    const entry = journal.entries.find((e) => e.tag.endsWith('_audit_seals'));
    if (!entry || !hasTable(sqlite, '__drizzle_migrations')) return false;
    return sqlite.prepare('SELECT 1 FROM __drizzle_migrations WHERE created_at = ?').get(entry.when) !== undefined;
  } catch {
    return false;
  }
}

export function verifySeals(
  sqlite: Database.Database,
  add: (problem: LedgerProblem) => void,
  anchor?: string,
  checkedAsRead: ReadonlyMap<string, number> = new Map(),
): { seals: SealVerification; anchor?: AnchorCheck } {
  const result: SealVerification = {
    sealsChecked: 0,
    rowsChecked: 0,
    baselineRows: 0,
    head: { id: 0, hash: GENESIS_SEAL_HASH },
  };
  if (!hasTable(sqlite, 'record_seals')) {
    if (sealsExpected(sqlite)) {
      add({
        kind: 'SEALS_MISSING',
        entryId: null,
        table: 'record_seals',
        rowId: null,
        message: 'The table record_seals, which seals every money input, has been removed from this database.',
      });
    }
    return { seals: result, ...(anchor === undefined ? {} : { anchor: { hash: anchor, sealId: null, ok: false } }) };
  }

  // The chain itself: ids without a gap, each seal's hash over its content and the one before.
  const byTable = new Map<string, StoredSeal[]>();
  let previous = { id: 0, hash: GENESIS_SEAL_HASH };
  let writeSeen = false;
  let anchorSeal: number | null = null;
  for (const s of sqlite.prepare('SELECT * FROM record_seals ORDER BY id').iterate() as IterableIterator<StoredSeal>) {
    result.sealsChecked++;
    if (s.id !== previous.id + 1) {
      add({
        kind: 'SEAL_CHAIN_BROKEN',
        entryId: null,
        table: 'record_seals',
        rowId: s.id,
        message: `Seals ${previous.id + 1} to ${s.id - 1} of record_seals are missing (deleted) before seal ${s.id}.`,
      });
    } else if (s.prev_hash !== previous.hash) {
      add({
        kind: 'SEAL_CHAIN_BROKEN',
        entryId: null,
        table: 'record_seals',
        rowId: s.id,
        message: `Seal ${s.id} of record_seals does not follow seal ${previous.id}: the chain of seals is broken there.`,
      });
    }
    const record: SealRecord = {
      id: s.id,
      tableName: s.table_name,
      columns: s.columns,
      firstRowid: s.first_rowid,
      lastRowid: s.last_rowid,
      rowCount: s.row_count,
      digest: s.digest,
      checks: s.checks,
      origin: s.origin,
      prevHash: s.prev_hash,
    };
    if (sealHash(record) !== s.hash) {
      add({
        kind: 'SEAL_CHAIN_BROKEN',
        entryId: null,
        table: 'record_seals',
        rowId: s.id,
        message: `Seal ${s.id} of record_seals (${s.table_name}, rows ${s.first_rowid} to ${s.last_rowid}) was changed after it was written: its content does not match its hash.`,
      });
    }
    if (s.origin === 'write') writeSeen = true;
    else {
      result.baselineRows += s.row_count;
      if (writeSeen) {
        add({
          kind: 'BASELINE_LATE',
          entryId: null,
          table: 'record_seals',
          rowId: s.id,
          message: `Seal ${s.id} of record_seals seals ${s.table_name} rows ${s.first_rowid} to ${s.last_rowid} as found, after the app had begun sealing its own writes: someone asked for a second baseline to cover rows the app did not write.`,
        });
      }
    }
    if (anchor !== undefined && s.hash === anchor) anchorSeal = s.id;
    const list = byTable.get(s.table_name) ?? [];
    list.push(s);
    byTable.set(s.table_name, list);
    previous = { id: s.id, hash: s.hash };
  }
  result.head = previous;

  for (const table of [...SEALED_TABLES, SUPERSESSION_TABLE]) {
    if (!hasTable(sqlite, table === SUPERSESSION_TABLE ? 'import_batches' : table)) continue;
    // A table whose seals were re-derived as its CSV was read, and found whole, is not in the database to read again.
    const asRead = checkedAsRead.get(table);
    result.rowsChecked += asRead ?? checkTable(sqlite, table, byTable.get(table) ?? [], add);
  }
  checkPayouts(sqlite, add);

  if (anchor === undefined) return { seals: result };
  if (anchorSeal === null) {
    add({
      kind: 'ANCHOR_NOT_FOUND',
      entryId: null,
      table: 'record_seals',
      rowId: null,
      message: `The anchor ${anchor} is not in this database's chain of seals (head ${previous.id} ${previous.hash}): the chain was rewritten since that anchor was taken, or this is another database.`,
    });
  }
  return { seals: result, anchor: { hash: anchor, sealId: anchorSeal, ok: anchorSeal !== null } };
}

/**
 * A seal's content as the rows are now; a blob where the app never writes one is read as such instead of stopping the
 * audit.
 */
function derive(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  after: number,
  upTo: number,
  keep?: (row: RowCheck) => void,
) {
  try {
    return sealRows(sqlite, table, columns, after, upTo, keep);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_ERROR') throw error;
    return sealRows(sqlite, table, columns, after, upTo, keep, true);
  }
}

/** The digest of a seal's rows as they are now (derive without the CRCs), with the same tolerance of a blob. */
function digestOf(sqlite: Database.Database, table: string, columns: readonly string[], after: number, upTo: number) {
  try {
    return sealDigest(sqlite, table, columns, after, upTo);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_ERROR') throw error;
    return sealDigest(sqlite, table, columns, after, upTo, true);
  }
}

/** Re-derives each seal of a table from its rows and finds the rows no seal covers; returns the rows read. */
function checkTable(
  sqlite: Database.Database,
  table: string,
  seals: StoredSeal[],
  add: (problem: LedgerProblem) => void,
): number {
  const entryId = (rowid: number) => (table === 'ledger_entries' ? rowid : null);
  const current = sealedColumns(sqlite, table);
  let rows = 0;
  const ranges = [...seals].sort((a, b) => a.first_rowid - b.first_rowid);
  for (const seal of ranges) {
    const columns = seal.columns.split(',');
    const gone = columns.filter((c) => !current.includes(c));
    if (gone.length > 0) {
      add({
        kind: 'SEAL_MISMATCH',
        entryId: null,
        table,
        rowId: null,
        message: `The column${gone.length > 1 ? 's' : ''} ${gone.join(', ')} of ${table}, sealed by seal ${seal.id}, ${gone.length > 1 ? 'have' : 'has'} been removed from the table.`,
      });
      continue;
    }
    const found = digestOf(sqlite, table, columns, seal.first_rowid - 1, seal.last_rowid);
    rows += found?.rowCount ?? 0;
    if (found && found.digest === seal.digest && found.rowCount === seal.row_count) continue;
    // Something differs: read the range again, this time keeping each row's check, to name it.
    const present = new Map<number, number>();
    derive(sqlite, table, columns, seal.first_rowid - 1, seal.last_rowid, (r) => present.set(r.rowid, r.crc));
    const expected = unpackChecks(seal.first_rowid, seal.row_count, seal.checks);
    let named = 0;
    if (expected) {
      for (const [rowid, crc] of expected) {
        const now = present.get(rowid);
        if (now === undefined) {
          named++;
          add({
            kind: 'ROW_REMOVED',
            entryId: entryId(rowid),
            table,
            rowId: rowid,
            message:
              table === SUPERSESSION_TABLE
                ? `Import batch ${rowid} was sealed as superseded, and no longer is: its superseded_by was cleared behind the app's back.`
                : `${table} row ${rowid}, sealed by seal ${seal.id}, is missing (deleted).`,
          });
        } else if (now !== crc) {
          named++;
          add({
            kind: 'ROW_CHANGED',
            entryId: entryId(rowid),
            table,
            rowId: rowid,
            message: `${describeRow(sqlite, table, rowid)} was changed after it was written: it no longer matches seal ${seal.id}.`,
          });
        }
      }
      for (const rowid of present.keys()) {
        if (!expected.has(rowid)) {
          named++;
          add({
            kind: 'ROW_UNSEALED',
            entryId: entryId(rowid),
            table,
            rowId: rowid,
            message: `${describeRow(sqlite, table, rowid)} was added behind the app's back, among the rows of seal ${seal.id}.`,
          });
        }
      }
    }
    if (named === 0) {
      add({
        kind: 'SEAL_MISMATCH',
        entryId: null,
        table,
        rowId: null,
        message: `The rows ${seal.first_rowid} to ${seal.last_rowid} of ${table} no longer match seal ${seal.id}; the row that differs could not be told (its check value was forged too).`,
      });
    }
  }

  // Rows no seal covers: added behind the app's back (the app seals each of its writes).
  const source = table === SUPERSESSION_TABLE ? 'import_batches' : table;
  const filter = table === SUPERSESSION_TABLE ? 'WHERE superseded_by IS NOT NULL ' : '';
  let at = 0;
  for (const rowid of sqlite
    .prepare(`SELECT rowid FROM "${source}" ${filter}ORDER BY rowid`)
    .pluck()
    .iterate() as IterableIterator<number>) {
    while (at < ranges.length && ranges[at]!.last_rowid < rowid) at++;
    const range = ranges[at];
    if (range && range.first_rowid <= rowid) continue;
    add({
      kind: 'ROW_UNSEALED',
      entryId: entryId(rowid),
      table,
      rowId: rowid,
      message:
        table === SUPERSESSION_TABLE
          ? `${describeRow(sqlite, table, rowid)}: the batch was marked superseded behind the app's back; no seal records it.`
          : `${describeRow(sqlite, table, rowid)} was added behind the app's back: no seal covers it.`,
    });
  }
  return rows;
}

type StoredPayout = StoredRowOf<typeof payouts>;
type StoredEntry = StoredRowOf<typeof ledgerEntries>;
/** A top-up with its program's point value and its redemption entry, either of which may be missing (LEFT JOIN). */
type PayoutRow = Pick<
  StoredPayout,
  'id' | 'reference' | 'participant_code' | 'period' | 'points' | 'amount_minor' | 'ledger_entry_id'
> & {
  point_value_minor: StoredRowOf<typeof programs>['point_value_minor'] | null;
  entry_id: StoredEntry['id'] | null;
  entry_kind: StoredEntry['kind'] | null;
  entry_code: StoredEntry['participant_code'] | null;
  entry_period: StoredEntry['period'] | null;
  entry_points: StoredEntry['points'] | null;
};

/** Each top-up is its points at the point value its period was approved under, and redeems exactly those points. */
function checkPayouts(sqlite: Database.Database, add: (problem: LedgerProblem) => void): void {
  if (!hasTable(sqlite, 'payouts') || !hasTable(sqlite, 'ledger_entries')) return;
  const rows = sqlite
    .prepare(
      // The point value the period was approved under: its rules version's own, or the program's as created where
      // that version names none (a change of the point value is a new rules version; earlier periods keep theirs).
      `WITH approved AS (
         SELECT program_id, period, rule_version FROM period_events WHERE id IN (
           SELECT MAX(id) FROM period_events WHERE state = 'approved' GROUP BY program_id, period))
       SELECT p.id, p.reference, p.participant_code, p.period, p.points, p.amount_minor, p.ledger_entry_id,
              CASE WHEN g.id IS NULL THEN NULL ELSE COALESCE(
                CASE WHEN json_valid(rv.rules_json) THEN json_extract(rv.rules_json, '$.pointValueMinor') END,
                g.point_value_minor) END AS point_value_minor,
              e.id AS entry_id, e.kind AS entry_kind, e.participant_code AS entry_code, e.period AS entry_period, e.points AS entry_points
       FROM payouts p LEFT JOIN programs g ON g.id = p.program_id
         LEFT JOIN approved a ON a.program_id = p.program_id AND a.period = p.period
         LEFT JOIN rule_versions rv ON rv.program_id = a.program_id AND rv.version = a.rule_version
         LEFT JOIN ledger_entries e ON e.id = p.ledger_entry_id ORDER BY p.id`,
    )
    .iterate() as IterableIterator<PayoutRow>;
  for (const p of rows) {
    const who = `payouts row ${p.id} (${p.reference}, ${p.participant_code}, ${p.period})`;
    const expected = p.point_value_minor === null ? null : p.points * p.point_value_minor;
    if (expected === null || p.amount_minor !== expected || !Number.isSafeInteger(p.amount_minor)) {
      add({
        kind: 'PAYOUT_AMOUNT',
        entryId: null,
        table: 'payouts',
        rowId: p.id,
        message:
          expected === null
            ? `${who} belongs to no program, so its amount ${String(p.amount_minor)} cannot come from a point value.`
            : `${who} pays ${String(p.amount_minor)} minor units, but its ${String(p.points)} points at ${p.point_value_minor} each are ${expected}.`,
      });
    }
    const differs: string[] = [];
    if (p.entry_id === null) differs.push(`its redemption entry ${p.ledger_entry_id} does not exist`);
    else {
      if (p.entry_kind !== 'redemption')
        differs.push(`entry ${p.entry_id} is a ${String(p.entry_kind)}, not a redemption`);
      if (p.entry_code !== p.participant_code)
        differs.push(`entry ${p.entry_id} is of participant ${String(p.entry_code)}`);
      if (p.entry_period !== p.period) differs.push(`entry ${p.entry_id} is in ${String(p.entry_period)}`);
      if (p.entry_points !== -p.points)
        differs.push(`entry ${p.entry_id} redeems ${String(-(p.entry_points ?? 0))} points, not ${String(p.points)}`);
    }
    if (differs.length > 0)
      add({
        kind: 'PAYOUT_REDEMPTION',
        entryId: p.entry_id,
        table: 'payouts',
        rowId: p.id,
        message: `${who} does not match its redemption: ${differs.join('; ')}.`,
      });
  }
}
