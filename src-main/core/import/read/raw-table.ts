// What the readers hand to the pipeline: rows of plain cell values, whatever the file format.

/**
 * A cell that holds no usable value: an error such as #N/A, a formula without a cached result, or a value that cannot
 * be read.
 */
export interface CellError {
  /** As Excel shows it: "#N/A", "#DIV/0!"; for a formula without a result, "=" and the formula. */
  error: string;
  /** Set when the cell is a formula that the writing program never calculated. */
  uncalculated?: true;
  /**
   * Set when the cell's stored text is not what its type says (a number cell holding "963.72abc"); `error` is that
   * text.
   */
  unreadable?: 'number' | 'date' | 'boolean';
}

/**
 * One cell as read: text (rich text and hyperlinks already flattened), a number, a boolean,
 * a date cell as a JS Date at UTC midnight of the written day, an error, or null when empty.
 */
export type RawCell = string | number | boolean | Date | CellError | null;

export interface RawRow {
  /** The row number as the spreadsheet shows it; for a CSV, the record number. */
  row: number;
  /** cells[0] is column A (the first field of a CSV record). */
  cells: RawCell[];
}

/** A merged area, 1-based and inclusive. */
export interface MergedArea {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSource {
  /** The sheet's name; null for a CSV. */
  name: string | null;
  hidden: boolean;
  /** Rows in order; rows the file leaves out (empty rows of a sheet) are not yielded. */
  rows(): AsyncIterable<RawRow>;
  /**
   * The merged areas, known before the rows are judged (an xlsx lists them after its rows; the reader finds them
   * ahead).
   */
  mergedAreas(): Promise<readonly MergedArea[]>;
  /** Releases the sheet without reading it. */
  skip(): void;
}

export interface TableSource {
  format: 'xlsx' | 'csv';
  /** Every sheet's name in the workbook's order; [] for a CSV. */
  sheetNames: readonly string[];
  /** Workbooks saved with the 1904 date system count serial numbers from 1904-01-01. */
  date1904: boolean;
  /** For a CSV: how its bytes were decoded and which separator was found. */
  encoding?: string;
  separator?: string;
  sheets(): AsyncIterable<SheetSource>;
}

export function isCellError(cell: RawCell): cell is CellError {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

// Characters that are not there for a reader: BOM, zero-width space and joiners.
const INVISIBLE = /\uFEFF|\u200B|\u200C|\u200D|\u2060/g;
const NBSP_LIKE = /[\u00A0\u2007\u202F]/g;

const ANY_SPECIAL = /\uFEFF|\u200B|\u200C|\u200D|\u2060|[\u00A0\u2007\u202F]/;

/** Text with non-breaking spaces made ordinary and invisible characters removed; not trimmed. */
export function normalizeSpaces(text: string): string {
  // Nearly every cell has none of them: one search instead of two replacements.
  if (!ANY_SPECIAL.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(NBSP_LIKE, ' ');
}

export function isBlankCell(cell: RawCell): boolean {
  if (cell === null) return true;
  if (typeof cell === 'string') {
    // A visible ASCII character first: not blank, without copying the text.
    const first = cell.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) return false;
    return normalizeSpaces(cell).trim() === '';
  }
  return false;
}
