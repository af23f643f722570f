// `audit verify`: recomputes the ledger's hash chain from the first entry and checks the
// guards around it, reporting each entry it finds broken, then every other money input through
// the seal chain (verify-seals.ts). It only reads.
import type Database from 'better-sqlite3';
import type { StoredRowOf } from '../../db/row-types';
import type { ledgerEntries } from '../../db/schema';
import type { LedgerProblem, LedgerVerification } from './ledger-views';
import { GENESIS_HASH, ledgerContentHash, ledgerEntryHash, type LedgerRecord } from './ledger-hash';
import { verifySeals } from './verify-seals';
import { progressEvery } from '../progress';
import { expectedGuardTriggers, normalizeSql } from './guard-triggers';

// Every append-only trigger of the migrations: a missing one means someone dropped it (and so
// could have edited what it guards, which the seals then show). Used when the migrations'
// files cannot be read (guard-triggers.ts reads them).
const GUARDS = [
  'ledger_entries_no_update',
  'ledger_entries_no_delete',
  'period_events_no_update',
  'period_events_no_delete',
  'operator_log_no_update',
  'operator_log_no_delete',
  'participant_changes_no_update',
  'participant_changes_no_delete',
  'import_problems_no_update',
  'import_problems_no_delete',
  'import_batches_no_delete',
  'import_batches_provenance_fixed',
  'import_batches_period_headers_fixed',
  'import_batches_superseded_once',
  'rule_versions_no_update',
  'rule_versions_no_delete',
  'program_settings_versions_no_update',
  'program_settings_versions_no_delete',
  'sales_lines_no_update',
  'sales_lines_no_delete',
  'targets_no_update',
  'targets_no_delete',
  'product_changes_no_update',
  'product_changes_no_delete',
  'verification_decisions_no_update',
  'verification_decisions_no_delete',
  'decision_withdrawals_no_update',
  'decision_withdrawals_no_delete',
  'standing_decisions_no_update',
  'standing_decisions_no_delete',
  'standing_decision_ends_no_update',
  'standing_decision_ends_no_delete',
  'payouts_no_update',
  'payouts_no_delete',
  'payout_batches_no_update',
  'payout_batches_no_delete',
  'payout_batch_items_no_update',
  'payout_batch_items_no_delete',
  'payout_events_no_update',
  'payout_events_no_delete',
  'record_seals_no_update',
  'record_seals_no_delete',
];

type StoredEntry = StoredRowOf<typeof ledgerEntries>;

/** A stored row as its hash covers it (the check at every start recomputes the entries after the last anchor). */
export function recordOf(row: StoredEntry): LedgerRecord {
  return {
    id: row.id,
    programId: row.program_id,
    participantCode: row.participant_code,
    period: row.period,
    kind: row.kind,
    points: row.points,
    salesLineId: row.sales_line_id,
    batchId: row.batch_id,
    sourceRow: row.source_row,
    rule: row.rule,
    ruleVersion: row.rule_version,
    note: row.note,
    reversesId: row.reverses_id,
    correctsPeriod: row.corrects_period,
    reference: row.reference,
    createdAt: row.created_at,
    createdBy: row.created_by,
    prevHash: row.prev_hash,
  };
}

/** At most this many problems are listed; one edit is enough to fail the check. */
const MAX_PROBLEMS = 100;

export interface VerifyOptions {
  /** A seal chain head noted outside the file (a payout file, a screenshot): the chain must still hold it. */
  anchor?: string;
  /**
   * What was checked as an audit package's CSV was read, found whole, and is not in this database to check again
   * (audit/check-as-read.ts): the chain pass over the ledger, and the tables whose every seal was re-derived equal
   * and every row lay in a seal, with the rows those seals cover.
   */
  checkedAsRead?: { chain?: ChainPass; tables: ReadonlyMap<string, number> };
}

/** What the pass over the ledger's entries found: how many, the last, and the hashes of the entries asked for. */
export interface ChainPass {
  checked: number;
  head: { id: number; hash: string };
  hashes: Map<number, string>;
}

