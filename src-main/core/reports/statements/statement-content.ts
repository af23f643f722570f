// Each participant's statement of an approved period, read from what was approved (approved_scores, approved_lines
// and their campaigns, approved_prizes, approved_corrections of later approvals, the payouts and their latest events,
// the ledger), never recomputed. All participants of a period are read in a few queries, not a few per participant:
// a batch covers 2,000 of them.
import { pointValueOfRules } from '../../program/program-store';
import type Database from 'better-sqlite3';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { isLocked, periodState } from '../../periods/period-states';
import { requirePeriod } from '../../periods/require-period';
import type { Rules } from '../../program/program-config';
import type { ProgramView } from '../../program/program-view';
import { approvedPeriodOf, type ApprovedPeriodRow } from '../../scoring/approved-score';
import { rulesOfVersion } from '../../scoring/load-scoring-input';
import { loadPayoutStates } from '../../payouts/payout-states';
import { maskReference } from '../../program/participants/mask-reference';
import type {
  PeriodStatementContent,
  StatementBonus,
  StatementLine,
  StatementPayout,
  StatementProgram,
  StatementTierOutlook,
} from './statement-types';

/** The program as a statement names it: its newest settings, and the point value the period was approved under. */
export function statementProgram(program: ProgramView, pointValueMinor = program.pointValueMinor): StatementProgram {
  return {
    name: program.name,
    client: program.client,
    currency: program.currency.code,
    minorDigits: program.currency.minorDigits,
    locale: program.locale,
    pointValueMinor,
  };
}

/** The approval of a locked period; a statement is made of what was approved, never of a draft. */
export function requireApproval(ctx: CoreContext, program: ProgramView, period: string): ApprovedPeriodRow {
  requirePeriod(period);
  const state = periodState(ctx, program.id, period);
  if (!isLocked(state))
    throw new AppError(
      'PERIOD_NOT_APPROVED',
      `${period} is ${state}: a statement is made of an approved period, never of a draft.`,
      { period, state },
    );
  const approval = approvedPeriodOf(ctx, program.id, period);
  if (!approval)
    throw new AppError(
      'PERIOD_NOT_APPROVED',
      `${period} was approved by an earlier version of Loyalty Desk that kept no approved lines: it has no statements.`,
      { period, state },
    );
  return approval;
}

