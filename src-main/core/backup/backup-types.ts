// What the backups, the restore and the check at every start show outside the core: plain types only, so that the
// renderer can import them through the IPC contract.
import type { AppErrorData } from '../app-error';

/** Why a backup was taken: before an operation that writes much, once a day, by hand, or before a migration. */
export const BACKUP_REASONS = ['import', 'approval', 'export', 'restore', 'migration', 'daily', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupView {
  /** The file's name in the backups folder, which carries its time and reason. */
  fileName: string;
  path: string;
  /** When it was taken (ISO instant). */
  takenAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

/** What the check at every start found wrong in a data file that could be opened. */
export type StartProblemCode =
  /** PRAGMA integrity_check (or quick_check) reported damage. */
  | 'INTEGRITY'
  /** An append-only trigger of the app's migrations is missing or replaced. */
  | 'GUARD_MISSING'
  /** The ledger's last approval anchor or the entries after it do not hold together. */
  | 'CHAIN_BROKEN';

export interface StartProblem {
  code: StartProblemCode;
  /** The table, trigger or ledger entry it concerns, when there is one. */
  table?: string;
  name?: string;
  entryId?: number;
}

export interface StartCheck {
  ok: boolean;
  /**
   * Why the file was not opened at all (NOT_LOYALTY_DATABASE, DATABASE_NEWER, DATABASE_BUSY, DATABASE_DAMAGED, or
   * INTEGRITY found by the check): the app then answers only the check, the backups and the restore. Null when open.
   */
  refusal: AppErrorData | null;
  problems: StartProblem[];
  /** Which SQLite check ran: 'integrity' (integrity_check) or 'quick' (quick_check, for big files). */
  integrity: 'integrity' | 'quick';
  /** Milliseconds the check took. */
  tookMs: number;
  /** The newest backup that passes integrity_check, offered when something is wrong (null when all is well or none). */
  latestGoodBackup: BackupView | null;
}

/**
 * A payout file the data file in use holds and a backup does not: exported after the backup was taken. A type (not an
 * interface) so that it is a plain value an error's details can carry.
 */
export type LostExport = {
  batchRef: string;
  period: string;
  format: string;
  fileName: string;
  rowCount: number;
  controlSumMinor: number;
  currencyCode: string;
  currencyDigits: number;
  createdAt: string;
  createdBy: string;
};

export interface RestoreOutcome {
  /** The backup that is now the data file. */
  restored: BackupView;
  /** Payout files exported after the backup was taken, which the coordinator accepted to lose from the file. */
  lostExports: LostExport[];
  /** Why the coordinator restored past those exports; null when there were none. */
  lostExportsReason: string | null;
  /** Where the file in use before was kept (a backup with reason "restore", or the file moved aside as it was). */
  keptAside: string;
  dataFile: string;
}

export interface BackUpNowResult {
  backup: BackupView;
  /** The copy written where the coordinator chose, when a place was given. */
  copiedTo: string | null;
}
