// Every refusal the core can give, by code, with the details each code carries: the renderer
// translates by code and reads the details with their types, the CLI prints the sentence, and
// the contract carries both. Types only: it names the detail types of the stages that refuse,
// which vanish at run time, so the stage rule lets it (and only it) look forward by type.
import type { ValidationProblem } from './program/config-problems';
import type { MappingField, PreviewRow } from './import/report/import-report';
import type { LostExport } from './backup/backup-types';

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
  /** A data file not Loyalty Desk's (not an SQLite file, or one without the app's tables): not changed. */
  | 'NOT_LOYALTY_DATABASE'
  /** A data file SQLite cannot read far enough to open (cut short, pages overwritten): not changed. */
  | 'DATABASE_DAMAGED'
  /** A backup that fails its checks (integrity, schema version, the ledger's chain): not restored. */
  | 'BACKUP_REFUSED'
  /**
   * A restore that would go back past payout files already exported (the restored file would offer those top-ups
   * again): refused unless the coordinator gives a reason. Nothing was changed.
   */
  | 'RESTORE_LOSES_EXPORTS'
  /** A backup could not be written or did not pass integrity_check once written: nothing kept of it. */
  | 'BACKUP_FAILED'
  /** A file to migrate holds a row that points at a missing row (PRAGMA foreign_key_check): not migrated. */
  | 'DATABASE_INCONSISTENT'
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
  /** An audit package that is not a whole zip, or has no manifest of a known format: nothing can be verified. */
  | 'AUDIT_PACKAGE_DAMAGED'
  | 'REASON_REQUIRED'
  /** A participant edited in the app who was changed (by an import or another window) since the form was opened. */
  | 'PARTICIPANT_CHANGED'
  /** Findings a bulk decision named that are resolved already or gone by the time it was written: nothing written. */
  | 'FINDING_NOT_OPEN'
  /** A decision withdrawn already, or a standing decision ended already: nothing written. */
  | 'DECISION_NOT_IN_FORCE'
  | 'INVALID_RULES'
  | 'INTERNAL';

/** A plain value of an error's context: what JSON carries. */
export type ErrorFact =
  string | number | boolean | null | undefined | readonly ErrorFact[] | { readonly [key: string]: ErrorFact };
/**
 * The context a refusal names (participant, period, row, the numbers compared): plain values, by
 * name. `problems` is kept for validation problems, so that a reader finds them by that name alone.
 */
export type ErrorFacts = { readonly [key: string]: ErrorFact; readonly problems?: never };

/** Why a call never reached the core (set by the renderer's transport, with INTERNAL). */
export type TransportProblem = 'offline' | 'accessDenied' | 'tooLarge';

/**
 * What each error code carries besides its sentence. A code that names no further context
 * has `never`. The renderer reads these with their types; an AppError is built only with the
 * details its code has here.
 */
export interface ErrorDetails {
  INVALID_INPUT:
    { problems: ValidationProblem[] } | { httpStatus: number } | { period: string } | { field: string } | ErrorFacts;
  NO_PROGRAM: never;
  PROGRAM_EXISTS: never;
  INVALID_PROGRAM: { problems: ValidationProblem[] };
  FILE_EMPTY: { headerRow: number; sheet: string | null | undefined } | ErrorFacts;
  FILE_UNREADABLE: { why: string } | ErrorFacts;
  FILE_DAMAGED: ErrorFacts;
  FILE_NOT_SUPPORTED: ErrorFacts;
  FILE_TOO_LARGE: ErrorFacts;
  FILE_ALREADY_IMPORTED: { batchId: number; fileName: string; createdAt: string; createdBy: string };
  HEADER_NOT_FOUND:
    | {
        /** Each required field with the headers that name it. */
        required: Record<string, readonly string[]>;
        /** The row nearest to a header row, and which fields it named. */
        closest: { sheet: string | null; row: number; matched: string[]; missing: string[] } | null;
        headers: string[];
        fields: MappingField[];
        rows: PreviewRow[];
        headerRow?: undefined;
      }
    /** A targets file with a code column but neither the long nor the wide form. */
    | {
        headerRow: number;
        headers: string[];
        required?: undefined;
        closest?: undefined;
        fields?: undefined;
        rows?: undefined;
      };
  SHEET_NOT_FOUND: ErrorFacts;
  NOT_FOUND:
    { batchId: number } | { code: string } | { jobId: string } | { codes: string[] } | { rulesVersion: number };
  PERIOD_REQUIRED: { months: Record<string, number> };
  DATABASE_NEWER: never;
  DATABASE_INCONSISTENT: never;
  NOT_LOYALTY_DATABASE: { file: string };
  DATABASE_DAMAGED: { file: string };
  BACKUP_REFUSED: {
    file: string;
    why: 'INTEGRITY' | 'NEWER' | 'NOT_LOYALTY_DATABASE' | 'CHAIN_BROKEN' | 'GUARD_MISSING';
  };
  RESTORE_LOSES_EXPORTS: { file: string; batches: LostExport[] };
  BACKUP_FAILED: ErrorFacts;
  DATABASE_BUSY: { file: string };
  AMOUNT_TOO_LARGE: ErrorFacts & { limit?: number };
  CANCELLED: ErrorFacts;
  PREVIEW_OUT_OF_DATE: { kind: string; batchId: number; fileName: string };
  REPLACEMENT_NOT_ALLOWED: ErrorFacts & { batchId: number };
  IMPORT_NOT_READY: { state: string };
  PERIOD_LOCKED: ErrorFacts;
  EARLIER_PERIOD_OPEN: { periods: string[] };
  OVER_BUDGET: { payoutMinor: number; budgetMinor: number | null };
  ANOMALIES_OPEN: { open: number; codes: string[] };
  NOTHING_TO_EXPORT: ErrorFacts;
  PERIOD_NOT_APPROVED: ErrorFacts;
  PAYOUTS_MOVED: ErrorFacts;
  PAYOUT_STATE_CONFLICT: ErrorFacts;
  FILE_NOT_WRITABLE: ErrorFacts;
  AUDIT_PACKAGE_DAMAGED: { path: string };
  FILE_NOT_MOVED: ErrorFacts;
  REASON_REQUIRED: never;
  PARTICIPANT_CHANGED: { code: string; fields: string[] };
  FINDING_NOT_OPEN: { period: string; keys: string[] };
  DECISION_NOT_IN_FORCE: ErrorFacts;
  INVALID_RULES: { problems: ValidationProblem[] };
  INTERNAL: { transport: TransportProblem };
}

type Expect<T extends true> = T;
// Fails to compile when a code has no entry in ErrorDetails.
export type ErrorDetailsCoverEveryCode = Expect<
  [Exclude<ErrorCode, keyof ErrorDetails>] extends [never] ? true : false
>;

/** An error as data: its code, one sentence, and the details of that code. */
export type AppErrorData = {
  [C in ErrorCode]: {
    code: C;
    /** One sentence for the operator, in English; the UI translates by code where it can. */
    message: string;
    details?: ErrorDetails[C];
  };
}[ErrorCode];

/** The error data of one code. */
export type AppErrorOf<C extends ErrorCode> = Extract<AppErrorData, { code: C }>;
