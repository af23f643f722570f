// A participant's ledger as the coordinator reads it: every entry, newest last, and the balance.
import type { CoreContext } from '../context';
import type { LedgerEntryRow } from '../../db/row-types';
import type { LedgerEntryView, ParticipantLedger } from './ledger-views';

export function participantLedger(
  ctx: CoreContext,
  programId: number,
  participantCode: string,
  limit = 5000,
): ParticipantLedger {
  const sqlite = ctx.store.sqlite;
  const balance = sqlite
    .prepare(
      'SELECT COALESCE(SUM(points), 0) AS b, COUNT(*) AS n FROM ledger_entries WHERE program_id = ? AND participant_code = ?',
    )
    .get(programId, participantCode) as {
    b: number;
    n: number;
  };
  // Read as the table's own columns (renamed to the row's keys), so the view is checked against the schema.
  const entries: LedgerEntryView[] = sqlite
    .prepare(
      `SELECT id, period, kind, points, sales_line_id AS salesLineId, batch_id AS batchId, source_row AS sourceRow, rule, rule_version AS ruleVersion,
              note, reverses_id AS reversesId, corrects_period AS correctsPeriod, reference, created_at AS createdAt, created_by AS createdBy, hash
       FROM ledger_entries WHERE program_id = ? AND participant_code = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(programId, participantCode, limit) as Pick<LedgerEntryRow, keyof LedgerEntryView>[];
  return { participantCode, balance: balance.b, entryCount: balance.n, entries: entries.reverse() };
}
