// The sales lines a batch stored, a page at a time: a batch of 100,000 lines is opened again
// from the history without sending them all to the screen at once, sorted by any column and
// searched in SQL, so that the order and the count are of all the batch's lines.
import type { CoreContext } from '../context';
import { requireImportBatch } from '../import/report/import-batch-report';
import type { BatchLineField, BatchLinesOrder, BatchLinesPage, StoredSalesLine } from '../import/report/import-report';

export { BATCH_LINE_SORT_FIELDS, type BatchLineField, type BatchLinesOrder } from '../import/report/import-report';

const SQL_COLUMN: Record<BatchLineField, string> = {
  sourceRow: 'source_row',
  saleDate: 'sale_date',
  participantCode: 'participant_code',
  participantName: 'participant_name',
  sku: 'sku',
  productName: 'product_name',
  quantity: 'quantity',
  netMinor: 'net_minor',
  documentNo: 'document_no',
};

const SELECTED = `id, source_row AS sourceRow, sale_date AS saleDate, participant_code AS participantCode,
  participant_name AS participantName, sku, product_name AS productName, quantity,
  net_minor AS netMinor, document_no AS documentNo, line_no AS lineNo`;

/** Escapes LIKE's wildcards so that a search for "R_01" finds that text, not a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE and ORDER BY of a batch's lines: empty values last either way, ties in the file's order. */
function linesQuery(batchId: number, order: BatchLinesOrder): { where: string; orderBy: string; params: unknown[] } {
  const params: unknown[] = [batchId];
  let where = 'batch_id = ?';
  const search = order.search?.trim() ?? '';
  if (search !== '') {
    where += ` AND (${['participant_code', 'participant_name', 'sku', 'product_name', 'document_no']
      .map((column) => `${column} LIKE ? ESCAPE '\\'`)
      .join(' OR ')})`;
    params.push(...Array<string>(5).fill(likePattern(search)));
  }
  // The column's name comes from the fixed map above, never from the caller's text.
  const column = SQL_COLUMN[order.sort ?? 'sourceRow'];
  const direction = order.direction === 'desc' ? 'DESC' : 'ASC';
  return { where, orderBy: `(${column} IS NULL OR ${column} = '') ASC, ${column} ${direction}, id ASC`, params };
}

/** A batch of another kind stored no sales lines: an empty page, total 0. */
export function batchLinesPage(
  ctx: CoreContext,
  batchId: number,
  offset: number,
  limit: number,
  order: BatchLinesOrder = {},
): BatchLinesPage {
  const batch = requireImportBatch(ctx, batchId);
  if (batch.kind !== 'sales') return { batchId, total: 0, offset, lines: [] };
  const { sqlite } = ctx.store;
  const { where, orderBy, params } = linesQuery(batchId, order);
  const { total } = sqlite.prepare(`SELECT COUNT(*) AS total FROM sales_lines WHERE ${where}`).get(...params) as {
    total: number;
  };
  // The page's ids are sorted first and its lines read by id afterwards, as the participants' list does: the sort
  // carries a few small values a line rather than eleven.
  const ids = sqlite
    .prepare(`SELECT id FROM sales_lines WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, limit, offset) as number[];
  const byId = new Map<number, StoredSalesLine>();
  if (ids.length > 0)
    for (const line of sqlite
      .prepare(`SELECT ${SELECTED} FROM sales_lines WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as StoredSalesLine[])
      byId.set(line.id, line);
  return { batchId, total, offset, lines: ids.map((id) => byId.get(id)!) };
}

/** Every line of the batch the search keeps, in the table's order: what the table saved as a workbook holds. */
export function allBatchLines(ctx: CoreContext, batchId: number, order: BatchLinesOrder = {}): StoredSalesLine[] {
  const batch = requireImportBatch(ctx, batchId);
  if (batch.kind !== 'sales') return [];
  const { where, orderBy, params } = linesQuery(batchId, order);
  return ctx.store.sqlite
    .prepare(`SELECT ${SELECTED} FROM sales_lines WHERE ${where} ORDER BY ${orderBy}`)
    .all(...params) as StoredSalesLine[];
}
