// What the audit package and its verification show outside the core: plain types only, so that the renderer can
// import them through the IPC contract.
import type { LedgerProblem } from '../ledger/ledger-views';

/** The package's format: a verifier refuses a manifest of another version rather than misread it. */
export const AUDIT_PACKAGE_FORMAT = 'loyalty-desk-audit-package/1';

export interface ManifestFile {
  /** The path inside the zip, '/' separated. */
  path: string;
  size: number;
  sha256: string;
}

export interface ChainHead {
  id: number;
  hash: string;
}

export interface AuditManifest {
  format: typeof AUDIT_PACKAGE_FORMAT;
  program: { id: number; name: string; client: string; currencyCode: string; currencyDigits: number } | null;
  madeAt: string;
  madeBy: string;
  /** The ledger's last entry and the seal chain's head when the package was read. */
  ledgerHead: ChainHead;
  sealHead: ChainHead;
  /** Each table's CSV and its row count. */
  tables: { table: string; path: string; rows: number }[];
  /** Each import batch's original file, or why the package has none. */
  importFiles: { batchId: number; path: string | null; sha256: string; note?: string }[];
  files: ManifestFile[];
}

export interface AuditExportResult {
  path: string;
  bytes: number;
  files: number;
  tables: number;
  rows: number;
  /** Import batches whose original file the package carries, and those imported before files were kept. */
  originalFiles: number;
  batchesWithoutFile: number[];
  ledgerHead: ChainHead;
  sealHead: ChainHead;
}

/** The package as the window receives it (audit.export), to save where the coordinator says. */
export interface AuditPackageFile {
  fileName: string;
  bytes: Uint8Array;
  summary: Omit<AuditExportResult, 'path'>;
}

/** One field of an approved period that the engine, run again on the same data and rules, does not give. */
export interface RecomputeDifference {
  period: string;
  /** The participant's code; null for a figure of the whole period. */
  participant: string | null;
  /** The field as the tables name it: 'total', 'payout_minor', 'ledger earn', 'approved_lines points', ... */
  field: string;
  packaged: string | number | null;
  recomputed: string | number | null;
  /** Where the packaged value is: a table and its row, when it is one row. */
  table?: string;
  rowId?: number;
}

export type AuditProblemCode =
  // The package itself:
  | 'FILE_MISSING'
  | 'FILE_UNLISTED'
  | 'FILE_CHANGED'
  | 'ORIGINAL_FILE_CHANGED'
  | 'TABLE_UNREADABLE'
  | 'HEAD_MISMATCH'
  // The recomputation of approved periods:
  | 'RECOMPUTE_DIFFERENCE'
  | 'RECOMPUTE_FAILED'
  // The ledger chain and the seals, as `audit verify` on a live file reports them:
  | LedgerProblem['kind'];

export interface AuditProblem {
  code: AuditProblemCode;
  message: string;
  /** The file of the package, for the package's own problems. */
  path?: string;
  table?: string;
  rowId?: number | null;
  difference?: RecomputeDifference;
}

export interface AuditVerification {
  ok: boolean;
  /** 'package' for a zip, 'live' for a database file. */
  source: 'package' | 'live';
  /** What was checked, counted. */
  counts: {
    files: number;
    tables: number;
    rows: number;
    ledgerEntries: number;
    seals: number;
    periodsRecomputed: number;
    participantsCompared: number;
    linesCompared: number;
    payoutsCompared: number;
  };
  ledgerHead: ChainHead;
  sealHead: ChainHead;
  /** The manifest's heads, for a package (they must equal the ones found). */
  manifest?: { madeAt: string; ledgerHead: ChainHead; sealHead: ChainHead; program: AuditManifest['program'] };
  problems: AuditProblem[];
  /** More problems were found than are listed. */
  truncated: boolean;
}
