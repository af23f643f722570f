// "Per participant and period M" of reference-program.md, as one pure function: the same
// input gives the same rows whatever the order of its lines. Integer arithmetic only.
import { MAX_SAFE_AMOUNT, mulTruncDiv, percentOf } from '../money/minor-units';
import { amountTooLarge } from '../money/amount-limit';
import type { Rules } from '../program/program-config';
import { awardPrizes } from './contest-ranking';
import { lineRulesFor, scoreLine } from './line-points';
import type {
  HeldReason,
  LineScore,
  PeriodScore,
  PeriodTotals,
  PrizeAward,
  ScoreRow,
  ScoringAnomaly,
  ScoringInput,
  ScoringParticipant,
} from './score-types';
import type { ScoringLine } from '../sales/scoring-line';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The line order everything is reported in: by source (batch, row), then id. */
function compareLines(a: ScoringLine, b: ScoringLine): number {
  return a.batchId - b.batchId || a.row - b.row || a.id - b.id;
}

/** The highest threshold met wins; thresholds are sorted here so the rules' order does not matter. */
function tierFor(
  rules: Rules,
  period: string,
  firstPeriod: string,
  previousVolume: number | undefined,
): Rules['tiers'][number] | null {
  if (period <= firstPeriod || previousVolume === undefined) return null;
  const sorted = [...rules.tiers].sort((a, b) => b.minVolumeMinor - a.minVolumeMinor);
  return sorted.find((t) => previousVolume >= t.minVolumeMinor) ?? null;
}

function targetBandFor(rules: Rules, attainmentBp: number | null): Rules['targetBands'][number] | null {
  if (attainmentBp === null) return null;
  const sorted = [...rules.targetBands].sort((a, b) => b.minAttainmentBp - a.minAttainmentBp);
  return sorted.find((b) => attainmentBp >= b.minAttainmentBp) ?? null;
}

function heldReason(rules: Rules, participant: ScoringParticipant): HeldReason | null {
  if (rules.payout.requiresActive && !participant.active) return 'inactive';
  if (rules.payout.requiresDestination && participant.destination === null) return 'noDestination';
  return null;
}

interface Accumulator {
  lines: LineScore[];
  lineCount: number;
  volume: number;
  base: number;
  campaign: number;
  promoted: number;
}

/**
 * Past the one limit for points and amounts. Every value added here is within it, so each sum
 * of two is exact, and checking each running sum keeps the next one exact too; a product or a
 * percentage past it is caught the same way (rounding cannot bring it back under the limit).
 */
function past(value: number): boolean {
  return value > MAX_SAFE_AMOUNT || value < -MAX_SAFE_AMOUNT;
}

function refuseSum(
  period: string,
  what: string,
  participantCode: string | null,
  extra: Record<string, unknown> = {},
): never {
  throw amountTooLarge(`${what} in ${period}`, { period, participantCode, ...extra });
}

export interface ScoreOptions {
  /** Keep every line's score (explain, posting); without it only the totals are kept, which is faster. */
  keepLines?: boolean;
}

