// What every import tells the operator. Types (and the names of the columns a batch's lines sort by): the
// renderer shows them as they are.
import type { AppErrorData } from '../../app-error';

export type ImportKind = 'participants' | 'products' | 'targets' | 'sales' | 'confirmations';

/** Why a row, or a cell in it, could not be taken; the UI translates by code. */
export type ProblemCode =
  | 'MISSING_VALUE'
  | 'BAD_DATE'
  | 'BAD_NUMBER'
  | 'TOO_MANY_DECIMALS'
  /** A number of points or an amount past MAX_SAFE_AMOUNT, the one limit Loyalty Desk counts exactly. */
  | 'AMOUNT_TOO_LARGE'
  | 'BAD_STATUS'
  | 'BAD_IBAN'
  | 'BAD_EMAIL'
  | 'TOO_LONG'
  | 'ERROR_CELL'
  /** A cell whose stored text is not what its type says: a number cell holding "963.72abc". */
  | 'UNREADABLE_CELL'
  | 'MERGED_CELL'
  | 'DUPLICATE_IN_FILE'
  | 'TOTALS_ROW'
  | 'NOT_DATA'
  | 'AMBIGUOUS_NUMBER'
  /** A period cell that is not a month (targets). */
  | 'BAD_PERIOD'
  /** A yes/no cell that is neither (products' promoted). */
  | 'BAD_FLAG'
  /** A sales date outside the period the file was imported for. */
  | 'OUTSIDE_PERIOD'
  /** A sales line given earlier in the file or already imported: not taken (severity 'skipped'). */
  | 'DUPLICATE_LINE'
  /** Warnings: a code or SKU the program does not know yet; the line is kept and scoring flags it. */
  | 'UNKNOWN_PARTICIPANT'
  | 'UNKNOWN_SKU'
  /** A confirmation status that is neither paid nor failed. */
  | 'BAD_CONFIRMATION_STATUS'
  /** Confirmations: a row that matches no exported top-up, or not the one it names; listed, never guessed. */
  | 'CONFIRMATION_MISMATCH';

export interface ImportProblem {
  /** The row number as the spreadsheet shows it (1-based), or null for the whole file. */
  row: number | null;
  /** The header of the column as written in the file, or null. */
  column: string | null;
  /** The cell's value as text, as the file had it. */
  value: string | null;
  code: ProblemCode;
  /** One English sentence; the UI shows a translation by code with `params`. */
  reason: string;
  params?: Record<string, string | number>;
  severity: 'error' | 'skipped' | 'warning';
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface ParticipantChangeReport {
  code: string;
  row: number;
  changes: FieldChange[];
}

export interface ImportReport {
  batchId: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  sheet: string | null;
  headerRow: number;
  /** Which column of the file fed each field, by header text. */
  mapping: Record<string, string>;
  rowsRead: number;
  accepted: number;
  rejected: number;
  skipped: number;
  /** Of the accepted rows: how many created a record, changed one, or left it as it was. */
  created: number;
  updated: number;
  unchanged: number;
  changes: ParticipantChangeReport[];
  problems: ImportProblem[];
  /** How the file was read, for the summary: its format and, for a CSV, the encoding and separator found. */
  source?: ImportSourceInfo;
  /** Sales: lines not taken because they repeat a line given earlier in the file or already imported. */
  duplicates?: number;
  /** Sales: the period the lines belong to. */
  period?: string | null;
  /** Sales: the earlier batch this one superseded. */
  replacedBatchId?: number | null;
}

interface ImportSourceInfo {
  format: 'xlsx' | 'csv';
  encoding?: string;
  separator?: string;
}

/** A field of a kind as the mapping step shows it. */
export interface MappingField {
  field: string;
  required: boolean;
  /** The header of the file's column that feeds this field, or null when none does. */
  header: string | null;
  /** How the column was chosen. */
  source: 'synonym' | 'remembered' | 'explicit' | null;
}

/** How the client's layout differs from the last file of this kind that was imported. */
export interface LayoutChange {
  previousBatchId: number;
  previousFileName: string;
  added: string[];
  removed: string[];
}

/** What replacing an earlier batch changes, shown before the coordinator confirms. */
export interface ReplacementDiff {
  replacesBatchId: number;
  replacesFileName: string;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** A few examples of each, for the preview. */
  examples: { change: 'added' | 'removed' | 'changed'; key: string; before: string | null; after: string | null }[];
}

/** One row of the file as the preview shows it, with the problems found in it. */
export interface PreviewRow {
  row: number;
  cells: (string | null)[];
  status: 'accepted' | 'rejected' | 'skipped' | 'duplicate';
}

/** Everything the operator sees before anything is written. */
export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  fileSize: number;
  sha256: string;
  sheet: string | null;
  headerRow: number;
  /** The header row of the file, as written. */
  headers: string[];
  fields: MappingField[];
  mapping: Record<string, string>;
  rowsRead: number;
  accepted: number;
  rejected: number;
  skipped: number;
  duplicates: number;
  problems: ImportProblem[];
  /** Rows for the preview table: those with problems first, then the first accepted ones. */
  rows: PreviewRow[];
  /** Sales: the period the lines belong to. */
  period: string | null;
  layoutChange: LayoutChange | null;
  replacement: ReplacementDiff | null;
  source?: { format: 'xlsx' | 'csv'; encoding?: string; separator?: string };
  /** Sales: set when most of the file's participant codes are unknown to the program (the wrong client's file). */
  unknownCodes?: UnknownCodesSummary | null;
}