/** The approvals' notes of the ledger's last entry, and the ids of those entries, whose hashes the chain pass keeps. */
export function approvalHeads(sqlite: Database.Database): {
  anchors: { period: string; details_json: string }[];
  heads: ({ id: number; hash: string } | undefined)[];
  kept: Set<number>;
} {
  // Each approval noted the ledger's last entry; losing entries at the end shows there. Only those entries' hashes
  // are kept from the chain pass, not a million of them.
  const anchors = sqlite
    .prepare("SELECT period, details_json FROM period_events WHERE state = 'approved' ORDER BY id")
    .all() as { period: string; details_json: string }[];
  const heads = anchors.map(
    (anchor) => (JSON.parse(anchor.details_json) as { ledgerHead?: { id: number; hash: string } }).ledgerHead,
  );
  return { anchors, heads, kept: new Set(heads.flatMap((head) => (head && head.id !== 0 ? [head.id] : []))) };
}

/**
 * The chain checked entry by entry, in the order of their ids, from rows of values named by `names` (the table's
 * columns, as SQLite gives them or as an audit package's CSV holds them): each entry follows the one before and
 * matches its own hash.
 */
export function ledgerChain(
  names: readonly string[],
  kept: ReadonlySet<number>,
  add: (problem: LedgerProblem) => void,
): {
  /** `content`, when given, is the JSON of the entry's values in HASHED_COLUMNS' order, made by the caller anyway. */
  entry(values: readonly unknown[], content?: string): void;
  checked(): number;
  result(): ChainPass;
} {
  const at = (name: keyof StoredEntry) => names.indexOf(name);
  const [id, programId, participantCode, period, kind, points, salesLineId, batchId, sourceRow] = [
    at('id'),
    at('program_id'),
    at('participant_code'),
    at('period'),
    at('kind'),
    at('points'),
    at('sales_line_id'),
    at('batch_id'),
    at('source_row'),
  ];
  const [rule, ruleVersion, note, reversesId, correctsPeriod, reference, createdAt, createdBy, prevHash, hash] = [
    at('rule'),
    at('rule_version'),
    at('note'),
    at('reverses_id'),
    at('corrects_period'),
    at('reference'),
    at('created_at'),
    at('created_by'),
    at('prev_hash'),
    at('hash'),
  ];
  const hashes = new Map<number, string>();
  let previous: { id: number; hash: string } = { id: 0, hash: GENESIS_HASH };
  let checked = 0;
  function checkEntry(row: StoredEntry, content: string | undefined): void {
    checked++;
    if (!Number.isSafeInteger(row.points)) {
      add({
        kind: 'NOT_WHOLE_POINTS',
        entryId: row.id,
        message: `Entry ${row.id} holds ${String(row.points)} points, not a whole number.`,
      });
    }
    if (row.id !== previous.id + 1) {
      const gap = row.id - previous.id - 1;
      add({
        kind: 'ENTRY_MISSING',
        entryId: row.id,
        message:
          gap === 1
            ? `Entry ${previous.id + 1} is missing (deleted) before entry ${row.id}.`
            : `Entries ${previous.id + 1} to ${row.id - 1} are missing (deleted) before entry ${row.id}.`,
      });
    } else if (row.prev_hash !== previous.hash) {
      add({
        kind: 'CHAIN_BROKEN',
        entryId: row.id,
        message: `Entry ${row.id} does not follow entry ${previous.id}: the chain of hashes is broken there.`,
      });
    }
    const expected = content === undefined ? ledgerEntryHash(recordOf(row)) : ledgerContentHash(content);
    if (expected !== row.hash) {
      add({
        kind: 'CONTENT_CHANGED',
        entryId: row.id,
        message: `Entry ${row.id} (${row.participant_code}, ${row.period}, ${row.kind}, ${String(row.points)} points) was changed after it was written: its content does not match its hash.`,
      });
    }
    if (kept.has(row.id)) hashes.set(row.id, row.hash);
    previous = { id: row.id, hash: row.hash };
  }
  return {
    entry: (v, content) =>
      checkEntry(
        {
          id: v[id],
          program_id: v[programId],
          participant_code: v[participantCode],
          period: v[period],
          kind: v[kind],
          points: v[points],
          sales_line_id: v[salesLineId],
          batch_id: v[batchId],
          source_row: v[sourceRow],
          rule: v[rule],
          rule_version: v[ruleVersion],
          note: v[note],
          reverses_id: v[reversesId],
          corrects_period: v[correctsPeriod],
          reference: v[reference],
          created_at: v[createdAt],
          created_by: v[createdBy],
          prev_hash: v[prevHash],
          hash: v[hash],
        } as StoredEntry,
        content,
      ),
    checked: () => checked,
    result: () => ({ checked, head: previous, hashes }),
  };
}

