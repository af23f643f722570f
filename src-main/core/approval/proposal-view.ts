// What the approval screen reads: the proposal for a period, live while it is open, as approved
// once locked.
import type { CoreContext } from '../context';
import { isLocked, periodState } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { draftScore } from '../scoring/period-score';
import { requirePeriod } from '../periods/require-period';
import { verificationQueue } from '../verification/verification-queue';
import type { PayoutProposal } from './approval-views';
import { approvedProposal } from './approved-proposal';
import { loadDestinations, proposePayouts, type ProposalOptions } from './payout-proposal';

export function payoutProposal(ctx: CoreContext, period: string, options: ProposalOptions = {}): PayoutProposal {
  requirePeriod(period);
  const program = requireProgram(ctx);
  const state = periodState(ctx, program.id, period);
  if (isLocked(state)) {
    const approved = approvedProposal(ctx, program, period, state);
    if (approved) return approved;
  }
  // The draft and its findings are kept until the next write: the Verification screen scored them already.
  const draft = draftScore(ctx, program, period, { keepLines: true });
  const open = verificationQueue(ctx, period).open;
  return proposePayouts(program, state, draft.score, loadDestinations(ctx.store.sqlite, program.id), open, options);
}