/** How many of a sales file's participant codes the program does not know, counted over the whole file. */
export interface UnknownCodesSummary {
  /** Distinct participant codes of the file's accepted lines, and how many of them are unknown. */
  codes: number;
  unknownCodes: number;
  /** Accepted lines, and how many of them carry an unknown code. */
  lines: number;
  unknownLines: number;
  /** A few of the unknown codes, in the order the file gives them. */
  examples: string[];
}

export type ImportJobState = 'reading' | 'ready' | 'committing' | 'committed' | 'failed' | 'cancelled';

export interface ImportJobStatus {
  jobId: string;
  kind: ImportKind;
  fileName: string;
  state: ImportJobState;
  rowsRead: number;
  /** Of the file's bytes, how many have been read: progress where the row count is not known ahead. */
  bytesRead: number;
  totalBytes: number;
  preview: ImportPreview | null;
  report: ImportReport | null;
  error: AppErrorData | null;
}

/** An import batch (import_batches, db/schema.ts) as the import screens list it. */
export interface ImportBatchView {
  id: number;
  kind: ImportKind;
  fileName: string;
  fileSize: number;
  sha256: string;
  sheet: string | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  skipped: number;
  createdAt: string;
  createdBy: string;
  /** Sales: the period of the batch's lines. */
  period: string | null;
  /** The later batch that superseded this one (a corrected sales file), or null. */
  supersededBy: number | null;
}

/** Another batch as a report names it: enough to say which file, when and by whom, and to open it. */
export interface BatchLink {
  id: number;
  fileName: string;
  createdAt: string;
  createdBy: string;
}

/** A committed import opened again from the history. */
export interface ImportBatchReport extends ImportBatchView {
  headerRow: number | null;
  /** Which column of the file fed each field, by header text. */
  mapping: Record<string, string>;
  problems: ImportProblem[];
  /** Sales: the earlier batches this one superseded (a corrected file), oldest first. */
  replaces: BatchLink[];
  /** Sales: the later batch that superseded this one, or null. */
  replacedBy: BatchLink | null;
}

/** A sales line as a batch stored it. */
export interface StoredSalesLine {
  id: number;
  sourceRow: number;
  saleDate: string;
  participantCode: string;
  participantName: string | null;
  sku: string;
  productName: string | null;
  quantity: number;
  netMinor: number;
  documentNo: string | null;
  lineNo: string | null;
}

/** The columns of a batch's lines table, each of which the lines sort by. */
export const BATCH_LINE_SORT_FIELDS = [
  'sourceRow',
  'saleDate',
  'participantCode',
  'participantName',
  'sku',
  'productName',
  'quantity',
  'netMinor',
  'documentNo',
] as const;
export type BatchLineField = (typeof BATCH_LINE_SORT_FIELDS)[number];

export interface BatchLinesOrder {
  sort?: BatchLineField;
  direction?: 'asc' | 'desc';
  /** Matches the participant's code or name, the SKU, the product's name or the document, case-insensitively. */
  search?: string;
}

export interface BatchLinesPage {
  batchId: number;
  /** Every line the batch stored; `lines` is the page from `offset`. */
  total: number;
  offset: number;
  lines: StoredSalesLine[];
}
