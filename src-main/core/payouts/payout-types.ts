// What the payout steps show outside the core (top-ups, their files and confirmations, the budget): plain
// types for the contract.
import type { PayoutTemplate } from './files/payout-template';
import type { PeriodState } from '../../db/ledger-kinds';

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
  /**
   * True when the file is an existing batch written in the other card format: the same top-ups, references and control
   * sum.
   */
  copy: boolean;
}

export interface BudgetPeriodView {
  period: string;
  state: PeriodState;
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

/** The configured card-issuer template, as the settings screen shows it. */
export interface PayoutTemplateView {
  template: PayoutTemplate;
  builtIn: boolean;
}
