// The payout proposal of a locked period as it was approved (fitted, selected, held), read from
// the approved_* tables; periods approved before them have it in their event's JSON.
import type { CoreContext } from '../context';
import type { ProgramView } from '../program/program-view';
import { latestEvent } from '../periods/period-states';
import { approvedPeriodOf, approvedScoreRows } from '../scoring/approved-score';
import type { ApprovedRecord, PayoutProposal } from './approval-views';

export function approvedProposal(
  ctx: CoreContext,
  program: ProgramView,
  period: string,
  state: string,
): PayoutProposal | null {
  const approval = approvedPeriodOf(ctx, program.id, period);
  if (!approval) {
    const legacy = latestEvent(ctx, program.id, period, 'approved')?.details as unknown as ApprovedRecord | undefined;
    return legacy?.payouts ? { ...legacy.payouts, state, locked: true } : null;
  }
  const rows = approvedScoreRows(ctx, approval.id);
  return {
    period,
    state,
    locked: true,
    rows: rows
      .filter((r) => r.proposed === 1)
      .map((r) => ({
        code: r.participantCode,
        name: r.name,
        method: r.method ?? 'transfer',
        destination: r.destination ?? '',
        payablePoints: r.payablePoints,
        points: r.paidPoints ?? 0,
        amountMinor: r.paidMinor ?? 0,
        unpaidPoints: r.unpaidPoints ?? 0,
        selected: r.selected === 1,
      })),
    held: rows
      .filter((r) => r.held !== null && r.carry + r.total + r.adjustments + r.corrections > 0)
      .map((r) => ({
        code: r.participantCode,
        name: r.name,
        reason: r.held!,
        points: r.carry + r.total + r.adjustments + r.corrections,
      })),
    totals: {
      points: approval.paidPoints,
      amountMinor: approval.paidMinor,
      payablePoints: approval.proposedPayablePoints,
      payableMinor: approval.proposedPayableMinor,
      budgetMinor: approval.budgetMinor,
      overBudget: approval.overBudget === 1,
      fitted: approval.fitted === 1,
    },
    openAnomalies: approval.openAnomalies,
    currency: program.currency,
  };
}

/** The points held (no destination, inactive) in a locked period as approved, and the rules version they were under. */
export function approvedHeldPoints(
  ctx: CoreContext,
  program: ProgramView,
  period: string,
): { heldPoints: number; budgetMinor: number | null; rulesVersion: number | null } | null {
  const approval = approvedPeriodOf(ctx, program.id, period);
  if (approval) {
    // What approvedProposal lists as held, summed by SQLite: the Budget screen asks this of every period.
    const held = ctx.store.sqlite
      .prepare(
        `SELECT carry + total + adjustments + corrections FROM approved_scores
         WHERE approval_id = ? AND held IS NOT NULL AND carry + total + adjustments + corrections > 0`,
      )
      .pluck()
      .all(approval.id) as number[];
    let heldPoints = 0;
    for (const points of held) heldPoints += points;
    return { heldPoints, budgetMinor: approval.budgetMinor, rulesVersion: approval.ruleVersion };
  }
  const event = latestEvent(ctx, program.id, period, 'approved');
  const legacy = event?.details as unknown as ApprovedRecord | undefined;
  if (!legacy) return null;
  return {
    heldPoints: legacy.payouts?.held.reduce((s, h) => s + h.points, 0) ?? legacy.totals.heldPoints,
    budgetMinor: legacy.payouts?.totals.budgetMinor ?? null,
    rulesVersion: event?.ruleVersion ?? null,
  };
}
