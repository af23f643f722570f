// Any table of the app saved as the coordinator sees it: the columns shown, in their order, the rows as filtered and
// sorted, with numbers kept as numbers (points, the program's money, percents) so that the file can be summed.
// The renderer sends values, never its formatted text: a Polish "1 234,50 zł" would be text in the sheet.
import ExcelJS from 'exceljs';
import { AppError } from '../app-error';
import { DATE, POINTS, PERCENT, moneyCells, table } from './report-sheets';
import type { TableCellKind } from './report-types';

export type { TableCellKind };

export interface TableWorkbookInput {
  /** The sheet's name and the file's, as the screen titles the table. */
  title: string;
  currency: { code: string; minorDigits: number };
  columns: readonly { label: string; kind: TableCellKind }[];
  /** One array of cells per row, in the columns' order: text, or integers (money in minor units, percents in bp). */
  rows: readonly (readonly (string | number | null)[])[];
}

/** Excel's limits on a sheet's name: 31 characters, none of []:*?/\ . */
function sheetName(title: string): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean === '' ? 'Table' : clean).slice(0, 31);
}

/** A file name from the title, without characters a file system refuses. */
export function tableFileName(title: string): string {
  const printable = [...title].map((ch) => (ch < ' ' ? ' ' : ch)).join('');
  const clean = printable
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${clean === '' ? 'table' : clean.slice(0, 120)}.xlsx`;
}

/** A calendar date YYYY-MM-DD as the date cell it names (midnight UTC, as exceljs writes dates). */
function calendarDateCell(cell: string | number, row: number, column: string): Date {
  const m = typeof cell === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell) : null;
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== cell)
    throw new AppError('INVALID_INPUT', `Row ${row}, column "${column}" holds ${JSON.stringify(cell)}, not a date.`, {
      row,
      column,
      value: String(cell),
    });
  return date;
}

export async function writeTableWorkbook(input: TableWorkbookInput): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { format: money, amount } = moneyCells(input.currency);
  const width = input.columns.length;
  const rows = input.rows.map((cells, r) => {
    if (cells.length !== width)
      throw new AppError(
        'INVALID_INPUT',
        `Row ${r + 1} of the table has ${cells.length} cells where the table has ${width} columns.`,
        { row: r + 1, cells: cells.length, columns: width },
      );
    return cells.map((cell, c) => {
      const kind = input.columns[c]!.kind;
      if (cell === null || kind === 'text') return cell;
      if (kind === 'date') return calendarDateCell(cell, r + 1, input.columns[c]!.label);
      if (typeof cell !== 'number' || !Number.isSafeInteger(cell))
        throw new AppError(
          'INVALID_INPUT',
          `Row ${r + 1}, column "${input.columns[c]!.label}" holds ${JSON.stringify(cell)}, not a whole number.`,
          { row: r + 1, column: input.columns[c]!.label, value: String(cell) },
        );
      if (kind === 'money') return amount(cell);
      // A share shown as a percent; not money, so the one division here is fine as a double.
      if (kind === 'basisPoints') return cell / 10_000;
      return cell;
    });
  });
  const formats: Record<TableCellKind, string | undefined> = {
    text: undefined,
    integer: POINTS,
    money,
    basisPoints: PERCENT,
    date: DATE,
  };
  const book = new ExcelJS.Workbook();
  book.creator = 'Loyalty Desk';
  table(
    book.addWorksheet(sheetName(input.title)),
    input.columns.map((column, c) => ({
      header: column.label,
      format: formats[column.kind],
      // Wide enough for the longest value or the header, in characters, as Excel counts widths.
      width: Math.min(60, Math.max(8, column.label.length + 2, widest(rows, c) + 2)),
    })),
    rows,
  );
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { fileName: tableFileName(input.title), bytes };
}

/** A loop, not Math.max(...rows): a table may hold 100,000 rows, past what a call's arguments take. */
function widest(rows: readonly (readonly unknown[])[], column: number): number {
  let most = 0;
  for (const row of rows) most = Math.max(most, cellWidth(row[column]));
  return most;
}

function cellWidth(cell: unknown): number {
  if (cell === null || cell === undefined) return 0;
  if (cell instanceof Date) return 10;
  // Grouping separators and a currency take about a third more than the digits.
  return typeof cell === 'number' ? Math.ceil(String(Math.trunc(cell)).length * 1.4) + 4 : String(cell).length;
}
