// The card issuer's workbook: a header row in the template's columns, one row per top-up, an
// optional totals row, and a "Batch" sheet with the batch id, row count and control sum.
//
// No cell is ever a formula: participant text ("=HYPERLINK(...)", "+48 600...", "@SUM(...)")
// is written as a shared-string text cell with the Text number format. exceljs makes a formula
// only from a { formula } value, never from a string, and the tests check each such cell with
// openpyxl (data_type "s") and LibreOffice. Sums are computed here from integers and written
// as values, so the file holds no formula at all.
import ExcelJS from 'exceljs';
import { checkPayoutBatch, createdDateOf, payoutFileName } from './check-payout-batch';
import { payoutCellValue, payoutTotalsRow, type PayoutCellValue } from './payout-cell-values';
import type { PayoutFile, PayoutFileBatch } from './payout-file-types';
import { amountNumberFormat, minorToCellNumber } from '../../money/cell-number';
import { BUILT_IN_TEMPLATE, type PayoutField, type PayoutTemplate } from './payout-template';

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT_FORMAT = '@';
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };

const NUMERIC_FIELDS: ReadonlySet<PayoutField> = new Set(['amount', 'amountMinor', 'points']);

function setCell(cell: ExcelJS.Cell, value: PayoutCellValue, minorDigits: number): void {
  switch (value.kind) {
    case 'text':
    case 'date':
      // A carriage return would reach the reader as a line feed anyway (XML turns a raw CR into LF).
      cell.value = value.text.replace(/\r\n?/g, '\n');
      cell.numFmt = TEXT_FORMAT;
      return;
    case 'amount':
      cell.value = minorToCellNumber(value.minor, minorDigits);
      cell.numFmt = amountNumberFormat(minorDigits);
      return;
    case 'integer':
      cell.value = value.value;
      cell.numFmt = '0';
      return;
    case 'empty':
      return;
  }
}

function displayWidth(value: PayoutCellValue, minorDigits: number): number {
  if (value.kind === 'text' || value.kind === 'date') return value.text.length;
  if (value.kind === 'amount') return String(value.minor).length + (minorDigits > 0 ? 1 : 0);
  if (value.kind === 'integer') return String(value.value).length;
  return 0;
}

export async function writePayoutXlsx(
  batch: PayoutFileBatch,
  template: PayoutTemplate = BUILT_IN_TEMPLATE,
): Promise<PayoutFile> {
  const { rowCount, controlSumMinor } = checkPayoutBatch(batch);
  const digits = batch.currency.minorDigits;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loyalty Desk';
  // A fixed date from the batch, not the clock: the same batch makes the same file.
  workbook.created = new Date(batch.createdAt);
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(template.sheetName, {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
  });
  const widths = template.columns.map((c) => c.header.length);

  const header = sheet.getRow(1);
  template.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.numFmt = TEXT_FORMAT;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
  });

  const writeRow = (rowNumber: number, values: PayoutCellValue[]) => {
    const row = sheet.getRow(rowNumber);
    values.forEach((v, i) => {
      setCell(row.getCell(i + 1), v, digits);
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(v, digits));
    });
  };
  batch.items.forEach((item, r) =>
    writeRow(
      r + 2,
      template.columns.map((c) => payoutCellValue(c.field, item, batch, template)),
    ),
  );
  if (template.includeTotalsRow) {
    const totalsRow = batch.items.length + 2;
    writeRow(totalsRow, payoutTotalsRow(batch, template, controlSumMinor));
    template.columns.forEach((_c, i) => (sheet.getRow(totalsRow).getCell(i + 1).font = HEADER_FONT));
  }
  template.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(50, Math.max(8, (widths[i] ?? 0) + 2));
    // Typing into an empty text column later keeps it text; numbers keep their own format.
    if (!NUMERIC_FIELDS.has(c.field)) column.numFmt = TEXT_FORMAT;
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: batch.items.length + 1, column: template.columns.length },
  };

  const info = workbook.addWorksheet('Batch');
  info.getColumn(1).width = 18;
  info.getColumn(2).width = 40;
  const facts: [string, PayoutCellValue][] = [
    ['Batch', { kind: 'text', text: batch.batchId }],
    ['Program', { kind: 'text', text: batch.programName }],
    ['Created', { kind: 'text', text: batch.createdAt }],
    ['Created date', { kind: 'date', text: createdDateOf(batch) }],
    ['Execution date', { kind: 'date', text: batch.executionDate }],
    ['Row count', { kind: 'integer', value: rowCount }],
    ['Control sum', { kind: 'amount', minor: controlSumMinor }],
    ['Currency', { kind: 'text', text: batch.currency.code }],
    // On the Batch sheet, below what the issuer may read, never on the sheet it imports.
    ...(batch.auditAnchor
      ? ([['Audit anchor', { kind: 'text', text: batch.auditAnchor }]] as [string, PayoutCellValue][])
      : []),
  ];
  facts.forEach(([label, value], i) => {
    const row = info.getRow(i + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = HEADER_FONT;
    setCell(row.getCell(2), value, digits);
  });

  // Shared strings (t="s"), not inline t="str", which is the type of a formula's cached result.
  const buffer = await workbook.xlsx.writeBuffer({ useSharedStrings: true });
  return {
    fileName: payoutFileName(batch, 'xlsx'),
    mediaType: XLSX_MEDIA_TYPE,
    bytes: new Uint8Array(buffer),
    rowCount,
    controlSumMinor,
  };
}