export function verifyLedger(sqlite: Database.Database, options: VerifyOptions = {}): LedgerVerification {
  const problems: LedgerProblem[] = [];
  const add = (problem: LedgerProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };

  const tables = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  // A file from before the ledger existed has nothing to verify.
  if (!tables.has('ledger_entries')) {
    const ok = options.anchor === undefined;
    return {
      ok,
      entriesChecked: 0,
      head: { id: 0, hash: GENESIS_HASH },
      anchorsChecked: 0,
      problems: ok
        ? []
        : [
            {
              kind: 'ANCHOR_NOT_FOUND',
              entryId: null,
              table: 'record_seals',
              rowId: null,
              message: `The anchor ${String(options.anchor)} is not in this database: it has no seals at all.`,
            },
          ],
    };
  }

  const triggers = new Map(
    (
      sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
        tbl_name: string;
        sql: string;
      }[]
    ).map((r) => [r.name, r]),
  );
  // The migrations' own text where it can be read; the names below otherwise.
  const applied = tables.has('__drizzle_migrations')
    ? new Set(
        (sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as (number | string)[]).map(
          Number,
        ),
      )
    : undefined;
  const expected =
    expectedGuardTriggers(applied) ??
    GUARDS.map((name) => ({
      name,
      table: name.replace(/_(no_update|no_delete|provenance_fixed|period_headers_fixed|superseded_once)$/, ''),
      sql: null,
    }));
  for (const guard of expected) {
    const table = guard.table;
    if (!tables.has(table)) continue;
    const found = triggers.get(guard.name);
    if (!found)
      add({
        kind: 'GUARD_MISSING',
        entryId: null,
        table,
        rowId: null,
        message: `The database trigger ${guard.name} that keeps ${table} append-only has been removed.`,
      });
    // A trigger of the same name that no longer refuses the change is as good as dropped.
    else if (
      found.tbl_name !== table ||
      (guard.sql === null ? !/RAISE\s*\(\s*ABORT/i.test(found.sql) : normalizeSql(found.sql) !== guard.sql)
    ) {
      add({
        kind: 'GUARD_MISSING',
        entryId: null,
        table,
        rowId: null,
        message: `The database trigger ${guard.name} on ${table} has been replaced by one that is not the app's: ${found.sql.replace(/\s+/g, ' ')}`,
      });
    }
  }

  const { anchors, heads, kept } = approvalHeads(sqlite);
  let chain = options.checkedAsRead?.chain;
  if (!chain) {
    const total = (sqlite.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const progress = progressEvery('verifying', total, 5000);
    // Rows as arrays (every column, by name), not objects: a row object per entry is most of the time of this pass
    // over a year's ledger. A column removed behind the app's back still reads as undefined, as before.
    const statement = sqlite.prepare('SELECT * FROM ledger_entries ORDER BY id').raw();
    const pass = ledgerChain(
      statement.columns().map((c) => c.name),
      kept,
      add,
    );
    for (const values of statement.iterate() as IterableIterator<unknown[]>) {
      pass.entry(values);
      progress(Math.min(pass.checked(), total));
    }
    chain = pass.result();
  }
  const { hashes } = chain;
  const previous = chain.head;
  const checked = chain.checked;

  let anchorsChecked = 0;
  anchors.forEach((anchor, i) => {
    const head = heads[i];
    if (!head || head.id === 0) return;
    anchorsChecked++;
    const found = hashes.get(head.id);
    if (found !== head.hash) {
      add({
        kind: 'ANCHOR_MISSING',
        entryId: head.id,
        message:
          found === undefined
            ? `Entry ${head.id}, the last one posted when ${anchor.period} was approved, is gone.`
            : `Entry ${head.id}, the last one posted when ${anchor.period} was approved, no longer has the hash noted then.`,
      });
    }
  });

  const sealed = verifySeals(sqlite, add, options.anchor, options.checkedAsRead?.tables);
  return { ok: problems.length === 0, entriesChecked: checked, head: previous, anchorsChecked, problems, ...sealed };
}
