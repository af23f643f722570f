// Approval posts the period to the ledger and locks it: every line's points and campaign
// bonuses, then each participant's tier, target, cap and prize entries, the corrections of
// locked earlier periods, and the redemption of what is paid out. One transaction.
import type { ProgramView } from '../program/program-view';
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { appendLedgerEntries, ledgerHead, type LedgerDraft } from '../ledger/append-ledger';
import { recordDecision } from '../operator/operator-log';
import { isLocked, latestEvent, periodState, recordPeriodEvent } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { formatMoney } from '../money/minor-units';
import { sumWithinLimit } from '../money/amount-limit';
import { draftScore, periodResult, type PeriodResult } from '../scoring/period-score';
import { requirePeriod } from '../periods/require-period';
import type { ApprovalDetails, LateCorrection } from '../scoring/late-corrections';
import type { PeriodScore } from '../scoring/score-types';
import { verificationQueue, acceptOpenFindings } from '../verification/verification-queue';
import { loadDestinations, proposePayouts } from './payout-proposal';
import { insertPayouts } from './insert-payouts';
import { recordApproval } from './record-approval';
import { reportProgress } from '../progress';

export interface ApproveOptions {
  /** Approve although the payouts pass the period's budget; the reason is kept. */
  overrideBudget?: string;
  /**
   * Scale every payout pro rata so that the total comes to the budget to the point value (a remainder under one point
   * stays unpaid); the rest stays in the balances.
   */
  fitBudget?: boolean;
  /** Accept every open finding of the verification queue with this reason. */
  acceptOpenAnomalies?: string;
  /** Pay only these participants; the others' payable amounts stay in their balances. */
  only?: string[];
  /**
   * The total the operator was shown and agreed to. The proposal is scored again inside the
   * approval's transaction; when it no longer comes to this, nothing is approved.
   */
  expectedPayoutMinor?: number;
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

export function ledgerDraftsFor(
  score: PeriodScore,
  corrections: readonly LateCorrection[],
  redemptions: readonly { code: string; points: number }[],
): LedgerDraft[] {
  const drafts: LedgerDraft[] = [];
  walkDrafts(score, corrections, redemptions, (d) => drafts.push(d), null);
  return drafts;
}

/**
 * The points of each draft ledgerDraftsFor makes, by participant and kind, in its order, without making them: the
 * audit's recomputation sums a year's million drafts this way (a draft, with its rule and source, is most of the cost).
 */
export function ledgerDraftPoints(
  score: PeriodScore,
  corrections: readonly LateCorrection[],
  redemptions: readonly { code: string; points: number }[],
  add: (participantCode: string, kind: LedgerDraft['kind'], points: number) => void,
): void {
  walkDrafts(score, corrections, redemptions, null, add);
}

/** The drafts of an approval in their order: each made whole (`draft`), or only its points told (`add`). */
function walkDrafts(
  score: PeriodScore,
  corrections: readonly LateCorrection[],
  redemptions: readonly { code: string; points: number }[],
  draft: ((d: LedgerDraft) => void) | null,
  add: ((participantCode: string, kind: LedgerDraft['kind'], points: number) => void) | null,
): void {
  const period = score.period;
  const version = score.rulesVersion;
  for (const row of score.rows) {
    const code = row.code;
    for (const ls of score.lineScores.get(code) ?? []) {
      const source = draft && {
        salesLineId: ls.line.id,
        batchId: ls.line.batchId,
        sourceRow: ls.line.row,
        ruleVersion: version,
      };
      if (ls.points !== 0) {
        if (draft)
          draft({
            participantCode: code,
            period,
            kind: 'earn',
            points: ls.points,
            rule: ls.rule === 'productRate' ? `productRate:${ls.line.sku}` : 'baseRate',
            ...source,
          });
        else add!(code, 'earn', ls.points);
      }
      for (const c of ls.campaigns) {
        if (c.points === 0) continue;
        if (draft)
          draft({
            participantCode: code,
            period,
            kind: 'campaign',
            points: c.points,
            rule: `campaign:${c.campaignId}`,
            ...source,
          });
        else add!(code, 'campaign', c.points);
      }
    }
    if (row.tierBonus !== 0) {
      if (draft)
        draft({
          participantCode: code,
          period,
          kind: 'tier',
          points: row.tierBonus,
          rule: `tier:${row.tier}`,
          ruleVersion: version,
        });
      else add!(code, 'tier', row.tierBonus);
    }
    if (row.targetBonus !== 0) {
      if (draft)
        draft({
          participantCode: code,
          period,
          kind: 'target',
          points: row.targetBonus,
          rule: `targetBand:${row.targetBonusPct}%`,
          ruleVersion: version,
          reference: `attainment ${row.attainmentBp} bp`,
        });
      else add!(code, 'target', row.targetBonus);
    }
    if (row.capCut !== 0) {
      if (draft)
        draft({
          participantCode: code,
          period,
          kind: 'cap',
          points: -row.capCut,
          rule: 'cap',
          ruleVersion: version,
        });
      else add!(code, 'cap', -row.capCut);
    }
    for (const prize of row.prizes) {
      if (draft)
        draft({
          participantCode: code,
          period,
          kind: 'prize',
          points: prize.points,
          rule: `contest:${prize.contestId}`,
          ruleVersion: version,
          reference: `place ${prize.place}`,
        });
      else add!(code, 'prize', prize.points);
    }
  }
  for (const c of corrections) {
    if (draft)
      draft({
        participantCode: c.participantCode,
        period,
        kind: 'adjustment',
        points: c.points,
        correctsPeriod: c.correctsPeriod,
        note: `Late change to ${c.correctsPeriod}: sales batches ${c.settledBatches.join(', ') || 'none'} then, ${c.currentBatches.join(', ') || 'none'} now`,
      });
    else add!(c.participantCode, 'adjustment', c.points);
  }
  for (const r of redemptions) {
    if (draft)
      draft({
        participantCode: r.code,
        period,
        kind: 'redemption',
        points: -r.points,
        rule: 'payout',
        reference: `payout ${period}`,
      });
    else add!(r.code, 'redemption', -r.points);
  }
}

export function approvePeriod(ctx: CoreContext, period: string, options: ApproveOptions = {}): PeriodResult {
  requirePeriod(period);
  return ctx.store.transaction(() => {
    reportProgress('checking');
    const program = requireProgram(ctx);
    const state = periodState(ctx, program.id, period);
    if (isLocked(state))
      throw new AppError(
        'PERIOD_LOCKED',
        `${period} is already ${state}; a locked period never changes. Late changes are settled in the next open period.`,
      );
    const open = earlierOpenPeriods(ctx, program, period);
    if (open.length > 0)
      throw new AppError(
        'EARLIER_PERIOD_OPEN',
        `Approve ${open.join(', ')} first: periods are approved in order, so that each one's carry is final.`,
        { periods: open },
      );

    const acceptReason = reasonText(options.acceptOpenAnomalies);
    const queue = verificationQueue(ctx, period);
    if (queue.open > 0) {
      if (!acceptReason) {
        const codes = [...new Set(queue.items.filter((i) => i.status === 'open').map((i) => i.code))];
        throw new AppError(
          'ANOMALIES_OPEN',
          `${queue.open} ${queue.open === 1 ? 'finding is' : 'findings are'} still open in the verification of ${period} (${codes.join(', ')}); resolve them, or accept them all with a written reason.`,
          { open: queue.open, codes },
        );
      }
      acceptOpenFindings(ctx, queue, acceptReason);
    }

    const { score, corrections, sources } = draftScore(ctx, program, period);
    const destinations = loadDestinations(ctx.store.sqlite, program.id);
    const proposal = proposePayouts(program, state, score, destinations, 0, {
      fitBudget: options.fitBudget,
      only: options.only,
    });
    const budget = proposal.totals.budgetMinor;
    const overrideReason = reasonText(options.overrideBudget);
    const money = (minor: number) => formatMoney(minor, program.currency.code, program.currency.minorDigits, 'en-GB');
    if (options.expectedPayoutMinor !== undefined && options.expectedPayoutMinor !== proposal.totals.amountMinor) {
      throw new AppError(
        'PAYOUTS_MOVED',
        `The payouts of ${period} come to ${money(proposal.totals.amountMinor)} now, not the ${money(options.expectedPayoutMinor)} shown: sales, decisions, rules or balances changed since. Nothing was approved; look at the proposal again.`,
        { expectedMinor: options.expectedPayoutMinor, payoutMinor: proposal.totals.amountMinor },
      );
    }
    if (proposal.totals.overBudget && !overrideReason) {
      throw new AppError(
        'OVER_BUDGET',
        `The payouts of ${period} come to ${money(proposal.totals.amountMinor)}, over the budget of ${money(budget ?? 0)}; fit them to the budget, or approve with a written reason to override it.`,
        { payoutMinor: proposal.totals.amountMinor, budgetMinor: budget },
      );
    }

    const paid = proposal.rows.filter((r) => r.points > 0);
    // Judged again here, in the approval's own transaction: what is posted and paid must be countable.
    sumWithinLimit(
      paid.map((r) => r.amountMinor),
      () => `The payouts of ${period}`,
      () => ({ period }),
    );
    const drafts = ledgerDraftsFor(
      score,
      corrections,
      paid.map((r) => ({ code: r.code, points: r.points })),
    );
    const before = ledgerHead(ctx.store.sqlite);
    const head = appendLedgerEntries(ctx, program.id, drafts);
    reportProgress('recording');
    insertPayouts(ctx, program.id, period, paid, destinations, before.id);
    const correctedSources: Record<string, number[]> = {};
    for (const c of corrections) correctedSources[c.correctsPeriod] = c.currentBatches;
    // The event keeps what the late corrections and the ledger audit read; the period as approved is in the approved_*
    // tables.
    const details: ApprovalDetails = { sources, correctedSources, ledgerHead: { id: head.id, hash: head.hash } };
    const reason =
      [overrideReason && `Over budget: ${overrideReason}`, acceptReason && `Open findings accepted: ${acceptReason}`]
        .filter(Boolean)
        .join(' ') || null;
    recordPeriodEvent(ctx, program.id, period, 'approved', score.rulesVersion, { ...details }, reason);
    const event = latestEvent(ctx, program.id, period, 'approved')!;
    recordApproval(
      ctx,
      {
        programId: program.id,
        periodEventId: event.id,
        at: event.at,
        actor: event.actor,
        reason,
        overBudgetReason: proposal.totals.overBudget ? (overrideReason ?? null) : null,
        acceptedFindingsReason: queue.open > 0 ? (acceptReason ?? null) : null,
      },
      score,
      corrections,
      { ...proposal, locked: true },
    );
    recordDecision(ctx, 'period.approve', period, reason, {
      rulesVersion: score.rulesVersion,
      payoutMinor: proposal.totals.amountMinor,
      budgetMinor: budget,
      overBudget: proposal.totals.overBudget,
      fitted: proposal.totals.fitted,
      only: options.only ?? null,
      ledgerHead: { id: head.id, hash: head.hash },
    });
    return periodResult(ctx, period);
  });
}
