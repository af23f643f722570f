// What an entry's hash covers: every column but the hash itself, in a fixed order, and the
// previous entry's hash. The id is covered too, so a deleted or re-ordered entry breaks the chain.
import { createHash } from 'node:crypto';
import type { LedgerEntryRow } from '../../db/row-types';

export const GENESIS_HASH = '0'.repeat(64);

/** An entry as it is hashed: its row (schema.ts) without the hash itself. */
export type LedgerRecord = Omit<LedgerEntryRow, 'hash'>;

export function ledgerEntryHash(entry: LedgerRecord): string {
  const content = JSON.stringify([
    entry.id,
    entry.programId,
    entry.participantCode,
    entry.period,
    entry.kind,
    entry.points,
    entry.salesLineId,
    entry.batchId,
    entry.sourceRow,
    entry.rule,
    entry.ruleVersion,
    entry.note,
    entry.reversesId,
    entry.correctsPeriod,
    entry.reference,
    entry.createdAt,
    entry.createdBy,
    entry.prevHash,
  ]);
  return ledgerContentHash(content);
}

/**
 * The columns of ledger_entries in the order the hash covers them: the table's own order, the hash left out. A row
 * whose values come in this order has as its hashed content the JSON of those values (the audit's check of a package
 * makes it once, for the entry's hash and its seal's line alike).
 */
export const HASHED_COLUMNS = [
  'id',
  'program_id',
  'participant_code',
  'period',
  'kind',
  'points',
  'sales_line_id',
  'batch_id',
  'source_row',
  'rule',
  'rule_version',
  'note',
  'reverses_id',
  'corrects_period',
  'reference',
  'created_at',
  'created_by',
  'prev_hash',
] as const;

/** The hash of an entry's content, the JSON array ledgerEntryHash makes. */
export function ledgerContentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}
