// Closing a period: the last step, once its payouts are exported and confirmed. Nothing about a
// closed period changes; the event records who closed it and when.
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { loadPayoutStates } from './payout-states';
import { requireProgram } from '../program/program-store';
import { latestEvent, periodState, recordPeriodEvent } from '../periods/period-states';

export function closePeriod(ctx: CoreContext, period: string): void {
  ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const state = periodState(ctx, program.id, period);
    if (state === 'closed') throw new AppError('PERIOD_LOCKED', `${period} is already closed.`);
    if (state !== 'exported' && state !== 'approved')
      throw new AppError(
        'PERIOD_NOT_APPROVED',
        `${period} is ${state}: approve it and export its payouts before closing it.`,
      );
    const waiting = loadPayoutStates(ctx.store.sqlite, program.id, period).filter(
      (p) => p.status === 'approved' || p.status === 'exported',
    );
    if (waiting.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `${waiting.length} top-ups of ${period} are not confirmed yet (${waiting
          .slice(0, 3)
          .map((p) => p.reference)
          .join(
            ', ',
          )}${waiting.length > 3 ? ', ...' : ''}); import the issuer's confirmation, or void their batch, first.`,
      );
    }
    const approval = latestEvent(ctx, program.id, period, 'approved')!;
    recordPeriodEvent(ctx, program.id, period, 'closed', approval.ruleVersion, {});
    recordDecision(ctx, 'period.close', period, null);
  });
}
