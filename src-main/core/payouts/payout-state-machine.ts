// The one place that says how a top-up may move. Every writer of payout_events goes through
// movePayout, which judges the move against the top-up's state as it is in the database at
// that instant (inside the caller's transaction), never against a state read earlier. The
// trigger payout_events_state_machine (drizzle/0008_payout_state_machine.sql) refuses the same
// moves to anything that writes to the file another way; payout-state-machine.test.ts keeps
// the two in step.
import type Database from 'better-sqlite3';
import type { PayoutBatchRow, PayoutRow } from '../../db/row-types';
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import type { PayoutStatus } from './payout-types';

export type PayoutEvent = Exclude<PayoutStatus, 'approved'>;

/**
 * paid, failed and voided are final. A failed or voided top-up's points go back to the balance
 * by a ledger reversal, and a later approval pays them as a NEW top-up with its own reference;
 * the old one is never paid, so no confirmation can pay the same points twice.
 */
export const PAYOUT_TRANSITIONS: Readonly<Record<PayoutStatus, readonly PayoutEvent[]>> = {
  approved: ['exported'],
  exported: ['paid', 'failed', 'voided'],
  paid: [],
  failed: [],
  voided: [],
};

export function canMove(from: PayoutStatus, to: PayoutEvent): boolean {
  return PAYOUT_TRANSITIONS[from].includes(to);
}

interface PayoutNow {
  id: number;
  reference: string;
  status: PayoutStatus;
  /** The batch that holds the top-up, if it was exported. */
  batchId: number | null;
}

function payoutNow(sqlite: Database.Database, payoutId: number): PayoutNow | undefined {
  const row = sqlite
    .prepare(
      `SELECT p.id, p.reference, i.batch_id AS batchId,
              (SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1) AS lastEvent
       FROM payouts p LEFT JOIN payout_batch_items i ON i.payout_id = p.id WHERE p.id = ?`,
    )
    .get(payoutId) as
    | (Pick<PayoutRow, 'id' | 'reference'> & { batchId: PayoutBatchRow['id'] | null; lastEvent: PayoutEvent | null })
    | undefined;
  return row && { id: row.id, reference: row.reference, batchId: row.batchId, status: row.lastEvent ?? 'approved' };
}

const DESCRIBED: Record<PayoutStatus, string> = {
  approved: 'approved and in no file yet',
  exported: 'exported and not confirmed yet',
  paid: 'already confirmed paid',
  failed: 'already confirmed failed (its points are back in the balance)',
  voided: 'voided (its points are back in the balance)',
};

function describeStatus(status: PayoutStatus): string {
  return DESCRIBED[status];
}

/** Records one move of a top-up; call inside the transaction that decided it. */
export function movePayout(
  ctx: CoreContext,
  payoutId: number,
  to: PayoutEvent,
  batchId: number | null,
  reason: string | null,
  details: Record<string, unknown> = {},
): void {
  const now = payoutNow(ctx.store.sqlite, payoutId);
  if (!now) throw new AppError('NOT_FOUND', `There is no top-up ${payoutId}.`);
  if (!canMove(now.status, to)) {
    throw new AppError(
      'PAYOUT_STATE_CONFLICT',
      `The top-up ${now.reference} is ${describeStatus(now.status)}; it cannot become ${to}. Nothing was changed.`,
      {
        reference: now.reference,
        status: now.status,
        to,
      },
    );
  }
  ctx.store.sqlite
    .prepare(
      'INSERT INTO payout_events (payout_id, event, batch_id, reason, details_json, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(payoutId, to, batchId, reason, JSON.stringify(details), nowIso(ctx), ctx.actor);
}