export function ruleVersionDate(sqlite: Database.Database, programId: number, version: number): string {
  const row = sqlite
    .prepare('SELECT created_at AS at FROM rule_versions WHERE program_id = ? AND version = ?')
    .get(programId, version) as { at: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no version ${version} of the program's rules.`);
  return row.at;
}

/** The tier this period's volume earns for the next one, and the one above it with what is missing to reach it. */
export function tierOutlook(rules: Rules, volumeMinor: number): StatementTierOutlook {
  const tiers = [...rules.tiers].sort((a, b) => b.minVolumeMinor - a.minVolumeMinor);
  const reached = tiers.find((t) => volumeMinor >= t.minVolumeMinor) ?? null;
  const above = tiers.filter((t) => t.minVolumeMinor > volumeMinor).at(-1) ?? null;
  return {
    nextPeriodTier: reached ? { id: reached.id, name: reached.name, pct: reached.bonusPct } : null,
    above: above
      ? {
          id: above.id,
          name: above.name,
          pct: above.bonusPct,
          minVolumeMinor: above.minVolumeMinor,
          missingMinor: above.minVolumeMinor - volumeMinor,
        }
      : null,
  };
}

type LineRow = [string, string, string, string | null, number, number, number, number, number];

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function payoutStatus(status: string): StatementPayout['status'] {
  return status === 'failed' || status === 'voided' ? status : 'loaded';
}

/**
 * The statements of an approved period, by participant code, in code order; only `code` when given. Reads only;
 * call inside the caller's transaction so that every figure is of one moment.
 */
export function periodStatementContents(
  ctx: CoreContext,
  program: ProgramView,
  approval: ApprovedPeriodRow,
  code?: string,
): Map<string, PeriodStatementContent> {
  const sqlite = ctx.store.sqlite;
  const period = approval.period;
  const one = code === undefined ? '' : ' AND participant_code = ?';
  const args = (...base: unknown[]) => (code === undefined ? base : [...base, code]);
  const rules = rulesOfVersion(ctx, program.id, approval.ruleVersion);
  const rulesAt = ruleVersionDate(sqlite, program.id, approval.ruleVersion);
  const tierById = new Map(rules.tiers.map((t) => [t.id, t]));
  const campaignById = new Map(rules.campaigns.map((c) => [c.id, c]));
  const contestById = new Map(rules.contests.map((c) => [c.id, c]));

  const scores = sqlite
    .prepare(`SELECT * FROM approved_scores WHERE approval_id = ?${one} ORDER BY participant_code`)
    .all(...args(approval.id)) as SnakeScore[];
  const prizes = groupBy(
    sqlite
      .prepare(
        `SELECT participant_code AS code, contest_id AS contestId, place, points FROM approved_prizes
          WHERE approval_id = ?${one} ORDER BY id`,
      )
      .all(...args(approval.id)) as { code: string; contestId: string; place: number; points: number }[],
    (p) => p.code,
  );
  const lineRows = sqlite
    .prepare(
      `SELECT al.participant_code, sl.sale_date, sl.sku, COALESCE(sl.product_name, p.name), sl.quantity, sl.net_minor,
              al.points, al.campaign_points, al.sales_line_id
         FROM approved_lines al
         JOIN sales_lines sl ON sl.id = al.sales_line_id
         LEFT JOIN products p ON p.program_id = sl.program_id AND p.sku = sl.sku
        WHERE al.approval_id = ?${one.replace('participant_code', 'al.participant_code')}
        ORDER BY al.participant_code, sl.sale_date, al.id`,
    )
    .raw()
    .all(...args(approval.id)) as LineRow[];
  const lines = groupBy(lineRows, (r) => r[0]);
  // Campaign bonuses per participant and campaign: the lines say how many points, the rules of the version what for.
  const campaigns = sqlite
    .prepare(
      `SELECT al.participant_code AS code, c.campaign_id AS id, c.bonus_pct AS pct, SUM(c.points) AS points
         FROM approved_line_campaigns c
         JOIN approved_lines al ON al.approval_id = c.approval_id AND al.sales_line_id = c.sales_line_id
        WHERE c.approval_id = ?${one.replace('participant_code', 'al.participant_code')}
        GROUP BY al.participant_code, c.campaign_id, c.bonus_pct ORDER BY al.participant_code, c.campaign_id`,
    )
    .all(...args(approval.id)) as { code: string; id: string; pct: number; points: number }[];
  const campaignsOf = groupBy(campaigns, (c) => c.code);
  const later = groupBy(
    sqlite
      .prepare(
        `SELECT c.participant_code AS code, ap.period AS settledIn, SUM(c.points) AS points
           FROM approved_corrections c JOIN approved_periods ap ON ap.id = c.approval_id
          WHERE ap.program_id = ? AND c.corrects_period = ?${one.replace('participant_code', 'c.participant_code')}
          GROUP BY c.participant_code, ap.period ORDER BY ap.period`,
      )
      .all(...args(program.id, period)) as { code: string; settledIn: string; points: number }[],
    (c) => c.code,
  );
  const payouts = groupBy(
    loadPayoutStates(sqlite, program.id, period).filter((p) => code === undefined || p.participantCode === code),
    (p) => p.participantCode,
  );
  const balances = new Map(
    (
      sqlite
        .prepare(
          `SELECT participant_code, SUM(points) FROM ledger_entries
            WHERE program_id = ? AND period <= ?${one} GROUP BY participant_code`,
        )
        .raw()
        .all(...args(program.id, period)) as [string, number][]
    ).map(([c, points]) => [c, points]),
  );

  const statementProgramView = statementProgram(program, pointValueOfRules(rules, program.initialPointValueMinor));
  const out = new Map<string, PeriodStatementContent>();
  for (const s of scores) {
    const tier = s.tier === null ? null : tierById.get(s.tier);
    const tierFigure = s.tier === null ? null : { id: s.tier, name: tier?.name ?? s.tier, pct: s.tier_bonus_pct };
    const bonuses: StatementBonus[] = [];
    for (const c of campaignsOf.get(s.participant_code) ?? [])
      bonuses.push({
        kind: 'campaign',
        id: c.id,
        name: campaignById.get(c.id)?.name ?? null,
        pct: c.pct,
        points: c.points,
      });
    if (tierFigure && s.tier_bonus !== 0)
      bonuses.push({
        kind: 'tier',
        id: tierFigure.id,
        name: tierFigure.name,
        pct: tierFigure.pct,
        points: s.tier_bonus,
      });
    if (s.target_bonus !== 0 && s.attainment_bp !== null)
      bonuses.push({ kind: 'target', pct: s.target_bonus_pct, attainmentBp: s.attainment_bp, points: s.target_bonus });
    if (s.cap_cut !== 0) bonuses.push({ kind: 'capCut', capPoints: rules.capPointsPerPeriod, points: -s.cap_cut });
    for (const p of prizes.get(s.participant_code) ?? [])
      bonuses.push({
        kind: 'prize',
        id: p.contestId,
        name: contestById.get(p.contestId)?.name ?? p.contestId,
        place: p.place,
        points: p.points,
      });
    if (s.adjustments !== 0) bonuses.push({ kind: 'adjustment', points: s.adjustments });
    if (s.corrections !== 0) bonuses.push({ kind: 'correction', points: s.corrections });
    const statementLines: StatementLine[] = (lines.get(s.participant_code) ?? []).map((r) => ({
      date: r[1],
      sku: r[2],
      product: r[3],
      quantity: r[4],
      netMinor: r[5],
      points: r[6],
      campaignPoints: r[7],
    }));
    out.set(s.participant_code, {
      kind: 'period',
      program: statementProgramView,
      period,
      participant: { code: s.participant_code, name: s.name },
      approval: { id: approval.id, approvedAt: approval.approvedAt },
      rules: { version: approval.ruleVersion, createdAt: rulesAt },
      lines: statementLines,
      figures: {
        volumeMinor: s.volume_minor,
        base: s.base,
        campaign: s.campaign,
        subtotal: s.subtotal,
        tier: tierFigure,
        tierBonus: s.tier_bonus,
        targetMinor: s.target_minor,
        promotedMinor: s.promoted_minor,
        attainmentBp: s.attainment_bp,
        targetBonus: s.target_bonus,
        beforeCap: s.before_cap,
        capCut: s.cap_cut,
        earned: s.earned,
        prize: s.prize,
        total: s.total,
        carry: s.carry,
        adjustments: s.adjustments,
        corrections: s.corrections,
        payablePoints: s.payable_points,
        payoutMinor: s.payout_minor,
        held: s.held,
        paidPoints: s.paid_points ?? 0,
        paidMinor: s.paid_minor ?? 0,
      },
      bonuses,
      tierOutlook: tierOutlook(rules, s.volume_minor),
      laterCorrections: (later.get(s.participant_code) ?? []).map((c) => ({
        settledIn: c.settledIn,
        points: c.points,
      })),
      payouts: (payouts.get(s.participant_code) ?? []).map((p) => ({
        reference: p.reference,
        method: p.method,
        destination: maskReference(p.cardRef ?? p.iban ?? ''),
        points: p.points,
        amountMinor: p.amountMinor,
        status: payoutStatus(p.status),
      })),
      balancePoints: balances.get(s.participant_code) ?? 0,
    });
  }
  return out;
}

/** An approved_scores row as SQLite returns it (db/schema.ts), under its column names. */
interface SnakeScore {
  participant_code: string;
  name: string;
  volume_minor: number;
  tier: string | null;
  tier_bonus_pct: number;
  base: number;
  campaign: number;
  subtotal: number;
  tier_bonus: number;
  promoted_minor: number;
  target_minor: number | null;
  attainment_bp: number | null;
  target_bonus_pct: number;
  target_bonus: number;
  before_cap: number;
  cap_cut: number;
  earned: number;
  prize: number;
  total: number;
  carry: number;
  adjustments: number;
  corrections: number;
  payable_points: number;
  payout_minor: number;
  held: 'noDestination' | 'inactive' | null;
  paid_points: number | null;
  paid_minor: number | null;
}
