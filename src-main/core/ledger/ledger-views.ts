// What the ledger and its audit show outside the core: plain types only, so that the renderer
// can import them through the IPC contract.
import type { LedgerKind } from '../../db/ledger-kinds';

type LedgerProblemKind =
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

/** An entry as ledger_entries holds it (db/schema.ts; ledger-query.ts reads it as that table's row). */
export interface LedgerEntryView {
  id: number;
  period: string;
  kind: LedgerKind;
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
