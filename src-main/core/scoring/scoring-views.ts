// What scoring, periods and the ledger show outside the core: plain types only (no node, no
// database), so that the renderer can import them through the IPC contract.
import type { PeriodState } from '../ledger/ledger-kinds';
import type { CampaignBonus, LineRule, PeriodTotals, ScoreRow, ScoringAnomaly } from './score-types';
import type { FindingKey, VerificationAction } from '../verification/verification-views';

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
  approval: { at: string; actor: string; reason: string | null; overBudgetReason: string | null; acceptedFindingsReason: string | null; fitted: boolean } | null;
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

export interface LedgerLine {
  entryId: number;
  period: string;
  kind: string;
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
  participant: { code: string; name: string; joinDate: string | null; status: string; cardRef: string | null; iban: string | null };
  row: ScoreRow;
  lines: ExplainLine[];
  tier: { previousPeriod: string; previousVolumeMinor: number | null; id: string | null; name: string | null; minVolumeMinor: number | null; bonusPct: number };
  target: { targetMinor: number | null; promotedMinor: number; attainmentBp: number | null; minAttainmentBp: number | null; bonusPct: number };
  capPointsPerPeriod: number | null;
  /** Manual adjustments and settled corrections in the ledger for this period. */
  adjustments: LedgerLine[];
  /** Corrections of locked earlier periods waiting to be settled when this period is approved. */
  pendingCorrections: { correctsPeriod: string; points: number }[];
  /** The verification decisions about this participant in the period: lines assigned or excluded, a target set, findings accepted. */
  decisions: { key: FindingKey; action: VerificationAction; participantCode: string | null; targetMinor: number | null; lineCount: number; reason: string; at: string; actor: string }[];
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

export interface AdjustmentInput {
  period: string;
  participantCode: string;
  points: number;
  reason: string;
}

export interface AdjustmentResult {
  entryId: number;
  participantCode: string;
  period: string;
  points: number;
  reason: string;
}

export type LedgerProblemKind =
  | 'CONTENT_CHANGED'
  | 'CHAIN_BROKEN'
  | 'ENTRY_MISSING'
  | 'ANCHOR_MISSING'
  | 'GUARD_MISSING'
  | 'NOT_WHOLE_POINTS'
  // The seal chain (record_seals) over every money input:
  | 'ROW_CHANGED'
  | 'ROW_REMOVED'
  | 'ROW_UNSEALED'
  | 'SEAL_MISMATCH'
  | 'SEAL_CHAIN_BROKEN'
  | 'SEALS_MISSING'
  | 'BASELINE_LATE'
  | 'PAYOUT_AMOUNT'
  | 'PAYOUT_REDEMPTION'
  | 'ANCHOR_NOT_FOUND';

export interface LedgerProblem {
  kind: LedgerProblemKind;
  /** The entry found broken, when there is one. */
  entryId: number | null;
  message: string;
  /** The table and the row (its rowid) the problem is in, when it is in one. */
  table?: string;
  rowId?: number | null;
}

export interface SealVerification {
  /** Seals in record_seals, each re-derived from its rows. */
  sealsChecked: number;
  rowsChecked: number;
  /** Rows sealed as found when sealing began (written before this version of the app). */
  baselineRows: number;
  /** The chain's head: the anchor to keep outside the file. */
  head: { id: number; hash: string };
}

export interface AnchorCheck {
  hash: string;
  /** The seal whose hash it is, or null when the chain does not hold it. */
  sealId: number | null;
  ok: boolean;
}

export interface LedgerVerification {
  ok: boolean;
  entriesChecked: number;
  head: { id: number; hash: string };
  anchorsChecked: number;
  problems: LedgerProblem[];
  seals?: SealVerification;
  anchor?: AnchorCheck;
}

export interface LedgerEntryView {
  id: number;
  period: string;
  kind: string;
  points: number;
  salesLineId: number | null;
  batchId: number | null;
  sourceRow: number | null;
  rule: string | null;
  ruleVersion: number | null;
  note: string | null;
  reversesId: number | null;
  correctsPeriod: string | null;
  reference: string | null;
  createdAt: string;
  createdBy: string;
  hash: string;
}

export interface ParticipantLedger {
  participantCode: string;
  balance: number;
  entryCount: number;
  /** The latest entries (up to a limit), oldest first. */
  entries: LedgerEntryView[];
}
