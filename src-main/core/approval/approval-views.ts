// What an approval proposes outside the core: plain types for the
// contract.

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
  totals: {
    points: number;
    amountMinor: number;
    payablePoints: number;
    payableMinor: number;
    budgetMinor: number | null;
    overBudget: boolean;
    fitted: boolean;
  };
  openAnomalies: number;
  currency: { code: string; minorDigits: number };
}

/** The details of an approval as recorded: the scores, and the proposal as approved (fitted, selected). */
export interface ApprovedRecord {
  payouts?: PayoutProposal;
  totals: { heldPoints: number };
}
