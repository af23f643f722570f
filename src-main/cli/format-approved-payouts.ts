// What an approval actually paid, as the CLI says it after `approve`: the score table above it
// shows every participant's payable amount, which a selection (--only) or a fit to the budget
// leaves partly unpaid, so the top-ups made and what stayed in the balances are named here.
import type { PayoutProposal } from '../ipc/contract';
import { minorToDecimalString } from '../core/money/minor-units';

export function formatApprovedPayouts(proposal: PayoutProposal): string {
  const { code, minorDigits } = proposal.currency;
  const m = (minor: number) => `${minorToDecimalString(minor, minorDigits)} ${code}`;
  const t = proposal.totals;
  const paid = proposal.rows.filter((r) => r.points > 0);
  const unselected = proposal.rows.filter((r) => !r.selected);
  const cut = proposal.rows.filter((r) => r.selected && r.unpaidPoints > 0);
  const budget =
    t.budgetMinor === null
      ? ''
      : ` of a budget of ${m(t.budgetMinor)}${t.overBudget ? ' (over budget, approved with a reason)' : ''}`;
  const lines = [
    paid.length === 0
      ? 'Top-ups approved: none.'
      : `Top-ups approved: ${paid.map((r) => `${r.code} ${r.points} points = ${m(r.amountMinor)}`).join(', ')}; total ${t.points} points = ${m(t.amountMinor)}${budget}.`,
  ];
  if (unselected.length > 0)
    lines.push(
      `Not selected, staying in the balances: ${unselected.map((r) => `${r.code} ${r.unpaidPoints}`).join(', ')} points.`,
    );
  if (cut.length > 0)
    lines.push(
      `Fitted to the budget, staying in the balances: ${cut.map((r) => `${r.code} ${r.unpaidPoints}`).join(', ')} points.`,
    );
  return lines.join('\n');
}
