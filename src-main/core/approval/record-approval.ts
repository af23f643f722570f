// What an approval keeps of the period, in the approved_* tables: the rows, lines, anomalies and
// corrections as they were scored and the payout proposal as approved. Every later reader (the
// locked score, explain, the proposal, the budget) reads these rows, so that a locked period
// shows what was approved, whatever today's code or data would score. Call inside the
// approval's transaction.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  approvedAnomalies,
  approvedAnomalyLines,
  approvedCorrectionBatches,
  approvedCorrections,
  approvedLineCampaigns,
  approvedLines,
  approvedPeriods,
  approvedPrizes,
  approvedScores,
} from '../../db/schema';
import type { CoreContext } from '../context';
import type { LateCorrection } from '../scoring/late-corrections';
import type { PeriodScore } from '../scoring/score-types';
import { progressEvery } from '../progress';
import type { PayoutProposal } from './approval-views';

export interface ApprovalFacts {
  programId: number;
  periodEventId: number;
  at: string;
  actor: string;
  reason: string | null;
  overBudgetReason: string | null;
  acceptedFindingsReason: string | null;
}

// SQLite takes at most 32,766 bound values in one statement; the widest row here has 36 columns.
const CHUNK = 500;

function insertAll<T extends SQLiteTable>(
  ctx: CoreContext,
  table: T,
  rows: readonly T['$inferInsert'][],
  progress: (done: number) => void = () => {},
): void {
  for (let i = 0; i < rows.length; i += CHUNK) {
    ctx.store.db
      .insert(table)
      .values(rows.slice(i, i + CHUNK))
      .run();
    progress(Math.min(i + CHUNK, rows.length));
  }
}

const flag = (value: boolean) => (value ? 1 : 0);

export function recordApproval(
  ctx: CoreContext,
  facts: ApprovalFacts,
  score: PeriodScore,
  corrections: readonly LateCorrection[],
  proposal: PayoutProposal,
): number {
  const { totals } = score;
  const approval = ctx.store.db
    .insert(approvedPeriods)
    .values({
      programId: facts.programId,
      period: score.period,
      periodEventId: facts.periodEventId,
      ruleVersion: score.rulesVersion,
      approvedAt: facts.at,
      approvedBy: facts.actor,
      reason: facts.reason,
      overBudgetReason: facts.overBudgetReason,
      acceptedFindingsReason: facts.acceptedFindingsReason,
      fitted: flag(proposal.totals.fitted),
      budgetMinor: proposal.totals.budgetMinor,
      participants: totals.participants,
      lines: totals.lines,
      earned: totals.earned,
      prizes: totals.prizes,
      payablePoints: totals.payablePoints,
      payoutMinor: totals.payoutMinor,
      heldParticipants: totals.heldParticipants,
      heldPoints: totals.heldPoints,
      paidPoints: proposal.totals.points,
      paidMinor: proposal.totals.amountMinor,
      proposedPayablePoints: proposal.totals.payablePoints,
      proposedPayableMinor: proposal.totals.payableMinor,
      overBudget: flag(proposal.totals.overBudget),
      openAnomalies: proposal.openAnomalies,
    })
    .returning({ id: approvedPeriods.id })
    .get().id;

  const proposed = new Map(proposal.rows.map((r) => [r.code, r]));
  insertAll(
    ctx,
    approvedScores,
    score.rows.map((row) => {
      const p = proposed.get(row.code);
      return {
        approvalId: approval,
        participantCode: row.code,
        name: row.name,
        volumeMinor: row.volumeMinor,
        previousVolumeMinor: row.previousVolumeMinor,
        tier: row.tier,
        tierBonusPct: row.tierBonusPct,
        base: row.base,
        campaign: row.campaign,
        subtotal: row.subtotal,
        tierBonus: row.tierBonus,
        promotedMinor: row.promotedMinor,
        targetMinor: row.targetMinor,
        attainmentBp: row.attainmentBp,
        targetBonusPct: row.targetBonusPct,
        targetBonus: row.targetBonus,
        beforeCap: row.beforeCap,
        capCut: row.capCut,
        earned: row.earned,
        prize: row.prize,
        total: row.total,
        carry: row.carry,
        adjustments: row.adjustments,
        corrections: row.corrections,
        payablePoints: row.payablePoints,
        payoutMinor: row.payoutMinor,
        held: row.held,
        lineCount: row.lineCount,
        proposed: flag(p !== undefined),
        method: p?.method ?? null,
        destination: p?.destination ?? null,
        selected: p === undefined ? null : flag(p.selected),
        paidPoints: p?.points ?? null,
        paidMinor: p?.amountMinor ?? null,
        unpaidPoints: p?.unpaidPoints ?? null,
      };
    }),
  );
  insertAll(
    ctx,
    approvedPrizes,
    score.rows.flatMap((row) =>
      row.prizes.map((prize) => ({
        approvalId: approval,
        participantCode: row.code,
        contestId: prize.contestId,
        place: prize.place,
        points: prize.points,
      })),
    ),
  );

  const lines = [...score.lineScores.entries()].flatMap(([code, scores]) => scores.map((ls) => ({ code, ls })));
  insertAll(
    ctx,
    approvedLines,
    lines.map(({ code, ls }) => ({
      approvalId: approval,
      salesLineId: ls.line.id,
      participantCode: code,
      rule: ls.rule,
      pointsPerUnit: ls.pointsPerUnit,
      points: ls.points,
      campaignPoints: ls.campaignPoints,
      promoted: flag(ls.promoted),
    })),
    progressEvery('recording', lines.length, CHUNK),
  );
  insertAll(
    ctx,
    approvedLineCampaigns,
    lines.flatMap(({ ls }) =>
      ls.campaigns.map((c) => ({
        approvalId: approval,
        salesLineId: ls.line.id,
        campaignId: c.campaignId,
        bonusPct: c.bonusPct,
        points: c.points,
      })),
    ),
  );

  for (const anomaly of score.anomalies) {
    const id = ctx.store.db
      .insert(approvedAnomalies)
      .values({
        approvalId: approval,
        code: anomaly.code,
        participantCode: anomaly.participantCode,
        sku: anomaly.sku,
        netMinor: anomaly.netMinor,
      })
      .returning({ id: approvedAnomalies.id })
      .get().id;
    insertAll(
      ctx,
      approvedAnomalyLines,
      anomaly.lines.map((l) => ({ anomalyId: id, salesLineId: l.lineId, batchId: l.batchId, sourceRow: l.row })),
    );
  }

  insertAll(
    ctx,
    approvedCorrections,
    corrections.map((c) => ({
      approvalId: approval,
      correctsPeriod: c.correctsPeriod,
      participantCode: c.participantCode,
      points: c.points,
    })),
  );
  // The batches are the same for every participant of one corrected period: kept once per period.
  const batches = new Map<string, LateCorrection>();
  for (const c of corrections) if (!batches.has(c.correctsPeriod)) batches.set(c.correctsPeriod, c);
  insertAll(
    ctx,
    approvedCorrectionBatches,
    [...batches.values()].flatMap((c) => [
      ...c.settledBatches.map((batchId) => ({
        approvalId: approval,
        correctsPeriod: c.correctsPeriod,
        role: 'settled' as const,
        batchId,
      })),
      ...c.currentBatches.map((batchId) => ({
        approvalId: approval,
        correctsPeriod: c.correctsPeriod,
        role: 'current' as const,
        batchId,
      })),
    ]),
  );
  return approval;
}
