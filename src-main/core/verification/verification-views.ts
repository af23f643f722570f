// What the verification queue and the payout steps show outside the core: plain types only,
// so that the renderer can import them through the IPC contract.

import type { FindingKey } from './finding-key';

export type { FindingKey } from './finding-key';

export const VERIFICATION_CODES = [
  'UNKNOWN_PARTICIPANT',
  'UNKNOWN_SKU',
  'MISSING_TARGET',
  'DUPLICATE_LINE',
  'RETURN_WITHOUT_SALE',
  'NO_DESTINATION',
  'INACTIVE',
  'CAP_REACHED',
  'VOLUME_OUTLIER',
  'NEAR_THRESHOLD',
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

export const VERIFICATION_ACTIONS = ['assign', 'exclude', 'setTarget', 'accept'] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

export interface EvidenceLine {
  lineId: number | null;
  batchId: number;
  fileName: string;
  row: number | null;
  date: string | null;
  participantCode: string | null;
  sku: string | null;
  quantity: number | null;
  netMinor: number | null;
}

export interface DecisionView {
  id: number;
  action: VerificationAction;
  participantCode: string | null;
  targetMinor: number | null;
  lineIds: number[];
  reason: string;
  at: string;
  actor: string;
}

export interface VerificationItem {
  /** Stable across re-scoring: what a decision is recorded against. */
  key: FindingKey;
  code: VerificationCode;
  participantCode: string | null;
  sku: string | null;
  /** One sentence in English; the UI words it from code and facts. */
  message: string;
  facts: Record<string, string | number | null>;
  /** The rows that show it (at most 200 listed; lineCount says how many there are). */
  evidence: EvidenceLine[];
  lineCount: number;
  status: 'open' | 'resolved';
  decisions: DecisionView[];
  /** What can be done about it. */
  actions: VerificationAction[];
}

export interface VerificationQueue {
  period: string;
  locked: boolean;
  open: number;
  resolved: number;
  items: VerificationItem[];
}

export interface ResolveInput {
  period: string;
  key: FindingKey;
  action: VerificationAction;
  /** assign: the participant the lines go to; setTarget: whose target. */
  participantCode?: string;
  targetMinor?: number;
  /** assign, exclude: which of the item's lines (all of them when left out). */
  lineIds?: number[];
  reason: string;
}

export interface PayoutProposalRow {
  code: string;
  name: string;
  method: 'card' | 'transfer';
  /** The card or account, masked: only the last four characters shown. */
  destination: string;
  /** What the scores make payable. */
  payablePoints: number;
  /** What this approval would pay (less when fitted to the budget or not selected). */
  points: number;
  amountMinor: number;
  /** Stays in the balance for the next period. */
  unpaidPoints: number;
  selected: boolean;
}

export interface HeldPayout {
  code: string;
  name: string;
  reason: 'noDestination' | 'inactive';
  points: number;
}

export interface PayoutProposal {
  period: string;
  state: string;
  locked: boolean;
  rows: PayoutProposalRow[];
  held: HeldPayout[];
  totals: { points: number; amountMinor: number; payablePoints: number; payableMinor: number; budgetMinor: number | null; overBudget: boolean; fitted: boolean };
  openAnomalies: number;
  currency: { code: string; minorDigits: number };
}

export type PayoutStatus = 'approved' | 'exported' | 'paid' | 'failed' | 'voided';

export interface PayoutView {
  id: number;
  reference: string;
  period: string;
  participantCode: string;
  participantName: string;
  method: 'card' | 'transfer';
  destination: string;
  points: number;
  amountMinor: number;
  status: PayoutStatus;
  batchRef: string | null;
  statusReason: string | null;
}

export interface PayoutBatchView {
  id: number;
  batchRef: string;
  period: string;
  format: 'xlsx' | 'csv' | 'sepa';
  fileName: string;
  sha256: string;
  rowCount: number;
  controlSumMinor: number;
  createdAt: string;
  createdBy: string;
  voided: boolean;
  /** The formats this batch was written again in (xlsx <-> csv): the same top-ups, never a second payment. */
  copies: ('xlsx' | 'csv')[];
}

export interface ExportResult {
  batch: PayoutBatchView;
  fileName: string;
  bytes: Uint8Array;
  /** True when nothing was left to export and the earlier file of this format is returned. */
  reused: boolean;
  /** True when the file is an existing batch written in the other card format: the same top-ups, references and control sum. */
  copy: boolean;
}

export interface ConfirmationMismatch {
  row: number;
  reference: string | null;
  reason: string;
}

export interface ConfirmationReport {
  fileName: string;
  rowsRead: number;
  paid: number;
  failed: number;
  alreadyKnown: number;
  mismatches: ConfirmationMismatch[];
  paidMinor: number;
  failedMinor: number;
}

export interface BudgetPeriodView {
  period: string;
  state: string;
  budgetedMinor: number | null;
  approvedMinor: number;
  paidMinor: number;
  failedMinor: number;
  heldPoints: number;
  heldMinor: number;
}

export interface BudgetView {
  currency: { code: string; minorDigits: number };
  periods: BudgetPeriodView[];
  toDate: { budgetedMinor: number; approvedMinor: number; paidMinor: number; heldMinor: number };
}
