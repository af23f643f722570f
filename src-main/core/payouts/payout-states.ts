// Where each top-up stands: approved (in no file yet), exported, paid, failed or voided, read
// from its append-only events; and the moves between those states that touch the ledger, each
// judged by payout-state-machine.ts.
import type Database from 'better-sqlite3';
import type { PayoutBatchRow, PayoutEventRow, PayoutRow } from '../../db/row-types';
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { appendLedgerEntries } from '../ledger/append-ledger';
import type { PayoutStatus, PayoutView } from './payout-types';
import { maskReference } from '../program/participants/mask-reference';
import { movePayout } from './payout-state-machine';

/** A top-up (payouts, db/schema.ts) with the batch that holds it and its latest event. */
export type PayoutState = Pick<
  PayoutRow,
  | 'id'
  | 'reference'
  | 'period'
  | 'participantCode'
  | 'participantName'
  | 'method'
  | 'cardRef'
  | 'iban'
  | 'points'
  | 'amountMinor'
  | 'ledgerEntryId'
> & {
  status: PayoutStatus;
  batchId: PayoutBatchRow['id'] | null;
  batchRef: PayoutBatchRow['batchRef'] | null;
  statusReason: PayoutEventRow['reason'];
};
export function loadPayoutStates(sqlite: Database.Database, programId: number, period?: string): PayoutState[] {
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.reference, p.period, p.participant_code AS participantCode, p.participant_name AS participantName, p.method,
              p.card_ref AS cardRef, p.iban, p.points, p.amount_minor AS amountMinor, p.ledger_entry_id AS ledgerEntryId,
              i.batch_id AS batchId, b.batch_ref AS batchRef,
              (SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1) AS lastEvent,
              (SELECT e.reason FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1) AS statusReason
       FROM payouts p LEFT JOIN payout_batch_items i ON i.payout_id = p.id LEFT JOIN payout_batches b ON b.id = i.batch_id
       WHERE p.program_id = ? ${period ? 'AND p.period = ?' : ''} ORDER BY p.id`,
    )
    .all(...(period ? [programId, period] : [programId])) as (Omit<PayoutState, 'status'> & {
    lastEvent: PayoutEventRow['event'] | null;
  })[];
  return rows.map(({ lastEvent, ...r }) => ({ ...r, status: lastEvent ?? 'approved' }));
}

/**
 * The top-ups' amounts by period and status (the status being the last event's, as loadPayoutStates gives it),
 * summed by SQLite: the Budget screen's figures without reading 24,000 top-ups of a year one by one.
 */
export function payoutAmountsByStatus(
  sqlite: Database.Database,
  programId: number,
): Map<string, Map<PayoutState['status'], number>> {
  const rows = sqlite
    .prepare(
      `SELECT period, status, SUM(amount_minor) AS amount FROM (
         SELECT p.period, p.amount_minor,
                COALESCE((SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1), 'approved') AS status
         FROM payouts p WHERE p.program_id = ?)
       GROUP BY period, status`,
    )
    .all(programId) as { period: string; status: PayoutState['status']; amount: number }[];
  const out = new Map<string, Map<PayoutState['status'], number>>();
  for (const r of rows) {
    const own = out.get(r.period) ?? new Map<PayoutState['status'], number>();
    own.set(r.status, r.amount);
    out.set(r.period, own);
  }
  return out;
}

export function payoutView(p: PayoutState): PayoutView {
  return {
    id: p.id,
    reference: p.reference,
    period: p.period,
    participantCode: p.participantCode,
    participantName: p.participantName,
    method: p.method,
    destination: maskReference(p.cardRef ?? p.iban ?? ''),
    points: p.points,
    amountMinor: p.amountMinor,
    status: p.status,
    batchRef: p.batchRef,
    statusReason: p.statusReason,
  };
}

export interface ConfirmationMatch {
  payoutId: number;
  reference: string;
  row: number;
  status: 'paid' | 'failed';
  reason: string | null;
}

/**
 * Gives the top-ups' points back to the balance: a reversal of each redemption, in the period
 * of the redemption it reverses, so that the next open period's carry holds them again.
 */
function reverseRedemptions(ctx: CoreContext, programId: number, payouts: readonly PayoutState[], note: string): void {
  appendLedgerEntries(
    ctx,
    programId,
    payouts.map((p) => ({
      participantCode: p.participantCode,
      period: p.period,
      kind: 'reversal' as const,
      points: p.points,
      reversesId: p.ledgerEntryId,
      rule: 'payout',
      reference: p.reference,
      note,
    })),
  );
}

/** Records what a confirmation file says; failed top-ups go back to the balance. Inside the import's transaction. */
export function confirmPayouts(
  ctx: CoreContext,
  programId: number,
  matches: readonly ConfirmationMatch[],
  confirmationBatchId: number,
): { paid: number; failed: number } {
  const states = new Map(loadPayoutStates(ctx.store.sqlite, programId).map((p) => [p.id, p]));
  const failed: PayoutState[] = [];
  for (const m of matches) {
    const p = states.get(m.payoutId);
    if (!p) throw new AppError('NOT_FOUND', `Row ${m.row}: there is no top-up ${m.reference} in this program.`);
    movePayout(ctx, m.payoutId, m.status, p.batchId, m.reason, { confirmationBatchId, row: m.row });
    if (m.status === 'failed') failed.push(p);
  }
  if (failed.length > 0)
    reverseRedemptions(
      ctx,
      programId,
      failed,
      `Top-up failed at the issuer (confirmation batch ${confirmationBatchId}); the points are back in the balance`,
    );
  return { paid: matches.length - failed.length, failed: failed.length };
}

export function markExported(ctx: CoreContext, payoutIds: readonly number[], batchId: number): void {
  for (const id of payoutIds) movePayout(ctx, id, 'exported', batchId, null);
}

/** Voids the top-ups of a batch that are not confirmed paid: their redemptions are reversed. */
export function voidPayouts(
  ctx: CoreContext,
  programId: number,
  payouts: readonly PayoutState[],
  batchId: number,
  reason: string,
): void {
  for (const p of payouts) movePayout(ctx, p.id, 'voided', batchId, reason);
  if (payouts.length > 0) reverseRedemptions(ctx, programId, payouts, `Payout batch voided: ${reason}`);
}
