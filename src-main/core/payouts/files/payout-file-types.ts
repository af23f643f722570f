// What the payout flow hands to the file writers, and what they hand back. The writers are
// pure: no database, no clock, no file system; the caller saves `bytes` where it likes.

export interface PayoutFileItem {
  /** Unique per top-up, e.g. "LD-2026-10-000042": the key for confirmations and the double-payment guard. */
  reference: string;
  participantCode: string;
  participantName: string;
  /** The prepaid card reference, for card top-ups. */
  cardRef: string | null;
  /** For bank transfers. */
  iban: string | null;
  period: string; // YYYY-MM
  points: number; // integer
  amountMinor: number; // integer minor units
}

export interface PayoutFileBatch {
  /** e.g. "PB-2026-10-1" — unique per export batch. */
  batchId: string;
  /** ISO instant of creation, e.g. 2026-11-01T10:00:00.000Z */
  createdAt: string;
  /** Requested execution date YYYY-MM-DD (SEPA ReqdExctnDt). */
  executionDate: string;
  programName: string;
  currency: { code: string; minorDigits: number };
  debtor?: { name: string; iban: string; bic: string }; // required for sepa
  items: PayoutFileItem[];
  /**
   * The head of the database's seal chain when the file was made (`audit head`): kept in the
   * file where its format has room (xlsx: the Batch sheet; sepa: an XML comment; csv: nowhere,
   * the issuer's template fixes its columns), so that `audit verify --anchor` can check later
   * that the database still holds everything up to that moment.
   */
  auditAnchor?: string;
}

export interface PayoutFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  rowCount: number;
  controlSumMinor: number;
}

export type PayoutFileFormat = 'xlsx' | 'csv' | 'sepa';
