// Posting to the ledger: ids and hashes are given here, in order, each entry chained to the
// one before. Call inside the transaction of the decision that posts, so that a failure
// leaves neither the entries nor the decision.
import type Database from 'better-sqlite3';
import { nowIso, type CoreContext } from '../context';
import type { LedgerEntryRow } from '../../db/row-types';
import { GENESIS_HASH, ledgerEntryHash, type LedgerRecord } from './ledger-hash';
import { progressEvery } from '../progress';

/** What a decision posts: the entry's columns (schema.ts); id, program, time, actor and hashes are given here. */
export type LedgerDraft = Pick<LedgerEntryRow, 'participantCode' | 'period' | 'kind' | 'points'> &
  Partial<
    Pick<
      LedgerEntryRow,
      | 'salesLineId'
      | 'batchId'
      | 'sourceRow'
      | 'rule'
      | 'ruleVersion'
      | 'note'
      | 'reversesId'
      | 'correctsPeriod'
      | 'reference'
    >
  >;

export type LedgerHead = Pick<LedgerEntryRow, 'id' | 'hash'>;

export function ledgerHead(sqlite: Database.Database): LedgerHead {
  const row = sqlite.prepare('SELECT id, hash FROM ledger_entries ORDER BY id DESC LIMIT 1').get() as
    LedgerHead | undefined;
  return row ?? { id: 0, hash: GENESIS_HASH };
}

const INSERT = `INSERT INTO ledger_entries (id, program_id, participant_code, period, kind, points, sales_line_id, batch_id, source_row,
  rule, rule_version, note, reverses_id, corrects_period, reference, created_at, created_by, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Appends the drafts in order and returns the new head; the drafts got ids firstId, firstId + 1, ... Points must be
 * whole numbers.
 */
export function appendLedgerEntries(
  ctx: CoreContext,
  programId: number,
  drafts: readonly LedgerDraft[],
): LedgerHead & { firstId: number } {
  const sqlite = ctx.store.sqlite;
  if (!sqlite.inTransaction) throw new Error('appendLedgerEntries must run inside a transaction');
  let head = ledgerHead(sqlite);
  const firstId = head.id + 1;
  const createdAt = nowIso(ctx);
  const insert = sqlite.prepare(INSERT);
  const progress = progressEvery('posting', drafts.length);
  for (const draft of drafts) {
    if (!Number.isSafeInteger(draft.points))
      throw new Error(`ledger points must be whole numbers, got ${draft.points}`);
    const record: LedgerRecord = {
      id: head.id + 1,
      programId,
      participantCode: draft.participantCode,
      period: draft.period,
      kind: draft.kind,
      points: draft.points,
      salesLineId: draft.salesLineId ?? null,
      batchId: draft.batchId ?? null,
      sourceRow: draft.sourceRow ?? null,
      rule: draft.rule ?? null,
      ruleVersion: draft.ruleVersion ?? null,
      note: draft.note ?? null,
      reversesId: draft.reversesId ?? null,
      correctsPeriod: draft.correctsPeriod ?? null,
      reference: draft.reference ?? null,
      createdAt,
      createdBy: ctx.actor,
      prevHash: head.hash,
    };
    const hash = ledgerEntryHash(record);
    insert.run(
      record.id,
      record.programId,
      record.participantCode,
      record.period,
      record.kind,
      record.points,
      record.salesLineId,
      record.batchId,
      record.sourceRow,
      record.rule,
      record.ruleVersion,
      record.note,
      record.reversesId,
      record.correctsPeriod,
      record.reference,
      record.createdAt,
      record.createdBy,
      record.prevHash,
      hash,
    );
    head = { id: record.id, hash };
    progress(head.id - firstId + 1);
  }
  return { ...head, firstId };
}
