// Approval posts the period to the ledger and locks it: every line's points and campaign
// bonuses, then each participant's tier, target, cap and prize entries, the corrections of
// locked earlier periods, and the redemption of what is paid out. One transaction.
import type { ProgramView } from '../../ipc/contract';
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { appendLedgerEntries, type LedgerDraft } from '../ledger/append-ledger';
import { recordDecision } from '../operator/operator-log';
import { isLocked, periodState, recordPeriodEvent } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { formatMoney } from '../money/minor-units';
import { draftScore, periodResult, requirePeriod, type ApprovedSnapshot, type PeriodResult } from './period-score';
import type { LateCorrection } from './late-corrections';
import type { PeriodScore } from './score-types';

export interface ApproveOptions {
  /** Approve although the payouts pass the period's budget; the reason is kept. */
  overrideBudget?: string;
}

function reasonText(reason: string | undefined): string | undefined {
  const trimmed = reason?.trim();
  return trimmed ? trimmed : undefined;
}

/** Periods before this one that have sales but are not approved yet. */
function earlierOpenPeriods(ctx: CoreContext, program: ProgramView, period: string): string[] {
  const periods = (
    ctx.store.sqlite
      .prepare(
        "SELECT DISTINCT period FROM import_batches WHERE program_id = ? AND kind = 'sales' AND superseded_by IS NULL AND period >= ? AND period < ? ORDER BY period",
      )
      .raw()
      .all(program.id, program.firstPeriod, period) as [string][]
  ).map(([p]) => p);
  return periods.filter((p) => !isLocked(periodState(ctx, program.id, p)));
}

export function ledgerDraftsFor(score: PeriodScore, corrections: readonly LateCorrection[]): LedgerDraft[] {
  const period = score.period;
  const version = score.rulesVersion;
  const drafts: LedgerDraft[] = [];
  for (const row of score.rows) {
    const code = row.code;
    for (const ls of score.lineScores.get(code) ?? []) {
      const source = { salesLineId: ls.line.id, batchId: ls.line.batchId, sourceRow: ls.line.row, ruleVersion: version };
      if (ls.points !== 0) drafts.push({ participantCode: code, period, kind: 'earn', points: ls.points, rule: ls.rule === 'productRate' ? `productRate:${ls.line.sku}` : 'baseRate', ...source });
      for (const c of ls.campaigns) {
        if (c.points !== 0) drafts.push({ participantCode: code, period, kind: 'campaign', points: c.points, rule: `campaign:${c.campaignId}`, ...source });
      }
    }
    if (row.tierBonus !== 0) drafts.push({ participantCode: code, period, kind: 'tier', points: row.tierBonus, rule: `tier:${row.tier}`, ruleVersion: version });
    if (row.targetBonus !== 0) {
      drafts.push({ participantCode: code, period, kind: 'target', points: row.targetBonus, rule: `targetBand:${row.targetBonusPct}%`, ruleVersion: version, reference: `attainment ${row.attainmentBp} bp` });
    }
    if (row.capCut !== 0) drafts.push({ participantCode: code, period, kind: 'cap', points: -row.capCut, rule: 'cap', ruleVersion: version });
    for (const prize of row.prizes) {
      drafts.push({ participantCode: code, period, kind: 'prize', points: prize.points, rule: `contest:${prize.contestId}`, ruleVersion: version, reference: `place ${prize.place}` });
    }
  }
  for (const c of corrections) {
    drafts.push({
      participantCode: c.participantCode,
      period,
      kind: 'adjustment',
      points: c.points,
      correctsPeriod: c.correctsPeriod,
      note: `Late change to ${c.correctsPeriod}: sales batches ${c.settledBatches.join(', ') || 'none'} then, ${c.currentBatches.join(', ') || 'none'} now`,
    });
  }
  for (const row of score.rows) {
    if (row.payablePoints > 0) drafts.push({ participantCode: row.code, period, kind: 'redemption', points: -row.payablePoints, rule: 'payout', reference: `payout ${period}` });
  }
  return drafts;
}

export function approvePeriod(ctx: CoreContext, period: string, options: ApproveOptions = {}): PeriodResult {
  requirePeriod(period);
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const state = periodState(ctx, program.id, period);
    if (isLocked(state)) throw new AppError('PERIOD_LOCKED', `${period} is already ${state}; a locked period never changes. Late changes are settled in the next open period.`);
    const open = earlierOpenPeriods(ctx, program, period);
    if (open.length > 0) throw new AppError('EARLIER_PERIOD_OPEN', `Approve ${open.join(', ')} first: periods are approved in order, so that each one's carry is final.`, { periods: open });

    const { score, corrections, sources } = draftScore(ctx, program, period);
    const budget = program.rules.budget?.perPeriodMinor ?? null;
    const overrideReason = reasonText(options.overrideBudget);
    if (budget !== null && score.totals.payoutMinor > budget && !overrideReason) {
      const money = (minor: number) => formatMoney(minor, program.currency.code, program.currency.minorDigits, 'en-GB');
      throw new AppError(
        'OVER_BUDGET',
        `The payouts of ${period} come to ${money(score.totals.payoutMinor)}, over the budget of ${money(budget)}; approve with a written reason to override it.`,
        { payoutMinor: score.totals.payoutMinor, budgetMinor: budget },
      );
    }

    const head = appendLedgerEntries(ctx, program.id, ledgerDraftsFor(score, corrections));
    const correctedSources: Record<string, number[]> = {};
    for (const c of corrections) correctedSources[c.correctsPeriod] = c.currentBatches;
    const snapshot: ApprovedSnapshot = {
      sources,
      correctedSources,
      ledgerHead: head,
      rows: score.rows,
      anomalies: score.anomalies,
      totals: score.totals,
      corrections,
    };
    recordPeriodEvent(ctx, program.id, period, 'approved', score.rulesVersion, snapshot as unknown as Record<string, unknown>, overrideReason ?? null);
    recordDecision(ctx, 'period.approve', period, overrideReason ?? null, {
      rulesVersion: score.rulesVersion,
      payoutMinor: score.totals.payoutMinor,
      budgetMinor: budget,
      overBudget: budget !== null && score.totals.payoutMinor > budget,
      ledgerHead: head,
    });
    return periodResult(ctx, period);
  });
}
