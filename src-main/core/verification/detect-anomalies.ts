// The verification queue's findings for one period: the scoring anomalies, and what a careful
// coordinator looks at before paying: duplicate lines the import left out, returns without a
// sale, held payouts, capped participants, volumes far from the participant's own history or
// from everyone else's, and results just past a tier or target threshold.
import type Database from 'better-sqlite3';
import type { ProgramView } from '../program/program-view';
import { previousPeriod } from '../periods/period';
import type { Rules } from '../program/program-config';
import { minorToDecimalString } from '../money/minor-units';
import { loadVolumes } from '../scoring/load-scoring-input';
import type { LineScore, PeriodScore, ScoreRow } from '../scoring/score-types';
import type { VerificationAction } from '../decisions/decision-views';
import type { VerificationCode } from './verification-views';
import type { FindingKey } from '../decisions/finding-key';

export interface Finding {
  key: FindingKey;
  code: VerificationCode;
  participantCode: string | null;
  sku: string | null;
  message: string;
  facts: Record<string, string | number | null>;
  /** Sales line ids that show it. */
  lineIds: number[];
  /** Rows of a batch that show it when the lines were never stored (duplicates). */
  batchRows?: { batchId: number; row: number; value: string | null }[];
  actions: VerificationAction[];
}

/** How far past a threshold counts as "just": 2 % of a tier's volume, 2 percentage points of attainment. */
const NEAR_TIER_SHARE = 50;
const NEAR_BAND_BP = 200;
/** A volume this many times the participant's own median of the last three periods stands out. */
const OWN_HISTORY_FACTOR = 3;
/** Tukey's far-out fence over everyone's volumes, once there are enough participants to speak of a distribution. */
const FENCE_IQR = 3;
const MIN_FOR_DISTRIBUTION = 8;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.trunc((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function quartiles(values: number[]): { q1: number; q3: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
  return { q1: at(0.25), q3: at(0.75) };
}

function sortedTiers(rules: Rules) {
  return [...rules.tiers].sort((a, b) => b.minVolumeMinor - a.minVolumeMinor);
}

export function detectFindings(
  sqlite: Database.Database,
  program: ProgramView,
  rules: Rules,
  score: PeriodScore,
  sources: readonly number[],
): Finding[] {
  const period = score.period;
  const findings: Finding[] = [];

  for (const a of score.anomalies) {
    if (a.code === 'UNKNOWN_PARTICIPANT') {
      findings.push({
        key: { code: 'UNKNOWN_PARTICIPANT', participantCode: a.participantCode ?? '' },
        code: a.code,
        participantCode: a.participantCode,
        sku: null,
        message: `${a.lines.length} lines name the participant code ${a.participantCode}, which is not in the participants list; they score for nobody until assigned or excluded.`,
        facts: { lines: a.lines.length, netMinor: a.netMinor },
        lineIds: a.lines.map((l) => l.lineId),
        actions: ['assign', 'exclude', 'accept'],
      });
    } else if (a.code === 'UNKNOWN_SKU') {
      findings.push({
        key: { code: 'UNKNOWN_SKU', sku: a.sku ?? '' },
        code: a.code,
        participantCode: null,
        sku: a.sku,
        message: `${a.lines.length} lines sell the SKU ${a.sku}, which is not in the products list; they earn no points but count toward volume.`,
        facts: { lines: a.lines.length, netMinor: a.netMinor },
        lineIds: a.lines.map((l) => l.lineId),
        actions: ['exclude', 'accept'],
      });
    } else {
      findings.push({
        key: { code: 'MISSING_TARGET', participantCode: a.participantCode ?? '' },
        code: a.code,
        participantCode: a.participantCode,
        sku: null,
        message: `${a.participantCode} has sales in ${period} but no target, so no target bonus can be worked out.`,
        facts: { promotedMinor: a.netMinor },
        lineIds: [],
        actions: ['setTarget', 'accept'],
      });
    }
  }

  // Lines the import did not store because they repeated another line.
  if (sources.length > 0) {
    const duplicates = sqlite
      .prepare(
        `SELECT batch_id, row, value FROM import_problems WHERE code IN ('DUPLICATE_IN_FILE', 'DUPLICATE_LINE')
         AND batch_id IN (SELECT value FROM json_each(?)) ORDER BY batch_id, row`,
      )
      .raw()
      .all(JSON.stringify(sources)) as [number, number | null, string | null][];
    const byBatch = new Map<number, { batchId: number; row: number; value: string | null }[]>();
    for (const [batchId, row, value] of duplicates) {
      const list = byBatch.get(batchId) ?? [];
      list.push({ batchId, row: row ?? 0, value });
      byBatch.set(batchId, list);
    }
    for (const [batchId, rows] of byBatch) {
      findings.push({
        key: { code: 'DUPLICATE_LINE', batchId },
        code: 'DUPLICATE_LINE',
        participantCode: null,
        sku: null,
        message: `${rows.length} lines of import batch ${batchId} repeat a line given before and were not counted; check with the client that they really are repeats.`,
        facts: { batchId, lines: rows.length },
        lineIds: [],
        batchRows: rows,
        actions: ['accept'],
      });
    }
  }

  // Returns with no sale of the same product to the same participant in this or the three periods before.
  const returns: LineScore[] = [];
  for (const lines of score.lineScores.values()) for (const l of lines) if (l.line.quantity < 0) returns.push(l);
  if (returns.length > 0) {
    let from = period;
    for (let i = 0; i < 3; i++) from = previousPeriod(from);
    const sold = new Set(
      (
        sqlite
          .prepare(
            `SELECT DISTINCT s.participant_code || char(9) || s.sku FROM sales_lines s JOIN import_batches b ON b.id = s.batch_id
             WHERE s.program_id = ? AND s.period BETWEEN ? AND ? AND s.quantity > 0 AND b.superseded_by IS NULL`,
          )
          .raw()
          .all(program.id, from, period) as [string][]
      ).map(([k]) => k),
    );
    for (const l of returns) {
      if (sold.has(`${l.line.participantCode}\t${l.line.sku}`)) continue;
      findings.push({
        key: { code: 'RETURN_WITHOUT_SALE', lineId: l.line.id },
        code: 'RETURN_WITHOUT_SALE',
        participantCode: l.line.participantCode,
        sku: l.line.sku,
        message: `${l.line.participantCode} returns ${-l.line.quantity} x ${l.line.sku} with no sale of it since ${from}; the return takes ${-l.points - l.campaignPoints} points back.`,
        facts: {
          quantity: l.line.quantity,
          netMinor: l.line.netMinor,
          points: l.points + l.campaignPoints,
          since: from,
        },
        lineIds: [l.line.id],
        actions: ['exclude', 'accept'],
      });
    }
  }

  // Volumes of the last three periods, for each participant's own history.
  const history: Map<string, number>[] = [];
  let p = period;
  for (let i = 0; i < 3; i++) {
    p = previousPeriod(p);
    if (p < program.firstPeriod) break;
    history.push(loadVolumes(sqlite, program.id, p));
  }
  const positive = score.rows.filter((r) => r.volumeMinor > 0).map((r) => r.volumeMinor);
  const fence =
    positive.length >= MIN_FOR_DISTRIBUTION
      ? (() => {
          const { q1, q3 } = quartiles(positive);
          return { q1, q3, at: q3 + FENCE_IQR * (q3 - q1) };
        })()
      : null;
  const tiers = sortedTiers(rules);

  for (const row of score.rows) {
    const lineIds = (score.lineScores.get(row.code) ?? []).map((l) => l.line.id);
    participantFindings(row, lineIds, findings, {
      history,
      fence,
      tiers,
      rules,
      period,
      money: (minor) => `${minorToDecimalString(minor, program.currency.minorDigits)} ${program.currency.code}`,
    });
  }
  return findings;
}

interface RowContext {
  history: Map<string, number>[];
  /** Tukey's far-out fence over all participants' volumes of the period, with the quartiles it comes from. */
  fence: { q1: number; q3: number; at: number } | null;
  tiers: Rules['tiers'];
  rules: Rules;
  period: string;
  money: (minor: number) => string;
}

function participantFindings(row: ScoreRow, lineIds: number[], findings: Finding[], c: RowContext): void {
  const balance = row.carry + row.total + row.adjustments + row.corrections;
  if (row.held !== null && balance > 0) {
    const code = row.held === 'inactive' ? 'INACTIVE' : 'NO_DESTINATION';
    findings.push({
      key: { code, participantCode: row.code },
      code,
      participantCode: row.code,
      sku: null,
      message:
        row.held === 'inactive'
          ? `${row.code} is inactive: ${balance} points are held in the balance instead of being paid.`
          : `${row.code} has neither a card nor an IBAN: ${balance} points are held in the balance instead of being paid.`,
      facts: { heldPoints: balance },
      lineIds: [],
      actions: ['accept'],
    });
  }
  if (row.capCut > 0) {
    findings.push({
      key: { code: 'CAP_REACHED', participantCode: row.code },
      code: 'CAP_REACHED',
      participantCode: row.code,
      sku: null,
      message: `${row.code} reached the cap: ${row.beforeCap} points earned, ${row.capCut} cut.`,
      facts: { beforeCap: row.beforeCap, capCut: row.capCut, cap: c.rules.capPointsPerPeriod },
      lineIds,
      actions: ['exclude', 'accept'],
    });
  }
  const own = c.history.map((h) => h.get(row.code)).filter((v): v is number => v !== undefined && v > 0);
  const ownMedian = own.length > 0 ? median(own) : null;
  const aboveOwn = ownMedian !== null && row.volumeMinor > OWN_HISTORY_FACTOR * ownMedian;
  const fence = c.fence !== null && row.volumeMinor > c.fence.at ? c.fence : null;
  if (aboveOwn || fence) {
    // Each test is named with its own numbers only: a volume past the fence of all participants
    // may well be below the participant's own median, and must not be worded as if it were above it.
    const ownWords = `more than ${OWN_HISTORY_FACTOR} times their own median of ${c.money(ownMedian ?? 0)} over the periods before`;
    const fenceWords = (f: { q1: number; q3: number; at: number }) =>
      `past the far-out fence of all participants' volumes this period, ${c.money(f.at)} (the upper quartile ${c.money(f.q3)} plus ${FENCE_IQR} times the distance between the quartiles ${c.money(f.q1)} and ${c.money(f.q3)})`;
    const test = aboveOwn && fence ? 'both' : aboveOwn ? 'ownHistory' : 'spread';
    const words =
      test === 'both'
        ? `${ownWords}, and ${fenceWords(fence!)}`
        : test === 'ownHistory'
          ? ownWords
          : fenceWords(fence!);
    findings.push({
      key: { code: 'VOLUME_OUTLIER', participantCode: row.code },
      code: 'VOLUME_OUTLIER',
      participantCode: row.code,
      sku: null,
      message: `${row.code} sold ${c.money(row.volumeMinor)} in ${c.period}, ${words}.`,
      facts: {
        test,
        volumeMinor: row.volumeMinor,
        ...(aboveOwn ? { ownMedianMinor: ownMedian, ownFactor: OWN_HISTORY_FACTOR } : {}),
        ...(fence ? { fenceMinor: fence.at, q1Minor: fence.q1, q3Minor: fence.q3, fenceFactor: FENCE_IQR } : {}),
      },
      lineIds,
      actions: ['exclude', 'accept'],
    });
  }
  const tier = c.tiers.find((t) => row.volumeMinor >= t.minVolumeMinor);
  if (tier && row.volumeMinor < tier.minVolumeMinor + Math.trunc(tier.minVolumeMinor / NEAR_TIER_SHARE)) {
    findings.push({
      key: { code: 'NEAR_THRESHOLD', participantCode: row.code, threshold: 'tier' },
      code: 'NEAR_THRESHOLD',
      participantCode: row.code,
      sku: null,
      message: `${row.code}'s volume of ${c.money(row.volumeMinor)} is just above the ${tier.name} threshold of ${c.money(tier.minVolumeMinor)}, which sets next period's tier.`,
      facts: { volumeMinor: row.volumeMinor, thresholdMinor: tier.minVolumeMinor, tier: tier.id, what: 'tier' },
      lineIds,
      actions: ['exclude', 'accept'],
    });
  }
  if (row.attainmentBp !== null) {
    const band = [...c.rules.targetBands]
      .sort((a, b) => b.minAttainmentBp - a.minAttainmentBp)
      .find((b) => row.attainmentBp! >= b.minAttainmentBp);
    if (band && row.attainmentBp < band.minAttainmentBp + NEAR_BAND_BP) {
      findings.push({
        key: { code: 'NEAR_THRESHOLD', participantCode: row.code, threshold: 'target' },
        code: 'NEAR_THRESHOLD',
        participantCode: row.code,
        sku: null,
        message: `${row.code}'s attainment of ${minorToDecimalString(row.attainmentBp, 2)}% is just above the ${minorToDecimalString(band.minAttainmentBp, 2)}% band, worth ${row.targetBonus} points.`,
        facts: {
          attainmentBp: row.attainmentBp,
          thresholdBp: band.minAttainmentBp,
          targetBonus: row.targetBonus,
          what: 'target',
        },
        lineIds,
        actions: ['exclude', 'accept'],
      });
    }
  }
}
