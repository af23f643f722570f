// What an entry's hash covers: every column but the hash itself, in a fixed order, and the
// previous entry's hash. The id is covered too, so a deleted or re-ordered entry breaks the chain.
import { createHash } from 'node:crypto';
import type { LedgerKind } from '../../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerRecord {
  id: number;
  programId: number;
  participantCode: string;
  period: string;
  kind: LedgerKind;
  points: number;
  salesLineId: number | null;
  batchId: number | null;
  sourceRow: number | null;
  rule: string | null;
  ruleVersion: number | null;
  note: string | null;
  reversesId: number | null;
  correctsPeriod: string | null;
  reference: string | null;
  createdAt: string;
  createdBy: string;
  prevHash: string;
}

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
