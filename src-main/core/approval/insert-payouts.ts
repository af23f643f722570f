// The top-ups of an approval, one per paid participant, each with its own reference: the key
// the issuer's confirmation is matched by and the double-payment guard works on.
import { nowIso, type CoreContext } from '../context';
import type { PayoutProposalRow } from './approval-views';
import type { Destination } from './payout-proposal';

/** LD-2026-10-000042: the period and the top-up's own number, unique in the database. */
function payoutReference(period: string, id: number): string {
  return `LD-${period}-${String(id).padStart(6, '0')}`;
}

/**
 * `after` is the ledger's last id before this approval's entries: each top-up points at its
 * participant's redemption entry posted after it, looked up, so that nothing depends on the
 * order the entries were drafted in.
 */
export function insertPayouts(
  ctx: CoreContext,
  programId: number,
  period: string,
  rows: readonly PayoutProposalRow[],
  destinations: ReadonlyMap<string, Destination>,
  after: number,
): void {
  const sqlite = ctx.store.sqlite;
  const redemption = sqlite
    .prepare(
      "SELECT id FROM ledger_entries WHERE program_id = ? AND period = ? AND participant_code = ? AND kind = 'redemption' AND points = ? AND id > ? ORDER BY id",
    )
    .pluck();
  // The reference carries the top-up's own id, so the id is taken (the next one) in the same statement that writes it.
  const insert = sqlite.prepare(
    `INSERT INTO payouts (id, program_id, period, participant_code, participant_name, reference, points, amount_minor, method, card_ref, iban, ledger_entry_id, created_at, created_by)
     SELECT n.id, ?, ?, ?, ?, 'LD-' || ? || '-' || printf('%06d', n.id), ?, ?, ?, ?, ?, ?, ?, ?
     FROM (SELECT COALESCE(MAX(id), 0) + 1 AS id FROM payouts) n
     RETURNING id, reference`,
  );
  const at = nowIso(ctx);
  for (const row of rows) {
    const entries = redemption.all(programId, period, row.code, -row.points, after) as number[];
    if (entries.length !== 1)
      throw new Error(
        `approval of ${period}: ${entries.length} redemption entries of ${row.points} points for ${row.code}, expected one`,
      );
    const destination = destinations.get(row.code) ?? { cardRef: null, iban: null };
    const written = insert.get(
      programId,
      period,
      row.code,
      row.name,
      period,
      row.points,
      row.amountMinor,
      row.method,
      row.method === 'card' ? destination.cardRef : null,
      row.method === 'transfer' ? destination.iban : null,
      entries[0],
      at,
      ctx.actor,
    ) as { id: number; reference: string };
    if (written.reference !== payoutReference(period, written.id))
      throw new Error(
        `payout ${written.id}: reference ${written.reference} is not ${payoutReference(period, written.id)}`,
      );
  }
}
