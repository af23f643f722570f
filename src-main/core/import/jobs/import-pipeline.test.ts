import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { defineImport } from '../table/field-definitions';
import { readImportTable, type ImportFile } from './import-pipeline';
import { parseDateCell } from '../cells/parse-date-cell';
import { parseMoneyCell, parseWholeNumberCell } from '../cells/parse-number-cell';
import { textParser } from '../cells/parse-text-cell';

// A sales-like kind, to prove the pipeline on money and quantities as well as text and dates.
const sales = defineImport({
  kind: 'sales',
  fields: {
    date: { required: true, synonyms: ['Date', 'Data', 'Дата'], parse: parseDateCell },
    participantCode: {
      required: true,
      synonyms: ['Rep code', 'Kod przedstawiciela', 'Код представителя'],
      parse: textParser(100),
    },
    quantity: { required: true, synonyms: ['Qty', 'Ilość', 'Количество'], parse: parseWholeNumberCell },
    netValue: { required: true, synonyms: ['Net value', 'Wartość netto', 'Сумма'], parse: parseMoneyCell },
    documentNo: { required: false, synonyms: ['Invoice', 'Nr faktury'], parse: textParser() },
  },
  duplicateKey: ['documentNo'],
});

const options = { locale: 'pl-PL', currencyDigits: 2 };

