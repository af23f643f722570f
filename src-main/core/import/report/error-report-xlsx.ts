// The error report the coordinator sends back to the client: every problem of an import by
// row, column, value and reason, as a workbook the client opens in Excel, filters and fixes
// from. Written with exceljs's streaming writer, so that a file with a problem in each of
// 200,000 rows makes a report in little memory.
//
// The values are the client's own cells, and a cell can hold anything: "=HYPERLINK(...)",
// "+48 600...", "-5", "@SUM(...)". Each is written as a text cell with the Text number
// format, never as a formula, so that opening the report never runs one (and editing the cell
// keeps it text).
import ExcelJS from 'exceljs';
import { extname } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ImportKind, ImportProblem } from './import-report';

export interface ErrorReportInput {
  /** The client's file, as it was named when imported. */
  fileName: string;
  sha256: string;
  kind: ImportKind;
  rowsRead: number;
  accepted: number;
  rejected: number;
  skipped: number;
  duplicates?: number;
  problems: readonly ImportProblem[];
  /** When the file was read (a preview) or committed (a batch). */
  importedAt: Date;
  /** The batch, once committed; null for a preview. */
  batchId?: number | null;
}

type ProblemOutcome = 'rejected' | 'skipped' | 'warning';

function problemOutcome(problem: Pick<ImportProblem, 'severity'>): ProblemOutcome {
  return problem.severity === 'error' ? 'rejected' : problem.severity;
}

/** "sales-2026-10.csv" -> "sales-2026-10 - problems.xlsx". */
export function errorReportFileName(fileName: string): string {
  const base = fileName.slice(0, fileName.length - extname(fileName).length) || fileName;
  return `${base} - problems.xlsx`;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const TEXT = '@';
// A report of 200,000 problems stays one file; Excel's own limit is 1,048,576 rows.
const MAX_PROBLEM_ROWS = 1_048_575;

/**
 * A value as the cell's text; an empty value leaves the cell blank. A carriage return would
 * reach the reader as a line feed anyway (XML turns a raw CR into LF), so line breaks are
 * written as the LF that Excel uses.
 */
function asCellText(value: string | null): string | null {
  return value === null || value === '' ? null : value.replace(/\r\n?/g, '\n');
}

/** Writes the report; resolves to the bytes of the .xlsx. */
export async function writeErrorReportXlsx(input: ErrorReportInput): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Shared strings: exceljs writes other strings as t="str" (a formula's result type) and without
  // xml:space="preserve", so that a value's leading tab or space would be lost.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Loyalty Desk';
  workbook.created = input.importedAt;

  const problems = workbook.addWorksheet('Problems', { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  problems.columns = [
    { header: 'Row', key: 'row', width: 8 },
    { header: 'Column', key: 'column', width: 22, style: { numFmt: TEXT } },
    { header: 'Value', key: 'value', width: 30, style: { numFmt: TEXT } },
    {
      header: 'Problem',
      key: 'problem',
      width: 90,
      style: { numFmt: TEXT, alignment: { wrapText: true, vertical: 'top' } },
    },
    { header: 'Outcome', key: 'outcome', width: 11, style: { numFmt: TEXT } },
  ];
  const header = problems.getRow(1);
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle' };
  header.commit();
  const listed = input.problems.slice(0, MAX_PROBLEM_ROWS);
  problems.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, listed.length + 1), column: 5 } };
  for (const p of listed) {
    // Strings stay strings: exceljs writes a string as text, whatever its first character.
    problems
      .addRow({
        row: p.row,
        column: p.column,
        value: asCellText(p.value),
        problem: p.reason,
        outcome: problemOutcome(p),
      })
      .commit();
  }
  problems.commit();

  const summary = workbook.addWorksheet('Summary');
  summary.columns = [
    { key: 'what', width: 24 },
    { key: 'value', width: 70, style: { numFmt: TEXT } },
  ];
  const counts: [string, string | number][] = [
    ['File', input.fileName],
    ['SHA-256', input.sha256],
    ['Kind', input.kind],
    ['Batch', input.batchId ?? 'not imported yet (preview)'],
    ['Read on', input.importedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
    ['Rows read', input.rowsRead],
    ['Rows accepted', input.accepted],
    ['Rows rejected', input.rejected],
    ['Rows skipped', input.skipped],
    ...(input.duplicates !== undefined ? [['Duplicate lines', input.duplicates] as [string, number]] : []),
    ['Problems found', input.problems.length],
    ...(listed.length < input.problems.length ? [['Problems listed', listed.length] as [string, number]] : []),
  ];
  for (const [what, value] of counts) {
    const row = summary.addRow({ what, value });
    row.getCell(1).font = HEADER_FONT;
    // Counts are numbers; the rest is text.
    if (typeof value === 'number') row.getCell(2).numFmt = '#,##0';
    row.commit();
  }
  summary.commit();

  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
