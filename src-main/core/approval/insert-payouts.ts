// The top-ups of an approval, one per paid participant, each with its own reference: the key
// the issuer's confirmation is matched by and the double-payment guard works on.
import { nowIso, type CoreContext } from '../context';
import type { PayoutProposalRow } from './approval-views';
import type { Destination } from './payout-proposal';

/** LD-2026-10-000042: the period and the top-up's own number, unique in the database. */
export function payoutReference(period: string, id: number): string {
  return `LD-${period}-${String(id).padStart(6, '0')}`;
}

/** `firstRedemptionId` is the ledger id of the first row's redemption entry; the others follow in order. */
export function insertPayouts(
  ctx: CoreContext,
  programId: number,
  period: string,
  rows: readonly PayoutProposalRow[],
  destinations: ReadonlyMap<string, Destination>,
  firstRedemptionId: number,
): void {
  const sqlite = ctx.store.sqlite;
  let next = ((sqlite.prepare('SELECT MAX(id) AS id FROM payouts').get() as { id: number | null }).id ?? 0) + 1;
  const insert = sqlite.prepare(
    `INSERT INTO payouts (id, program_id, period, participant_code, participant_name, reference, points, amount_minor, method, card_ref, iban, ledger_entry_id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = nowIso(ctx);
  rows.forEach((row, index) => {
    const destination = destinations.get(row.code) ?? { cardRef: null, iban: null };
    insert.run(
      next,
      programId,
      period,
      row.code,
      row.name,
      payoutReference(period, next),
      row.points,
      row.amountMinor,
      row.method,
      row.method === 'card' ? destination.cardRef : null,
      row.method === 'transfer' ? destination.iban : null,
      firstRedemptionId + index,
      at,
      ctx.actor,
    );
    next++;
  });
}
