// Every refusal the core can give, by code: the renderer translates by code, the CLI prints the
// sentence, and the contract carries both.
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NO_PROGRAM'
  | 'PROGRAM_EXISTS'
  | 'INVALID_PROGRAM'
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  /** A workbook one of whose sheets is cut short or malformed part way: refused whole. */
  | 'FILE_DAMAGED'
  | 'FILE_NOT_SUPPORTED'
  | 'FILE_TOO_LARGE'
  | 'FILE_ALREADY_IMPORTED'
  | 'HEADER_NOT_FOUND'
  | 'SHEET_NOT_FOUND'
  | 'NOT_FOUND'
  /** A sales file whose dates span several months, imported without saying which period it is for. */
  | 'PERIOD_REQUIRED'
  | 'DATABASE_NEWER'
  /** Another window or command held the data file's write lock past the busy timeout. */
  | 'DATABASE_BUSY'
  /** A number of points or an amount past MAX_SAFE_AMOUNT, or a sum that would pass it. */
  | 'AMOUNT_TOO_LARGE'
  | 'CANCELLED'
  | 'PREVIEW_OUT_OF_DATE'
  | 'REPLACEMENT_NOT_ALLOWED'
  | 'IMPORT_NOT_READY'
  /** A change asked of an approved (or later) period, which never changes. */
  | 'PERIOD_LOCKED'
  /** Approving a period while an earlier one with sales is still open. */
  | 'EARLIER_PERIOD_OPEN'
  | 'OVER_BUDGET'
  /** Approving while findings of the verification queue are open. */
  | 'ANOMALIES_OPEN'
  /** Exporting or confirming when there is nothing to (no approved top-ups left). */
  | 'NOTHING_TO_EXPORT'
  | 'PERIOD_NOT_APPROVED'
  /** Top-ups a preview relied on were voided, exported or confirmed before its commit; nothing was written. */
  | 'PAYOUTS_MOVED'
  /** A move of a top-up its state forbids (such as paying a voided one). */
  | 'PAYOUT_STATE_CONFLICT'
  /** A file cannot be written where asked (no folder, no permission, disk full); nothing was recorded. */
  | 'FILE_NOT_WRITABLE'
  /** The payout batch was recorded, but its file could not be moved into place; it is left beside it. */
  | 'FILE_NOT_MOVED'
  | 'REASON_REQUIRED'
  | 'INVALID_RULES'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  /** One sentence for the operator, in English; the UI translates by code where it can. */
  message: string;
  details?: Record<string, unknown>;
}

/** An expected failure with a sentence for the operator; crosses IPC as data, never as an Error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
