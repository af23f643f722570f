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
  return createHash('sha256').update(content).digest('hex');
}