function csv(text: string, fileName = 'sales.csv'): ImportFile {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readImportTable on CSV', () => {
  it('reads a Polish sales CSV with title rows, totals and notes', async () => {
    const text = [
      'Sprzedaż październik 2026;;;;',
      ';;;;',
      'Data;Kod przedstawiciela;Ilość;Wartość netto;Nr faktury',
      '05.10.2026;R0001;5;"1 234,56";FV/1',
      '2026-10-06;R0002;2,0;12,30 zł;FV/2',
      ';;;;',
      '07.10.2026;R0003;1;(5,00);FV/3',
      'Razem;;8;"1 241,86";',
      'Uwagi: dane z systemu ERP;;;;',
    ].join('\r\n');
    const table = await readImportTable(csv(text), sales, options);
    expect(table).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      separator: ';',
      sheet: null,
      headerRow: 3,
      rowsRead: 5,
      rejected: 0,
      skipped: 2,
    });
    expect(table.mapping).toEqual({
      date: 'Data',
      participantCode: 'Kod przedstawiciela',
      quantity: 'Ilość',
      netValue: 'Wartość netto',
      documentNo: 'Nr faktury',
    });
    expect(table.accepted).toEqual([
      {
        row: 4,
        values: { date: '2026-10-05', participantCode: 'R0001', quantity: 5, netValue: 123456, documentNo: 'FV/1' },
      },
      {
        row: 5,
        values: { date: '2026-10-06', participantCode: 'R0002', quantity: 2, netValue: 1230, documentNo: 'FV/2' },
      },
      {
        row: 7,
        values: { date: '2026-10-07', participantCode: 'R0003', quantity: 1, netValue: -500, documentNo: 'FV/3' },
      },
    ]);
    expect(table.problems).toEqual([
      {
        row: 8,
        column: 'Data',
        value: 'Razem',
        code: 'TOTALS_ROW',
        reason: 'Row 8 is a totals row ("Razem") and was skipped.',
        params: { row: 8, value: 'Razem' },
        severity: 'skipped',
      },
      {
        row: 9,
        column: 'Data',
        value: 'Uwagi: dane z systemu ERP',
        code: 'NOT_DATA',
        reason: 'Row 9 is not a data row ("Uwagi: dane z systemu ERP") and was skipped.',
        params: { row: 9, value: 'Uwagi: dane z systemu ERP' },
        severity: 'skipped',
      },
    ]);
  });

  it('reports each bad cell by row, column and value, and rejects only those rows', async () => {
    const text = [
      'Date,Rep code,Qty,Net value,Invoice',
      '31.02.2026,R1,1,10.00,A',
      '2026-10-01,,1,10.00,B',
      '2026-10-01,R3,1.5,10.005,C',
      '2026-10-01,R4,1,"1,234",D',
      '2026-10-01,R5,1,"2,345",A',
      '2026-10-01,R6,1,x,E',
    ].join('\n');
    const table = await readImportTable(csv(text, 'sales-en.csv'), sales, { locale: 'en-GB', currencyDigits: 2 });
    expect(table.separator).toBe(',');
    expect(table.accepted.map((r) => r.row)).toEqual([5]);
    expect(table.rejected).toBe(5);
    expect(table.problems.map((p) => [p.row, p.column, p.value, p.code, p.severity])).toEqual([
      [2, 'Date', '31.02.2026', 'BAD_DATE', 'error'],
      [3, 'Rep code', '', 'MISSING_VALUE', 'error'],
      [4, 'Qty', '1.5', 'BAD_NUMBER', 'error'],
      [4, 'Net value', '10.005', 'TOO_MANY_DECIMALS', 'error'],
      // row 6's "2,345" is folded into this warning of the same column
      [5, 'Net value', '1,234', 'AMBIGUOUS_NUMBER', 'warning'],
      [6, 'Invoice', 'A', 'DUPLICATE_IN_FILE', 'error'],
      [7, 'Net value', 'x', 'BAD_NUMBER', 'error'],
    ]);
    expect(table.problems[0]?.reason).toBe(
      'Row 2, column "Date": "31.02.2026" is not a date (expected dd.mm.yyyy or yyyy-mm-dd).',
    );
    expect(table.problems[1]?.reason).toBe(
      'Row 3, column "Rep code": the value is missing, and this column is required.',
    );
    expect(table.problems[3]?.reason).toBe(
      'Row 4, column "Net value": "10.005" has 3 decimals, but the currency has 2.',
    );
    expect(table.problems[4]?.params).toMatchObject({ count: 2 });
    expect(table.problems[5]?.reason).toBe(
      'Row 6, column "Invoice": "A" was already given in row 2; this row was not taken.',
    );
  });

  it('folds a warning repeated down a column into one line with a count', async () => {
    const rows = ['Date;Rep code;Qty;Net value', ...Array.from({ length: 4 }, (_, i) => `01.10.2026;R${i};1;"1.234"`)];
    const table = await readImportTable(csv(rows.join('\n')), sales, options);
    expect(table.accepted).toHaveLength(4);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({
      row: 2,
      code: 'AMBIGUOUS_NUMBER',
      severity: 'warning',
      params: { count: 4 },
    });
    expect(table.problems[0]?.reason).toBe(
      'Row 2, column "Net value": "1.234" could be read two ways; it was read with "." as the thousands separator, as pl-PL writes numbers (and 3 more rows of this column read the same way).',
    );
  });

  it('counts a row with a missing value among data rows as an error, and one after the data as a note', async () => {
    const text = ['Date;Rep code;Qty;Net value', ';;;5,00', '01.10.2026;R1;1;1,00', ';;;7,00'].join('\n');
    const table = await readImportTable(csv(text), sales, options);
    expect(table.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [2, 'MISSING_VALUE', 'error'],
      [2, 'MISSING_VALUE', 'error'],
      [2, 'MISSING_VALUE', 'error'],
      [4, 'NOT_DATA', 'skipped'],
    ]);
    expect(table).toMatchObject({ rowsRead: 3, rejected: 1, skipped: 1 });
  });

  it('uses an explicit mapping for an unknown header, and refuses a mapping of an unknown field', async () => {
    const text = 'Dzień;Kod przedstawiciela;Ilość;Kwota\n01.10.2026;R1;1;1,00\n';
    expect((await refusal(readImportTable(csv(text), sales, options))).code).toBe('HEADER_NOT_FOUND');
    const table = await readImportTable(
      { ...csv(text), mapping: { date: 'Dzień', netValue: 'KWOTA' } },
      sales,
      options,
    );
    expect(table.mapping).toEqual({
      date: 'Dzień',
      participantCode: 'Kod przedstawiciela',
      quantity: 'Ilość',
      netValue: 'Kwota',
    });
    expect(table.accepted[0]?.values).toMatchObject({ date: '2026-10-01', netValue: 100 });
    const bad = await refusal(readImportTable({ ...csv(text), mapping: { price: 'Kwota' } }, sales, options));
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('hands the mapping step the nearest row and the fields it already recognised', async () => {
    const text =
      'Sprzedaż październik 2026\n\nDzień;Numer handlowca;Ilość;Kwota;Nr faktury\n01.10.2026;R1;2;10,00;F1\n';
    const error = (await refusal(readImportTable(csv(text), sales, options))) as AppError<'HEADER_NOT_FOUND'>;
    expect(error.code).toBe('HEADER_NOT_FOUND');
    expect(error.details?.headers).toEqual(['Dzień', 'Numer handlowca', 'Ilość', 'Kwota', 'Nr faktury']);
    expect(error.details?.fields).toEqual([
      { field: 'date', required: true, header: null, source: null },
      { field: 'participantCode', required: true, header: null, source: null },
      { field: 'quantity', required: true, header: 'Ilość', source: 'synonym' },
      { field: 'netValue', required: true, header: null, source: null },
      { field: 'documentNo', required: false, header: 'Nr faktury', source: 'synonym' },
    ]);
    // The operator's choices then find the header row.
    const mapped = await readImportTable(
      { ...csv(text), mapping: { date: 'Dzień', participantCode: 'Numer handlowca', netValue: 'Kwota' } },
      sales,
      options,
    );
    expect(mapped.headerRow).toBe(3);
    expect(mapped.accepted).toHaveLength(1);
  });

  it('offers the first row of several texts when no row names any field', async () => {
    const error = (await refusal(
      readImportTable(csv('Raport\nA;B;C\n1;2;3\n'), sales, options),
    )) as AppError<'HEADER_NOT_FOUND'>;
    expect(error.details?.headers).toEqual(['A', 'B', 'C']);
  });

  it('names the required fields and synonyms when no header row is found', async () => {
    const error = await refusal(readImportTable(csv('Kod przedstawiciela;Ilość\nR1;1\n'), sales, options));
    expect(error.code).toBe('HEADER_NOT_FOUND');
    expect(error.message).toBe(
      'No header row was found in the first 50 rows of "sales.csv": the file needs columns headed Date (or Data, Дата), Rep code (or Kod przedstawiciela, Код представителя), Qty (or Ilość, Количество) and Net value (or Wartość netto, Сумма); the nearest was row 1, which lacks Date and Net value.',
    );
  });

  it('looks for the header only in the first rows', async () => {
    const lines = [
      ...Array.from({ length: 50 }, (_, i) => `title ${i + 1}`),
      'Date;Rep code;Qty;Net value',
      '01.10.2026;R1;1;1',
    ];
    expect((await refusal(readImportTable(csv(lines.join('\n')), sales, options))).code).toBe('HEADER_NOT_FOUND');
    const found = await readImportTable(csv(lines.slice(1).join('\n')), sales, options);
    expect(found.headerRow).toBe(50);
  });

  it('refuses a file with a header but no data rows, and a file of blank lines', async () => {
    const header = await refusal(
      readImportTable(csv('Date;Rep code;Qty;Net value\n;;;\nRazem;;0;0\n'), sales, options),
    );
    expect(header.code).toBe('FILE_EMPTY');
    expect(header.message).toBe('The file "sales.csv" has a header row (row 1) but no data rows.');
    expect((await refusal(readImportTable(csv('\r\n\r\n  \r\n'), sales, options))).code).toBe('FILE_EMPTY');
    expect((await refusal(readImportTable(csv(';;;\n;;\n'), sales, options))).code).toBe('FILE_EMPTY');
  });

  it('keeps to the limits', async () => {
    const text = 'Date;Rep code;Qty;Net value\n01.10.2026;R1;1;1\n01.10.2026;R2;1;1\n';
    const rows = await refusal(readImportTable(csv(text), sales, { ...options, limits: { maxRows: 2 } }));
    expect(rows.code).toBe('FILE_TOO_LARGE');
    expect(rows.message).toBe(
      'The file "sales.csv" has more than 2 rows, over the import limit; split it into smaller files.',
    );
    const size = await refusal(readImportTable(csv(text), sales, { ...options, limits: { maxFileBytes: 10 } }));
    expect(size.code).toBe('FILE_TOO_LARGE');
    const cell = await refusal(
      readImportTable(csv(`Date;Rep code;Qty;Net value\n01.10.2026;${'R'.repeat(20)};1;1\n`), sales, {
        ...options,
        limits: { maxCellChars: 10 },
      }),
    );
    expect(cell.code).toBe('FILE_TOO_LARGE');
  });

  it('reads Excel\'s ="..." text wrappers and a sep= line', async () => {
    const table = await readImportTable(
      csv('sep=,\nDate,Rep code,Qty,Net value\n01.10.2026,="007",1,"1,5"\n'),
      sales,
      options,
    );
    expect(table.separator).toBe(',');
    expect(table.headerRow).toBe(1);
    expect(table.accepted).toEqual([
      { row: 2, values: { date: '2026-10-01', participantCode: '007', quantity: 1, netValue: 150, documentNo: null } },
    ]);
  });
});