export function scorePeriod(input: ScoringInput, options: ScoreOptions = {}): PeriodScore {
  const keepLines = options.keepLines ?? true;
  const { rules, period } = input;
  const lineRules = lineRulesFor(rules, period);
  const byParticipant = new Map<string, Accumulator>();
  const unknownParticipants = new Map<string, ScoringLine[]>();
  const unknownSkus = new Map<string, ScoringLine[]>();

  for (const line of input.lines) {
    if (!input.participants.has(line.participantCode)) {
      const list = unknownParticipants.get(line.participantCode) ?? [];
      list.push(line);
      unknownParticipants.set(line.participantCode, list);
      continue;
    }
    const product = input.products.get(line.sku);
    const scored = scoreLine(line, product, lineRules);
    if (!product) {
      const list = unknownSkus.get(line.sku) ?? [];
      list.push(line);
      unknownSkus.set(line.sku, list);
    }
    let acc = byParticipant.get(line.participantCode);
    if (!acc) {
      acc = { lines: [], lineCount: 0, volume: 0, base: 0, campaign: 0, promoted: 0 };
      byParticipant.set(line.participantCode, acc);
    }
    if (keepLines) acc.lines.push(scored);
    acc.lineCount++;
    acc.volume += line.netMinor;
    acc.base += scored.points;
    acc.campaign += scored.campaignPoints;
    if (scored.promoted) acc.promoted += line.netMinor;
    if (
      past(line.netMinor) ||
      past(line.quantity) ||
      past(scored.points) ||
      past(scored.campaignPoints) ||
      past(acc.volume) ||
      past(acc.base) ||
      past(acc.campaign) ||
      past(acc.promoted)
    ) {
      const where = `batch ${line.batchId}, row ${line.row}`;
      refuseSum(
        period,
        `The points or volume of ${line.participantCode} up to the sales line of ${where}`,
        line.participantCode,
        { batchId: line.batchId, row: line.row },
      );
    }
  }

  // Who is reported: lines, a target, a non-zero carry, adjustment or correction (prizes need lines).
  const codes = new Set<string>(byParticipant.keys());
  for (const map of [input.targets, input.carry, input.adjustments, input.corrections]) {
    for (const [code, value] of map) {
      if (input.participants.has(code) && (map === input.targets || value !== 0)) codes.add(code);
    }
  }

  const anomalies: ScoringAnomaly[] = [];
  const rows: ScoreRow[] = [];
  const lineScores = new Map<string, LineScore[]>();
  for (const code of [...codes].sort(compareText)) {
    const participant = input.participants.get(code)!;
    const acc = byParticipant.get(code);
    const lines = acc ? acc.lines.sort((a, b) => compareLines(a.line, b.line)) : [];
    lineScores.set(code, lines);
    const base = acc?.base ?? 0;
    const campaign = acc?.campaign ?? 0;
    const subtotal = base + campaign;
    const previous = input.previousVolume.get(code);
    const tier = tierFor(rules, period, input.firstPeriod, previous);
    const tierBonusPct = tier?.bonusPct ?? 0;
    const tierBonus = subtotal > 0 ? percentOf(subtotal, tierBonusPct) : 0;
    const promotedMinor = acc?.promoted ?? 0;
    const target = input.targets.get(code);
    const targetMinor = target === undefined ? null : target;
    const attainmentBp = target !== undefined && target > 0 ? mulTruncDiv(promotedMinor, 10000, target) : null;
    const band = targetBandFor(rules, attainmentBp);
    const targetBonusPct = band?.bonusPct ?? 0;
    const targetBonus = subtotal > 0 && band ? percentOf(subtotal, targetBonusPct) : 0;
    const beforeCap = subtotal + tierBonus + targetBonus;
    if (past(subtotal) || past(tierBonus) || past(targetBonus) || past(beforeCap))
      refuseSum(period, `The points ${code} earns`, code);
    const cap = rules.capPointsPerPeriod;
    const capCut = cap === null ? 0 : Math.max(0, beforeCap - cap);
    if (acc && target === undefined) {
      anomalies.push({ code: 'MISSING_TARGET', participantCode: code, sku: null, lines: [], netMinor: promotedMinor });
    }
    rows.push({
      code,
      name: participant.name,
      volumeMinor: acc?.volume ?? 0,
      previousVolumeMinor: previous ?? null,
      tier: tier?.id ?? null,
      tierBonusPct,
      base,
      campaign,
      subtotal,
      tierBonus,
      promotedMinor,
      targetMinor,
      attainmentBp,
      targetBonusPct,
      targetBonus,
      beforeCap,
      capCut,
      earned: beforeCap - capCut,
      prize: 0,
      prizes: [],
      total: 0,
      carry: input.carry.get(code) ?? 0,
      adjustments: input.adjustments.get(code) ?? 0,
      corrections: input.corrections.get(code) ?? 0,
      payablePoints: 0,
      payoutMinor: 0,
      held: heldReason(rules, participant),
      lineCount: acc?.lineCount ?? 0,
    });
  }

  // Prizes come after every participant's earned points are known; they are not capped.
  const entrants = rows.map((r) => ({
    code: r.code,
    joinDate: input.participants.get(r.code)!.joinDate,
    earned: r.earned,
  }));
  const awards = new Map<string, PrizeAward[]>();
  for (const contest of rules.contests) {
    for (const [code, award] of awardPrizes(contest, period, entrants)) {
      awards.set(code, [...(awards.get(code) ?? []), award]);
    }
  }

  const totals: PeriodTotals = {
    participants: rows.length,
    lines: input.lines.length,
    earned: 0,
    prizes: 0,
    payablePoints: 0,
    payoutMinor: 0,
    heldParticipants: 0,
    heldPoints: 0,
    budgetMinor: rules.budget?.perPeriodMinor ?? null,
  };
  for (const row of rows) {
    row.prizes = awards.get(row.code) ?? [];
    row.prize = 0;
    for (const a of row.prizes) {
      row.prize += a.points;
      if (past(row.prize)) refuseSum(period, `The prizes of ${row.code}`, row.code);
    }
    row.total = row.earned + row.prize;
    if (past(row.total)) refuseSum(period, `The points of ${row.code}`, row.code);
    if (past(row.carry) || past(row.adjustments) || past(row.corrections))
      refuseSum(period, `The balance, adjustments or corrections of ${row.code}`, row.code);
    const sum = row.carry + row.total + row.adjustments + row.corrections;
    if (past(sum)) refuseSum(period, `The balance of ${row.code}`, row.code);
    const balance = Math.max(0, sum);
    row.payablePoints = row.held === null ? balance : 0;
    row.payoutMinor = row.payablePoints * input.pointValueMinor + 0;
    if (past(row.payoutMinor))
      refuseSum(
        period,
        `The payout of ${row.code} (${row.payablePoints} points at ${input.pointValueMinor} minor units a point)`,
        row.code,
      );
    totals.earned += row.earned;
    totals.prizes += row.prize;
    totals.payablePoints += row.payablePoints;
    totals.payoutMinor += row.payoutMinor;
    if (row.held !== null && balance > 0) {
      totals.heldParticipants++;
      totals.heldPoints += balance;
    }
    if (past(totals.earned) || past(totals.prizes) || past(totals.payablePoints) || past(totals.heldPoints))
      refuseSum(period, 'The points of all participants together', null);
    if (past(totals.payoutMinor)) refuseSum(period, 'The payouts of all participants together', null);
  }

  for (const [code, lines] of [...unknownParticipants].sort((a, b) => compareText(a[0], b[0]))) {
    anomalies.push(anomalyOf('UNKNOWN_PARTICIPANT', code, null, lines));
  }
  for (const [sku, lines] of [...unknownSkus].sort((a, b) => compareText(a[0], b[0]))) {
    anomalies.push(anomalyOf('UNKNOWN_SKU', null, sku, lines));
  }
  return { period, rulesVersion: input.rulesVersion, rows, lineScores, anomalies, totals };
}

function anomalyOf(
  code: ScoringAnomaly['code'],
  participantCode: string | null,
  sku: string | null,
  lines: ScoringLine[],
): ScoringAnomaly {
  const sorted = [...lines].sort(compareLines);
  return {
    code,
    participantCode,
    sku,
    lines: sorted.map((l) => ({ lineId: l.id, batchId: l.batchId, row: l.row })),
    netMinor: sorted.reduce((sum, l) => {
      const next = sum + l.netMinor;
      if (past(next))
        throw amountTooLarge(`The net value of the lines of ${participantCode ?? sku ?? ''}`, { participantCode, sku });
      return next;
    }, 0),
  };
}
