// What scoring and periods show outside the core: plain types only (no node, no
// database), so that the renderer can import them through the IPC contract.
import type { LedgerKind, PeriodState } from '../../db/ledger-kinds';
import type { CampaignBonus, LineRule, PeriodTotals, ScoreRow, ScoringAnomaly } from './score-types';
import type { VerificationAction } from '../decisions/decision-views';
import type { FindingKey } from '../decisions/finding-key';

export interface LateCorrection {
  /** The locked period the difference belongs to. */
  correctsPeriod: string;
  participantCode: string;
  points: number;
  /** Sales batches the locked period was settled with, and those that count for it now. */
  settledBatches: number[];
  currentBatches: number[];
}

export interface PeriodResult {
  period: string;
  state: PeriodState;
  locked: boolean;
  rulesVersion: number;
  /** The sales batches whose lines were scored. */
  sources: number[];
  rows: ScoreRow[];
  anomalies: ScoringAnomaly[];
  totals: PeriodTotals;
  /** Differences in locked earlier periods settled in this one (pending while it is open). */
  corrections: LateCorrection[];
  /** Who approved a locked period, when, and the reasons written then (over budget, open findings accepted). */
  approval: {
    at: string;
    actor: string;
    reason: string | null;
    overBudgetReason: string | null;
    acceptedFindingsReason: string | null;
    fitted: boolean;
  } | null;
}

export interface ExplainLine {
  lineId: number;
  batchId: number;
  fileName: string;
  row: number;
  date: string;
  sku: string;
  productName: string | null;
  productGroup: string | null;
  quantity: number;
  netMinor: number;
  rule: LineRule;
  pointsPerUnit: number | null;
  points: number;
  campaigns: CampaignBonus[];
}

/** A ledger entry (ledger_entries, db/schema.ts) as explain lists it. */
export interface LedgerLine {
  entryId: number;
  period: string;
  kind: LedgerKind;
  points: number;
  note: string | null;
  correctsPeriod: string | null;
  at: string;
  actor: string;
}

export interface Explanation {
  period: string;
  state: PeriodState;
  locked: boolean;
  rulesVersion: number;
  currency: { code: string; minorDigits: number };
  pointValueMinor: number;
  participant: {
    code: string;
    name: string;
    joinDate: string | null;
    status: 'active' | 'inactive';
    cardRef: string | null;
    iban: string | null;
  };
  row: ScoreRow;
  lines: ExplainLine[];
  tier: {
    previousPeriod: string;
    previousVolumeMinor: number | null;
    id: string | null;
    name: string | null;
    minVolumeMinor: number | null;
    bonusPct: number;
  };
  target: {
    targetMinor: number | null;
    promotedMinor: number;
    attainmentBp: number | null;
    minAttainmentBp: number | null;
    bonusPct: number;
  };
  capPointsPerPeriod: number | null;
  /** Manual adjustments and settled corrections in the ledger for this period. */
  adjustments: LedgerLine[];
  /** Corrections of locked earlier periods waiting to be settled when this period is approved. */
  pendingCorrections: { correctsPeriod: string; points: number }[];
  /**
   * The verification decisions about this participant in the period: lines assigned or excluded, a target set, findings
   * accepted.
   */
  decisions: {
    key: FindingKey;
    action: VerificationAction;
    participantCode: string | null;
    targetMinor: number | null;
    lineCount: number;
    reason: string;
    at: string;
    actor: string;
  }[];
}

export interface WhatIfRow {
  code: string;
  name: string;
  before: { total: number; payablePoints: number; payoutMinor: number };
  after: { total: number; payablePoints: number; payoutMinor: number };
}

export interface WhatIfResult {
  period: string;
  rulesVersion: number;
  rows: WhatIfRow[];
  totals: { before: { total: number; payoutMinor: number }; after: { total: number; payoutMinor: number } };
  budgetMinor: { before: number | null; after: number | null };
  changedParticipants: number;
}

export interface PeriodSummary {
  period: string;
  state: PeriodState;
  salesBatches: number;
  salesLines: number;
  rulesVersion: number | null;
  lastChangeAt: string | null;
  lastChangeBy: string | null;
}
