// What the payouts and budget screens read: a period's top-ups with their status, and the
// budget per period and to date.
import type { CoreContext } from '../context';
import { listPeriods } from '../scoring/list-periods';
import { isLocked } from '../periods/period-states';
import { pointValueOfVersion, requireProgram } from '../program/program-store';
import type { BudgetPeriodView, BudgetView, PayoutView } from './payout-types';
import { draftScore } from '../scoring/period-score';
import { approvedHeldPoints } from '../approval/approved-proposal';
import { loadPayoutStates, payoutAmountsByStatus, payoutView, type PayoutState } from './payout-states';
import { multiplyWithinLimit, sumWithinLimit } from '../money/amount-limit';

export function listPayouts(ctx: CoreContext, period?: string): PayoutView[] {
  const program = requireProgram(ctx);
  return loadPayoutStates(ctx.store.sqlite, program.id, period).map(payoutView);
}

export function budgetView(ctx: CoreContext): BudgetView {
  const program = requireProgram(ctx);
  const amounts = payoutAmountsByStatus(ctx.store.sqlite, program.id);
  const periods: BudgetPeriodView[] = listPeriods(ctx)
    .reverse()
    .map((p) => {
      const own = amounts.get(p.period);
      const sum = (statuses: PayoutState['status'][]) =>
        sumWithinLimit(
          statuses.map((s) => own?.get(s) ?? 0),
          () => `The ${statuses.join(', ')} top-ups of ${p.period}`,
        );
      let heldPoints = 0;
      let budgetedMinor = program.rules.budget?.perPeriodMinor ?? null;
      // A point is worth what the period's rules said: an approved period keeps its version's value.
      let pointValueMinor = program.pointValueMinor;
      if (isLocked(p.state)) {
        const approved = approvedHeldPoints(ctx, program, p.period);
        heldPoints = approved?.heldPoints ?? 0;
        budgetedMinor = approved?.budgetMinor ?? budgetedMinor;
        if (approved?.rulesVersion != null) pointValueMinor = pointValueOfVersion(ctx, program, approved.rulesVersion);
      } else if (p.salesLines > 0) {
        heldPoints = draftScore(ctx, program, p.period, { keepLines: false }).score.totals.heldPoints;
      }
      return {
        period: p.period,
        state: p.state,
        budgetedMinor,
        // Voided and failed top-ups were approved, then taken back: their points went back to
        // the balance, and a later approval pays them as a new top-up, counted in its own period.
        // Counting them here too would count the same points twice to date.
        approvedMinor: sum(['approved', 'exported', 'paid']),
        paidMinor: sum(['paid']),
        failedMinor: sum(['failed']),
        heldPoints,
        heldMinor: multiplyWithinLimit(
          heldPoints,
          pointValueMinor,
          () => `The worth of the points held in ${p.period}`,
        ),
      };
    });
  const total = (key: 'budgetedMinor' | 'approvedMinor' | 'paidMinor' | 'heldMinor') =>
    sumWithinLimit(
      periods.map((p) => p[key] ?? 0),
      () => `The ${key.replace(/Minor$/, '')} amount to date`,
    );
  return {
    currency: program.currency,
    periods,
    toDate: {
      budgetedMinor: total('budgetedMinor'),
      approvedMinor: total('approvedMinor'),
      paidMinor: total('paidMinor'),
      heldMinor: total('heldMinor'),
    },
  };
}
