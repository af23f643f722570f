// Bounds on what one import may cost, so that a huge or hostile file (a zip bomb, a CSV
// whose quote never closes) is refused in bounded memory and time instead of hanging the app.

export interface ImportLimits {
  /** The file as handed over. */
  maxFileBytes: number;
  /** A workbook's parts once unpacked: compression ratios of 100:1 are easy to make. */
  maxUnpackedBytes: number;
  /** Rows of the sheet or records of the CSV, counting those above the header; Excel's own limit by default. */
  maxRows: number;
  /** Characters in one cell; Excel's own limit by default, so that any real workbook fits. */
  maxCellChars: number;
  /**
   * Characters in one CSV record: a line that never ends (no line break, or a quote never
   * closed) is refused here instead of being split into millions of fields.
   */
  maxLineChars: number;
  /** How many rows from the top of each sheet are searched for the header row. */
  headerSearchRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxRows: 1_048_576,
  maxCellChars: 32_767,
  maxLineChars: 1024 * 1024,
  headerSearchRows: 50,
};

/** The last row a worksheet can have (Excel 2007 and later): a row numbered past it is not a real sheet's. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Bytes of XML without a "<" that a workbook part may hold before it is refused: a cell's
 * text at the cell limit, written entirely as escapes (up to 8 bytes a character), fits; a
 * gigantic cell or attribute is refused as it streams past, before any parser holds it.
 */
export function maxXmlTextRunBytes(limits: ImportLimits): number {
  return Math.max(1024 * 1024, limits.maxCellChars * 8);
}

export function resolveImportLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
