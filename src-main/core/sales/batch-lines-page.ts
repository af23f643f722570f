// The sales lines a batch stored, a page at a time: a batch of 100,000 lines is opened again
// from the history without sending them all to the screen at once.
import type { CoreContext } from '../context';
import { requireImportBatch } from '../import/report/import-batch-report';
import type { BatchLinesPage, StoredSalesLine } from '../import/report/import-report';

/** A batch of another kind stored no sales lines: an empty page, total 0. */
export function batchLinesPage(ctx: CoreContext, batchId: number, offset: number, limit: number): BatchLinesPage {
  const batch = requireImportBatch(ctx, batchId);
  if (batch.kind !== 'sales') return { batchId, total: 0, offset, lines: [] };
  const { sqlite } = ctx.store;
  const { total } = sqlite.prepare('SELECT COUNT(*) AS total FROM sales_lines WHERE batch_id = ?').get(batchId) as {
    total: number;
  };
  const lines = sqlite
    .prepare<[number, number, number], StoredSalesLine>(
      `SELECT id, source_row AS sourceRow, sale_date AS saleDate, participant_code AS participantCode,
              participant_name AS participantName, sku, product_name AS productName, quantity,
              net_minor AS netMinor, document_no AS documentNo, line_no AS lineNo
       FROM sales_lines WHERE batch_id = ? ORDER BY id LIMIT ? OFFSET ?`,
    )
    .all(batchId, limit, offset);
  return { batchId, total, offset, lines };
}
