// A locked period as it was approved, read from the approved_* tables (approval/record-approval.ts
// writes them): the rows, anomalies, corrections and line scores exactly as posted, never
// re-scored with today's code, rules or master data.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
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
  salesLines,
} from '../../db/schema';
import type { CoreContext } from '../context';
import type { LateCorrection } from './scoring-views';
import type { LineScore, PeriodTotals, PrizeAward, ScoreRow, ScoringAnomaly } from './score-types';

export type ApprovedPeriodRow = typeof approvedPeriods.$inferSelect;
export type ApprovedScoreRow = typeof approvedScores.$inferSelect;

/** The approval of a period, or null for a period approved before these tables (its record is in the event's JSON). */
export function approvedPeriodOf(ctx: CoreContext, programId: number, period: string): ApprovedPeriodRow | null {
  return (
    ctx.store.db
      .select()
      .from(approvedPeriods)
      .where(and(eq(approvedPeriods.programId, programId), eq(approvedPeriods.period, period)))
      .orderBy(desc(approvedPeriods.id))
      .limit(1)
      .get() ?? null
  );
}

export function approvedTotals(approval: ApprovedPeriodRow): PeriodTotals {
  return {
    participants: approval.participants,
    lines: approval.lines,
    earned: approval.earned,
    prizes: approval.prizes,
    payablePoints: approval.payablePoints,
    payoutMinor: approval.payoutMinor,
    heldParticipants: approval.heldParticipants,
    heldPoints: approval.heldPoints,
    budgetMinor: approval.budgetMinor,
  };
}

/** The participants' rows as approved, in the order they were scored, each with its approved proposal line. */
export function approvedScoreRows(ctx: CoreContext, approvalId: number): ApprovedScoreRow[] {
  return ctx.store.db
    .select()
    .from(approvedScores)
    .where(eq(approvedScores.approvalId, approvalId))
    .orderBy(asc(approvedScores.id))
    .all();
}

function scoreRowOf(row: ApprovedScoreRow, prizes: readonly PrizeAward[]): ScoreRow {
  return {
    code: row.participantCode,
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
    prizes: [...prizes],
    total: row.total,
    carry: row.carry,
    adjustments: row.adjustments,
    corrections: row.corrections,
    payablePoints: row.payablePoints,
    payoutMinor: row.payoutMinor,
    held: row.held,
    lineCount: row.lineCount,
  };
}

export function approvedRows(ctx: CoreContext, approvalId: number): ScoreRow[] {
  const prizes = new Map<string, PrizeAward[]>();
  for (const p of ctx.store.db
    .select()
    .from(approvedPrizes)
    .where(eq(approvedPrizes.approvalId, approvalId))
    .orderBy(asc(approvedPrizes.id))
    .all()) {
    const list = prizes.get(p.participantCode) ?? [];
    list.push({ contestId: p.contestId, place: p.place, points: p.points });
    prizes.set(p.participantCode, list);
  }
  return approvedScoreRows(ctx, approvalId).map((row) => scoreRowOf(row, prizes.get(row.participantCode) ?? []));
}

export function approvedAnomalyList(ctx: CoreContext, approvalId: number): ScoringAnomaly[] {
  const anomalies = ctx.store.db
    .select()
    .from(approvedAnomalies)
    .where(eq(approvedAnomalies.approvalId, approvalId))
    .orderBy(asc(approvedAnomalies.id))
    .all();
  if (anomalies.length === 0) return [];
  const lines = ctx.store.db
    .select()
    .from(approvedAnomalyLines)
    .where(
      inArray(
        approvedAnomalyLines.anomalyId,
        anomalies.map((a) => a.id),
      ),
    )
    .orderBy(asc(approvedAnomalyLines.id))
    .all();
  return anomalies.map((a) => ({
    code: a.code,
    participantCode: a.participantCode,
    sku: a.sku,
    lines: lines
      .filter((l) => l.anomalyId === a.id)
      .map((l) => ({ lineId: l.salesLineId, batchId: l.batchId, row: l.sourceRow })),
    netMinor: a.netMinor,
  }));
}

export function approvedCorrectionList(ctx: CoreContext, approvalId: number): LateCorrection[] {
  const batches = ctx.store.db
    .select()
    .from(approvedCorrectionBatches)
    .where(eq(approvedCorrectionBatches.approvalId, approvalId))
    .orderBy(asc(approvedCorrectionBatches.id))
    .all();
  const of = (period: string, role: 'settled' | 'current') =>
    batches.filter((b) => b.correctsPeriod === period && b.role === role).map((b) => b.batchId);
  return ctx.store.db
    .select()
    .from(approvedCorrections)
    .where(eq(approvedCorrections.approvalId, approvalId))
    .orderBy(asc(approvedCorrections.id))
    .all()
    .map((c) => ({
      correctsPeriod: c.correctsPeriod,
      participantCode: c.participantCode,
      points: c.points,
      settledBatches: of(c.correctsPeriod, 'settled'),
      currentBatches: of(c.correctsPeriod, 'current'),
    }));
}

/**
 * One participant's lines as approved: the rule, rate, points and campaign bonuses posted, with the line as imported.
 */
export function approvedLineScores(ctx: CoreContext, approvalId: number, code: string): LineScore[] {
  const rows = ctx.store.db
    .select({ approved: approvedLines, line: salesLines })
    .from(approvedLines)
    .innerJoin(salesLines, eq(salesLines.id, approvedLines.salesLineId))
    .where(and(eq(approvedLines.approvalId, approvalId), eq(approvedLines.participantCode, code)))
    .orderBy(asc(approvedLines.id))
    .all();
  const campaigns = ctx.store.db
    .select({ campaign: approvedLineCampaigns })
    .from(approvedLineCampaigns)
    .innerJoin(
      approvedLines,
      and(
        eq(approvedLines.approvalId, approvedLineCampaigns.approvalId),
        eq(approvedLines.salesLineId, approvedLineCampaigns.salesLineId),
      ),
    )
    .where(and(eq(approvedLineCampaigns.approvalId, approvalId), eq(approvedLines.participantCode, code)))
    .orderBy(asc(approvedLineCampaigns.id))
    .all()
    .map((r) => r.campaign);
  return rows.map(({ approved, line }) => ({
    line: {
      id: line.id,
      batchId: line.batchId,
      row: line.sourceRow,
      date: line.saleDate,
      participantCode: approved.participantCode,
      sku: line.sku,
      quantity: line.quantity,
      netMinor: line.netMinor,
    },
    rule: approved.rule,
    pointsPerUnit: approved.pointsPerUnit,
    points: approved.points,
    campaigns: campaigns
      .filter((c) => c.salesLineId === line.id)
      .map((c) => ({ campaignId: c.campaignId, bonusPct: c.bonusPct, points: c.points })),
    campaignPoints: approved.campaignPoints,
    promoted: approved.promoted === 1,
  }));
}
