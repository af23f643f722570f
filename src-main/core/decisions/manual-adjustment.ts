// A manual adjustment: points given or taken by the operator, always with a reason, posted to
// the ledger at once for an open period and shown in explain and in the operator's log.
import type { AdjustmentInput, AdjustmentResult } from './decision-views';
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { isLocked, periodState } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { requirePeriod } from '../periods/require-period';
import { appendLedgerEntries } from '../ledger/append-ledger';
import { addWithinLimit, multiplyWithinLimit, requireWithinLimit } from '../money/amount-limit';

export function addManualAdjustment(ctx: CoreContext, input: AdjustmentInput): AdjustmentResult {
  requirePeriod(input.period);
  const reason = input.reason.trim();
  if (reason === '')
    throw new AppError(
      'REASON_REQUIRED',
      'A manual adjustment needs a reason: it is kept with the points and shown wherever they are explained.',
    );
  if (!Number.isSafeInteger(input.points) || input.points === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `An adjustment is a whole number of points other than zero, not "${String(input.points)}".`,
    );
  }
  requireWithinLimit(input.points, `The adjustment of ${input.participantCode} in ${input.period}`, {
    participantCode: input.participantCode,
    period: input.period,
  });
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const known = ctx.store.sqlite
      .prepare('SELECT 1 FROM participants WHERE program_id = ? AND code = ?')
      .get(program.id, input.participantCode);
    if (!known) throw new AppError('NOT_FOUND', `There is no participant with the code ${input.participantCode}.`);
    const state = periodState(ctx, program.id, input.period);
    if (isLocked(state)) {
      throw new AppError(
        'PERIOD_LOCKED',
        `${input.period} is ${state} and never changes; post the adjustment in an open period, naming in the reason what it corrects.`,
      );
    }
    // The balance after it, in points and in money, must stay countable: it is what approval pays.
    const { balance } = ctx.store.sqlite
      .prepare(
        'SELECT COALESCE(SUM(points), 0) AS balance FROM ledger_entries WHERE program_id = ? AND participant_code = ?',
      )
      .get(program.id, input.participantCode) as { balance: number };
    const details = () => ({
      participantCode: input.participantCode,
      period: input.period,
      balance,
      points: input.points,
    });
    const after = addWithinLimit(
      balance,
      input.points,
      () => `With this adjustment the balance of ${input.participantCode} (${balance} points now)`,
      details,
    );
    multiplyWithinLimit(
      after,
      program.pointValueMinor,
      () =>
        `With this adjustment the balance of ${input.participantCode} (${after} points) at ${program.pointValueMinor} minor units a point`,
      details,
    );
    const head = appendLedgerEntries(ctx, program.id, [
      {
        participantCode: input.participantCode,
        period: input.period,
        kind: 'adjustment',
        points: input.points,
        rule: 'manual',
        note: reason,
      },
    ]);
    recordDecision(ctx, 'ledger.adjust', input.participantCode, reason, {
      period: input.period,
      points: input.points,
      entryId: head.id,
    });
    return {
      entryId: head.id,
      participantCode: input.participantCode,
      period: input.period,
      points: input.points,
      reason,
    };
  });
}
