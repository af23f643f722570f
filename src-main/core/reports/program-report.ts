// The client's program-to-date report, as data: every approved period side by side (what was earned, payable and
// approved for payment against the budget), and every participant across them, read from what was approved (never a
// re-score), with the chain heads it was made from.
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { ledgerHead } from '../ledger/append-ledger';
import { sealHead } from '../../db/record-seals';
import { isLocked } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { rulesOfVersion } from '../scoring/load-scoring-input';
import { periodResult } from '../scoring/period-score';
import { listPeriods } from '../scoring/list-periods';
import type { PeriodTotals } from '../scoring/score-types';
import { listPayouts } from '../payouts/payout-views';
import { reportProgram, type PeriodReport } from './period-report';

export interface ProgramReportPeriod {
  period: string;
  rulesVersion: number;
  approvedAt: string | null;
  approvedBy: string | null;
  overBudgetReason: string | null;
  totals: PeriodTotals;
  paidMinor: number;
}

export interface ProgramReportParticipant {
  code: string;
  name: string;
  /** The tier of the latest approved period the participant took part in. */
  lastTier: string | null;
  /** Points earned (with prizes) per approved period, in the order of `periods`; null where they had no row. */
  points: (number | null)[];
  total: number;
  paidMinor: number;
}

export interface ProgramReport {
  program: PeriodReport['program'];
  periods: ProgramReportPeriod[];
  participants: ProgramReportParticipant[];
  totals: { earned: number; payablePoints: number; payoutMinor: number; paidMinor: number; budgetMinor: number | null };
  ledgerHead: { id: number; hash: string };
  sealHead: { id: number; hash: string };
  madeAt: string;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function programReport(ctx: CoreContext): ProgramReport {
  // One deferred read transaction: the periods, their figures and the chain heads named are of one moment.
  const read = ctx.store.sqlite.transaction((): ProgramReport => {
    const program = requireProgram(ctx);
    const approved = listPeriods(ctx)
      .filter((p) => isLocked(p.state))
      .map((p) => p.period)
      .sort();
    if (approved.length === 0)
      throw new AppError(
        'PERIOD_NOT_APPROVED',
        'No period is approved yet: a program report is made of approved ones.',
      );
    const periods: ProgramReportPeriod[] = [];
    const people = new Map<string, ProgramReportParticipant>();
    approved.forEach((period, index) => {
      const result = periodResult(ctx, period);
      // Tiers by their names in the rules version the period was approved under ("Silver", not "SILVER").
      const tierNames = new Map(
        rulesOfVersion(ctx, program.id, result.rulesVersion).tiers.map((t) => [t.id, t.name ?? t.id]),
      );
      const paid = new Map<string, number>();
      for (const p of listPayouts(ctx, period))
        paid.set(p.participantCode, (paid.get(p.participantCode) ?? 0) + p.amountMinor);
      for (const row of result.rows) {
        let person = people.get(row.code);
        if (!person) {
          person = {
            code: row.code,
            name: row.name,
            lastTier: null,
            points: approved.map(() => null),
            total: 0,
            paidMinor: 0,
          };
          people.set(row.code, person);
        }
        person.name = row.name;
        person.lastTier = row.tier === null ? null : (tierNames.get(row.tier) ?? row.tier);
        person.points[index] = row.total;
        person.total += row.total;
        person.paidMinor += paid.get(row.code) ?? 0;
      }
      periods.push({
        period,
        rulesVersion: result.rulesVersion,
        approvedAt: result.approval?.at ?? null,
        approvedBy: result.approval?.actor ?? null,
        overBudgetReason: result.approval?.overBudgetReason ?? null,
        totals: result.totals,
        paidMinor: [...paid.values()].reduce((sum, minor) => sum + minor, 0),
      });
    });
    const budgets = periods.map((p) => p.totals.budgetMinor);
    const head = ledgerHead(ctx.store.sqlite);
    const seal = sealHead(ctx.store.sqlite);
    return {
      program: reportProgram(program),
      periods,
      participants: [...people.values()].sort(byCode),
      totals: {
        earned: periods.reduce((sum, p) => sum + p.totals.earned, 0),
        payablePoints: periods.reduce((sum, p) => sum + p.totals.payablePoints, 0),
        payoutMinor: periods.reduce((sum, p) => sum + p.totals.payoutMinor, 0),
        paidMinor: periods.reduce((sum, p) => sum + p.paidMinor, 0),
        // A budget summed only when every period had one: a sum over some would read as the program's whole budget.
        budgetMinor: budgets.every((b) => b !== null) ? budgets.reduce((sum: number, b) => sum + (b ?? 0), 0) : null,
      },
      ledgerHead: { id: head.id, hash: head.hash },
      sealHead: { id: seal.id, hash: seal.hash },
      madeAt: ctx.now().toISOString(),
    };
  });
  return read.deferred();
}
