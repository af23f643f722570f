// The rule engine's inputs and outputs. Everything here is plain data with integer points and
// minor units, so that a score can be compared field by field, printed as JSON and posted.
import type { Rules } from '../program/program-config';
import type { ScoringLine } from '../sales/scoring-line';

export interface ScoringParticipant {
  code: string;
  name: string;
  joinDate: string | null;
  active: boolean;
  /** Where a payout would go: a prepaid card first, else an IBAN for a bank transfer. */
  destination: 'card' | 'iban' | null;
}

export interface ScoringProduct {
  sku: string;
  group: string | null;
  promoted: boolean;
  /** From the products file; a rule's productRates entry overrides it. */
  pointsPerUnit: number | null;
}

export interface ScoringInput {
  period: string;
  firstPeriod: string;
  rules: Rules;
  rulesVersion: number;
  pointValueMinor: number;
  participants: ReadonlyMap<string, ScoringParticipant>;
  products: ReadonlyMap<string, ScoringProduct>;
  /** The period's current lines (those of superseded batches left out), any order. */
  lines: readonly ScoringLine[];
  /** Net volume of the previous period, only for participants who had lines in it. */
  previousVolume: ReadonlyMap<string, number>;
  /** Each participant's target for the period in minor units. */
  targets: ReadonlyMap<string, number>;
  /** Ledger balance of all earlier periods. */
  carry: ReadonlyMap<string, number>;
  /** Manual adjustments posted for this period. */
  adjustments: ReadonlyMap<string, number>;
  /** Differences found in locked earlier periods (late returns, corrected files), settled in this one. */
  corrections: ReadonlyMap<string, number>;
}

/** How a line's points came about: which rule gave its points. */
export type LineRule = 'baseRate' | 'productRate' | 'notPromoted' | 'unknownSku';

export interface CampaignBonus {
  campaignId: string;
  bonusPct: number;
  points: number;
}

export interface LineScore {
  line: ScoringLine;
  rule: LineRule;
  /** The per-unit rate used, for productRate lines. */
  pointsPerUnit: number | null;
  points: number;
  campaigns: CampaignBonus[];
  /** Sum of the campaign bonuses. */
  campaignPoints: number;
  promoted: boolean;
}

export type HeldReason = 'noDestination' | 'inactive';

export interface PrizeAward {
  contestId: string;
  place: number;
  points: number;
}

/** One participant's result for the period: the fields of reference-program.md and a few more. */
export interface ScoreRow {
  code: string;
  name: string;
  volumeMinor: number;
  previousVolumeMinor: number | null;
  tier: string | null;
  tierBonusPct: number;
  base: number;
  campaign: number;
  subtotal: number;
  tierBonus: number;
  promotedMinor: number;
  targetMinor: number | null;
  attainmentBp: number | null;
  targetBonusPct: number;
  targetBonus: number;
  beforeCap: number;
  capCut: number;
  earned: number;
  prize: number;
  prizes: PrizeAward[];
  total: number;
  carry: number;
  adjustments: number;
  corrections: number;
  payablePoints: number;
  payoutMinor: number;
  held: HeldReason | null;
  lineCount: number;
}

export type AnomalyCode = 'UNKNOWN_PARTICIPANT' | 'UNKNOWN_SKU' | 'MISSING_TARGET';

interface AnomalyLineRef {
  lineId: number;
  batchId: number;
  row: number;
}

export interface ScoringAnomaly {
  code: AnomalyCode;
  participantCode: string | null;
  sku: string | null;
  /** The lines that show it (none for a missing target). */
  lines: AnomalyLineRef[];
  netMinor: number;
}

export interface PeriodTotals {
  participants: number;
  lines: number;
  earned: number;
  prizes: number;
  payablePoints: number;
  payoutMinor: number;
  heldParticipants: number;
  heldPoints: number;
  budgetMinor: number | null;
}

export interface PeriodScore {
  period: string;
  rulesVersion: number;
  /** Rows ordered by participant code (plain string order). */
  rows: ScoreRow[];
  /** Every line's score, grouped by participant code (unknown participants' lines are not here). */
  lineScores: ReadonlyMap<string, LineScore[]>;
  anomalies: ScoringAnomaly[];
  totals: PeriodTotals;
}
