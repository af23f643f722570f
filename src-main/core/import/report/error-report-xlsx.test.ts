import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertWithSoffice,
  hasOpenpyxl,
  hasSoffice,
  makeTempDir,
  SYSTEM_PYTHON,
} from '../../../../tests/fixtures/client-files';
import { errorReportFileName, writeErrorReportXlsx, type ErrorReportInput } from './error-report-xlsx';
import type { ImportProblem } from './import-report';
import { parseCsvRecords } from '../read/parse-csv-records';

const problem = (
  row: number | null,
  column: string | null,
  value: string | null,
  reason: string,
  severity: ImportProblem['severity'] = 'error',
): ImportProblem => ({
  row,
  column,
  value,
  code: 'BAD_NUMBER',
  reason,
  severity,
});

// Values a client's cells may hold that a spreadsheet would take for a formula if written carelessly.
const HOSTILE = ['=HYPERLINK("http://x","y")', '+48 600 100 200', '-5+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

const input: ErrorReportInput = {
  fileName: 'sales-2026-10.csv',
  sha256: 'ab'.repeat(32),
  kind: 'sales',
  rowsRead: 12,
  accepted: 4,
  rejected: 6,
  skipped: 2,
  duplicates: 0,
  importedAt: new Date('2026-11-01T10:00:00Z'),
  batchId: null,
  problems: [
    ...HOSTILE.map((value, i) =>
      problem(i + 2, 'Net value', value, `Row ${i + 2}, column "Net value": the value is not an amount.`),
    ),
    problem(9, 'Data', 'Razem', 'Row 9 is a totals row ("Razem") and was skipped.', 'skipped'),
    problem(
      10,
      'Kod przedstawiciela',
      'Ольга Петрова; «ZŁ»',
      'Row 10, column "Kod przedstawiciela": a warning.',
      'warning',
    ),
    problem(null, null, null, 'The file has no document numbers.', 'warning'),
  ],
};

/** What openpyxl (another program than the one that wrote it) finds in the report. */
function readWithOpenpyxl(path: string): {
  sheets: string[];
  rows: { value: unknown; type: string }[][];
  summary: unknown[][];
  freeze: string | null;
  filter: string | null;
  widths: Record<string, number>;
  headerBold: boolean[];
} {
  const script = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Problems']
rows = [[{'value': c.value, 'type': c.data_type} for c in row] for row in ws.iter_rows()]
summary = [[c.value for c in row] for row in wb['Summary'].iter_rows()]
print(json.dumps({
  'sheets': wb.sheetnames,
  'rows': rows,
  'summary': summary,
  'freeze': ws.freeze_panes,
  'filter': ws.auto_filter.ref,
  'widths': {k: v.width for k, v in ws.column_dimensions.items()},
  'headerBold': [bool(c.font.b) for c in ws[1]],
}, default=str))
`;
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' })) as ReturnType<
    typeof readWithOpenpyxl
  >;
}

describe('writeErrorReportXlsx', () => {
  it('names the report after the client file', () => {
    expect(errorReportFileName('sales-2026-10.csv')).toBe('sales-2026-10 - problems.xlsx');
    expect(errorReportFileName('Sprzedaż X.2026.xlsx')).toBe('Sprzedaż X.2026 - problems.xlsx');
    expect(errorReportFileName('noext')).toBe('noext - problems.xlsx');
  });

  it.skipIf(!hasOpenpyxl)(
    'writes a Problems sheet and a Summary that openpyxl reads, formulas-looking values as text',
    async () => {
      const dir = makeTempDir('error-report-');
      const path = join(dir, errorReportFileName(input.fileName));
      writeFileSync(path, await writeErrorReportXlsx(input));
      const book = readWithOpenpyxl(path);
      expect(book.sheets).toEqual(['Problems', 'Summary']);
      expect(book.rows[0]?.map((c) => c.value)).toEqual(['Row', 'Column', 'Value', 'Problem', 'Outcome']);
      expect(book.headerBold).toEqual([true, true, true, true, true]);
      expect(book.freeze).toBe('A2');
      expect(book.filter).toBe(`A1:E${input.problems.length + 1}`);
      expect(book.widths).toMatchObject({ A: 8, C: 30, D: 90 });
      const data = book.rows.slice(1);
      expect(data.map((r) => r.map((c) => c.value))).toEqual([
        // A carriage return is written as the line feed Excel uses.
        ...HOSTILE.map((value, i) => [
          i + 2,
          'Net value',
          value.replace('\r', '\n'),
          `Row ${i + 2}, column "Net value": the value is not an amount.`,
          'rejected',
        ]),
        [9, 'Data', 'Razem', 'Row 9 is a totals row ("Razem") and was skipped.', 'skipped'],
        [
          10,
          'Kod przedstawiciela',
          'Ольга Петрова; «ZŁ»',
          'Row 10, column "Kod przedstawiciela": a warning.',
          'warning',
        ],
        [null, null, null, 'The file has no document numbers.', 'warning'],
      ]);
      // Not one cell is a formula: every value is a string ('s'), row numbers are numbers ('n').
      for (const row of data.slice(0, HOSTILE.length))
        expect(row.map((c) => c.type)).toEqual(['n', 's', 's', 's', 's']);
      expect(book.summary).toEqual([
        ['File', 'sales-2026-10.csv'],
        ['SHA-256', 'ab'.repeat(32)],
        ['Kind', 'sales'],
        ['Batch', 'not imported yet (preview)'],
        ['Read on', '2026-11-01 10:00 UTC'],
        ['Rows read', 12],
        ['Rows accepted', 4],
        ['Rows rejected', 6],
        ['Rows skipped', 2],
        ['Duplicate lines', 0],
        ['Problems found', input.problems.length],
      ]);
    },
  );

  it.skipIf(!hasSoffice)('opens in LibreOffice with the formula-looking values as text', async () => {
    const dir = makeTempDir('error-report-');
    const path = join(dir, 'report.xlsx');
    writeFileSync(path, await writeErrorReportXlsx(input));
    const [csvPath] = convertWithSoffice([path], 'csv', dir);
    const records = [
      ...parseCsvRecords(readFileSync(csvPath ?? '', 'utf8'), { separator: ',', maxFieldChars: 10_000 }),
    ].map((r) => r.fields);
    expect(records[0]).toEqual(['Row', 'Column', 'Value', 'Problem', 'Outcome']);
    // Had LibreOffice evaluated =HYPERLINK("http://x","y"), the cell would read "y"; -5+3 would read -2.
    expect(records.slice(1, 1 + HOSTILE.length).map((r) => [r[0], r[2], r[4]])).toEqual(
      HOSTILE.map((value, i) => [String(i + 2), value.replace('\r', '\n'), 'rejected']),
    );
    expect(records[1 + HOSTILE.length]).toEqual([
      '9',
      'Data',
      'Razem',
      'Row 9 is a totals row ("Razem") and was skipped.',
      'skipped',
    ]);
    expect(records.filter((r) => r.length > 1)).toHaveLength(input.problems.length + 1);
  });

  it('writes a report of 50,000 problems with the streaming writer', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      problem(i + 2, 'Qty', String(i), `Row ${i + 2}, column "Qty": "${i}" is not a number.`),
    );
    const bytes = await writeErrorReportXlsx({
      ...input,
      problems: many,
      rowsRead: 50_000,
      accepted: 0,
      rejected: 50_000,
    });
    expect(bytes.byteLength).toBeGreaterThan(100_000);
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
  });
});
