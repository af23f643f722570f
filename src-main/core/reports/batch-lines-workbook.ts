// A sales batch's lines table saved as a workbook: every line the search keeps, in the table's order, with the
// columns shown; quantities and amounts as numbers (amounts in the program's currency).
import type { CoreContext } from '../context';
import { requireProgram } from '../program/program-store';
import { allBatchLines, type BatchLineField, type BatchLinesOrder } from '../sales/batch-lines-page';
import type { ReportFile, TableCellKind } from './report-types';
import { writeTableWorkbook } from './table-workbook';

export interface BatchLinesWorkbookInput {
  batchId: number;
  order: BatchLinesOrder;
  title: string;
  columns: readonly { field: BatchLineField; label: string }[];
}

const KINDS: Partial<Record<BatchLineField, TableCellKind>> = {
  sourceRow: 'integer',
  saleDate: 'date',
  quantity: 'integer',
  netMinor: 'money',
};

export async function writeBatchLinesWorkbook(
  ctx: CoreContext,
  input: BatchLinesWorkbookInput,
): Promise<ReportFile & { rows: number }> {
  const program = requireProgram(ctx);
  const rows = allBatchLines(ctx, input.batchId, input.order).map((line) =>
    input.columns.map(({ field }) =>
      // The document and its line number are one column, as the screen shows them.
      field === 'documentNo' ? [line.documentNo, line.lineNo].filter(Boolean).join(' / ') || null : line[field],
    ),
  );
  const file = await writeTableWorkbook({
    title: input.title,
    currency: program.currency,
    columns: input.columns.map((column) => ({ label: column.label, kind: KINDS[column.field] ?? 'text' })),
    rows,
  });
  return { ...file, rows: rows.length };
}
