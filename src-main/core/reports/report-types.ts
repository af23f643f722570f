// What a report call hands the window: a file to save, as bytes (the window saves it where the coordinator says).

export interface ReportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** How a cell of a table saved as a workbook is written: money in minor units and percents in basis points. */
/** How a cell is written: text, a whole number, the program's money (minor units), a percent (basis points), or a
 * calendar date (YYYY-MM-DD, written as a date the spreadsheet can sort and reformat). */
export type TableCellKind = 'text' | 'integer' | 'money' | 'basisPoints' | 'date';
