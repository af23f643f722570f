// What every import tells the operator. Pure types: the renderer shows them as they are.

export type ImportKind = 'participants' | 'products' | 'targets' | 'sales';

/** Why a row, or a cell in it, could not be taken; the UI translates by code. */
export type ProblemCode =
  | 'MISSING_VALUE'
  | 'BAD_DATE'
  | 'BAD_NUMBER'
  | 'TOO_MANY_DECIMALS'
  | 'BAD_STATUS'
  | 'BAD_IBAN'
  | 'BAD_EMAIL'
  | 'TOO_LONG'
  | 'ERROR_CELL'
  | 'MERGED_CELL'
  | 'DUPLICATE_IN_FILE'
  | 'TOTALS_ROW'
  | 'NOT_DATA'
  | 'AMBIGUOUS_NUMBER';

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
}

export interface ImportSourceInfo {
  format: 'xlsx' | 'csv';
  encoding?: string;
  separator?: string;
}
