// How every report workbook looks, so that the client's reports read alike: a bold shaded header row, frozen with the
// code and name columns, an autofilter over the table, money in the program's currency, dates as dates.
import type ExcelJS from 'exceljs';
import { amountNumberFormat, minorToCellNumber } from '../money/cell-number';

export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
export const POINTS = '#,##0';
export const PERCENT = '0.00%';
export const DATE_TIME = 'yyyy-mm-dd hh:mm';
export const DATE = 'yyyy-mm-dd';

export type Column = { header: string; width: number; format?: string };

/** A sheet that is one table: header row, rows, frozen header and first two columns, autofilter. */
export function table(sheet: ExcelJS.Worksheet, columns: readonly Column[], rows: readonly unknown[][]): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.format ? { numFmt: c.format } : {},
  }));
  const header = sheet.getRow(1);
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
}

/** A timestamp as the date cell Excel and LibreOffice show in the sheet's own format (UTC, as recorded). */
export function dateCell(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

/** The program's money as cells: the number format with its currency, and minor units to the cell's number. */
export function moneyCells(currency: { code: string; minorDigits: number }) {
  return {
    format: `${amountNumberFormat(currency.minorDigits).replace(/^0/, '#,##0')} "${currency.code}"`,
    amount: (minor: number | null) => (minor === null ? null : minorToCellNumber(minor, currency.minorDigits)),
  };
}

/** A two-column summary sheet: a bold label, its value with a format, and an optional note (a hash, say). */
export function summaryLines(sheet: ExcelJS.Worksheet) {
  sheet.columns = [{ width: 38 }, { width: 30 }, { width: 70 }];
  return (label: string, value: unknown, format?: string, note?: string) => {
    const row = sheet.addRow([label, value, note ?? null]);
    row.getCell(1).font = HEADER_FONT;
    if (format) row.getCell(2).numFmt = format;
    return row;
  };
}