describe('readImportTable on xlsx', () => {
  it('reads rich text, formulas, hyperlinks and date cells, and reports error cells', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Sprzedaż');
      ws.addRow(['Date', 'Rep code', 'Qty', 'Net value', 'Invoice']);
      ws.addRow([
        new Date(Date.UTC(2026, 9, 5)),
        { richText: [{ text: 'R0' }, { text: '001', font: { bold: true } }] },
        2,
        { formula: 'B1*0+1158.6', result: 1158.6 },
        { text: 'FV/1', hyperlink: 'https://erp.example/FV1' },
      ]);
      ws.addRow([46300, 'R0002', { formula: 'NA()', result: { error: '#N/A' } }, 10, 'FV/2']);
      ws.getCell('A2').numFmt = 'dd.mm.yyyy';
    });
    const table = await readImportTable({ fileName: 'sales.xlsx', bytes }, sales, options);
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Sprzedaż', headerRow: 1, rowsRead: 2, rejected: 1 });
    expect(table.accepted).toEqual([
      {
        row: 2,
        values: { date: '2026-10-05', participantCode: 'R0001', quantity: 2, netValue: 115860, documentNo: 'FV/1' },
      },
    ]);
    expect(table.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([[3, 'Qty', '=NA()', 'ERROR_CELL']]);
  });

  it('rejects rows that a merged area reaches into', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Report']);
      ws.mergeCells('A1:E1'); // a merged title above the header is fine
      ws.addRow(['Date', 'Rep code', 'Qty', 'Net value', 'Invoice']);
      ws.addRow(['01.10.2026', 'R1', 1, 1, 'A']);
      ws.addRow(['02.10.2026', 'R2', 1, 1, 'B']);
      ws.addRow(['', 'R3', 1, 1, 'C']);
      ws.addRow(['03.10.2026', 'R4', 1, 1, 'D']);
      ws.mergeCells('A4:A5');
    });
    const table = await readImportTable({ fileName: 'merged.xlsx', bytes }, sales, options);
    expect(table.accepted.map((r) => r.row)).toEqual([3, 6]);
    expect(table.problems).toEqual([
      {
        row: 4,
        column: 'Date',
        value: '02.10.2026',
        code: 'MERGED_CELL',
        reason:
          'Row 4, column "Date": the cell is part of the merged area A4:A5; unmerge the cells and fill in every row.',
        params: { row: 4, column: 'Date', area: 'A4:A5' },
        severity: 'error',
      },
      {
        row: 5,
        column: 'Date',
        value: '',
        code: 'MERGED_CELL',
        reason:
          'Row 5, column "Date": the cell is part of the merged area A4:A5; unmerge the cells and fill in every row.',
        params: { row: 5, column: 'Date', area: 'A4:A5' },
        severity: 'error',
      },
    ]);
  });

  it('knows the merged areas (listed after the rows) before it hands a row over, however far down they reach', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Date', 'Rep code', 'Qty', 'Net value', 'Invoice']);
      for (let i = 1; i <= 30_000; i++) ws.addRow(['01.10.2026', `R${i}`, 1, 1, `FV/${i}`]);
      ws.mergeCells('B25000:B25001');
      ws.mergeCells('E25001:E25003'); // overlaps the first on row 25001
      ws.mergeCells('C30001:D30001');
    });
    const handed: number[] = [];
    const table = await readImportTable({ fileName: 'merged-far.xlsx', bytes }, sales, {
      ...options,
      onAccepted: (row) => handed.push(row),
    });
    const merged = [25000, 25001, 25002, 25003, 30001];
    expect(handed).toHaveLength(30_000 - merged.length);
    expect(handed.filter((row) => merged.includes(row))).toEqual([]);
    expect(table).toMatchObject({ acceptedCount: 30_000 - merged.length, rejected: merged.length, accepted: [] });
    expect(table.problems.map((p) => [p.row, p.column, p.value, p.params?.area])).toEqual([
      [25000, 'Rep code', 'R24999', 'B25000:B25001'],
      // Cells under the first of a merged area are empty, and not reported missing.
      [25001, 'Rep code', '', 'B25000:B25001'],
      [25001, 'Invoice', 'FV/25000', 'E25001:E25003'],
      [25002, 'Invoice', '', 'E25001:E25003'],
      [25003, 'Invoice', '', 'E25001:E25003'],
      [30001, 'Qty', '1', 'C30001:D30001'],
    ]);
  });

  it('passes over a sheet of headers only (a template) to the sheet with data', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Wzór').addRow(['Date', 'Rep code', 'Qty', 'Net value']);
      const data = wb.addWorksheet('Październik');
      data.addRow(['Date', 'Rep code', 'Qty', 'Net value']);
      data.addRow(['01.10.2026', 'R1', 1, 1]);
    });
    expect((await readImportTable({ fileName: 'book.xlsx', bytes }, sales, options)).sheet).toBe('Październik');
    const empty = await refusal(readImportTable({ fileName: 'book.xlsx', bytes, sheet: 'Wzór' }, sales, options));
    expect(empty.message).toBe('The file "book.xlsx" has a header row (row 1 of sheet "Wzór") but no data rows.');
  });

  it('picks the first sheet with a header, or the sheet named, and names the sheets when it is not there', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Instrukcja').addRow(['Wypełnij arkusz Dane']);
      const hidden = wb.addWorksheet('Ukryty', { state: 'hidden' });
      hidden.addRow(['Date', 'Rep code', 'Qty', 'Net value']);
      hidden.addRow(['01.10.2026', 'H1', 1, 1]);
      const data = wb.addWorksheet('Dane');
      data.addRow(['Date', 'Rep code', 'Qty', 'Net value']);
      data.addRow(['01.10.2026', 'D1', 1, 1]);
      const other = wb.addWorksheet('Inne');
      other.addRow(['Date', 'Rep code', 'Qty', 'Net value']);
      other.addRow(['01.10.2026', 'I1', 1, 1]);
    });
    const first = await readImportTable({ fileName: 'book.xlsx', bytes }, sales, options);
    expect(first.sheet).toBe('Dane');
    expect(first.accepted.map((r) => r.values.participantCode)).toEqual(['D1']);
    const named = await readImportTable({ fileName: 'book.xlsx', bytes, sheet: 'Inne' }, sales, options);
    expect(named.accepted.map((r) => r.values.participantCode)).toEqual(['I1']);
    const hidden = await readImportTable({ fileName: 'book.xlsx', bytes, sheet: 'Ukryty' }, sales, options);
    expect(hidden.accepted.map((r) => r.values.participantCode)).toEqual(['H1']);
    const missing = await refusal(readImportTable({ fileName: 'book.xlsx', bytes, sheet: 'Sales' }, sales, options));
    expect(missing.code).toBe('SHEET_NOT_FOUND');
    expect(missing.message).toBe(
      'The workbook "book.xlsx" has no sheet named "Sales"; its sheets are "Instrukcja", "Ukryty", "Dane", "Inne".',
    );
    const noHeader = await refusal(
      readImportTable({ fileName: 'book.xlsx', bytes, sheet: 'Instrukcja' }, sales, options),
    );
    expect(noHeader.code).toBe('HEADER_NOT_FOUND');
  });

  it('refuses a workbook that unpacks past the limit', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Date', 'Rep code', 'Qty', 'Net value']);
      for (let i = 0; i < 2000; i++) ws.addRow(['01.10.2026', `R${i}`, 1, 1]);
    });
    const error = await refusal(
      readImportTable({ fileName: 'big.xlsx', bytes }, sales, { ...options, limits: { maxUnpackedBytes: 50_000 } }),
    );
    expect(error.code).toBe('FILE_TOO_LARGE');
  });
});
