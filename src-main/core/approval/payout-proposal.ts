// The top-ups an approval would make: each participant's payable amount, where it goes (card
// first, else a bank transfer to the IBAN), fitted to the budget or narrowed to a selection
// when the coordinator asks, and the payouts that are held.
import { maskReference } from '../program/participants/mask-reference';
import type Database from 'better-sqlite3';
import type { RowOf } from '../../db/row-types';
import type { participants } from '../../db/schema';
import type { ProgramView } from '../program/program-view';
import { AppError } from '../app-error';
import type { PeriodScore } from '../scoring/score-types';
import type { PayoutProposal, PayoutProposalRow } from './approval-views';
import { fitToBudget } from './fit-budget';

export interface ProposalOptions {
  fitBudget?: boolean;
  /** Pay only these participants; the others' payable stays in their balance. */
  only?: readonly string[];
}

type Participant = RowOf<typeof participants>;

export type Destination = Pick<Participant, 'cardRef' | 'iban'>;

export function loadDestinations(sqlite: Database.Database, programId: number): Map<string, Destination> {
  const rows = sqlite
    .prepare('SELECT code, card_ref, iban FROM participants WHERE program_id = ?')
    .raw()
    .all(programId) as [Participant['code'], Participant['cardRef'], Participant['iban']][];
  return new Map(rows.map(([code, cardRef, iban]) => [code, { cardRef, iban }]));
}

export function proposePayouts(
  program: ProgramView,
  state: string,
  score: PeriodScore,
  destinations: ReadonlyMap<string, Destination>,
  openAnomalies: number,
  options: ProposalOptions = {},
): PayoutProposal {
  const only = options.only ? new Set(options.only) : null;
  // An empty or mistyped selection would otherwise pay nobody in its place and still lock the period.
  if (only && only.size === 0)
    throw new AppError(
      'INVALID_INPUT',
      'The selection to pay names no participant; name at least one, or approve without a selection.',
    );
  const strangers = only ? [...only].filter((code) => !destinations.has(code)) : [];
  if (strangers.length > 0) {
    throw new AppError(
      'NOT_FOUND',
      `The selection to pay names ${strangers.join(', ')}, ${strangers.length === 1 ? 'which is' : 'which are'} not in the participants list of the program; nothing was approved.`,
      { codes: strangers },
    );
  }
  const payable = score.rows.filter((r) => r.held === null && r.payablePoints > 0);
  const selected = payable.filter((r) => only === null || only.has(r.code));
  const budgetMinor = program.rules.budget?.perPeriodMinor ?? null;
  const selectedPoints = selected.reduce((sum, r) => sum + r.payablePoints, 0);
  const overBudget = budgetMinor !== null && selectedPoints * program.pointValueMinor > budgetMinor;
  const fitting = Boolean(options.fitBudget) && overBudget && budgetMinor !== null;
  // The budget in whole points, rounded down: a remainder smaller than one point's value cannot
  // be paid as points and stays unpaid, so a fitted total is at most the budget, not always all of it.
  const budgetPoints =
    budgetMinor === null ? 0 : (budgetMinor - (budgetMinor % program.pointValueMinor)) / program.pointValueMinor;
  const fitted = fitting
    ? fitToBudget(
        selected.map((r) => ({ code: r.code, points: r.payablePoints })),
        budgetPoints,
      )
    : null;

  const rows: PayoutProposalRow[] = payable.map((r) => {
    const destination = destinations.get(r.code) ?? { cardRef: null, iban: null };
    const isSelected = only === null || only.has(r.code);
    const points = !isSelected ? 0 : fitted ? (fitted.get(r.code) ?? 0) : r.payablePoints;
    return {
      code: r.code,
      name: r.name,
      method: destination.cardRef ? 'card' : 'transfer',
      destination: maskReference(destination.cardRef ?? destination.iban ?? ''),
      payablePoints: r.payablePoints,
      points,
      amountMinor: points * program.pointValueMinor,
      unpaidPoints: r.payablePoints - points,
      selected: isSelected,
    };
  });
  const held = score.rows
    .filter((r) => r.held !== null && r.carry + r.total + r.adjustments + r.corrections > 0)
    .map((r) => ({
      code: r.code,
      name: r.name,
      reason: r.held!,
      points: r.carry + r.total + r.adjustments + r.corrections,
    }));
  const points = rows.reduce((sum, r) => sum + r.points, 0);
  const payablePoints = rows.reduce((sum, r) => sum + r.payablePoints, 0);
  return {
    period: score.period,
    state,
    locked: false,
    rows,
    held,
    totals: {
      points,
      amountMinor: points * program.pointValueMinor,
      payablePoints,
      payableMinor: payablePoints * program.pointValueMinor,
      budgetMinor,
      overBudget: budgetMinor !== null && points * program.pointValueMinor > budgetMinor,
      fitted: fitting,
    },
    openAnomalies,
    currency: program.currency,
  };
}
