import type { ImportBatchView } from '../../../src-main/ipc/contract';

/**
 * A batch as imports.list gives it. `period` and `supersededBy` are optional here so that
 * the screen works with a core that does not send them yet.
 */
export type BatchView = ImportBatchView & { period?: string | null; supersededBy?: number | null };

/** The sales imports a corrected file may replace: those not replaced already. */
export function replaceableSalesBatches(batches: readonly BatchView[]): BatchView[] {
  return batches.filter((b) => b.kind === 'sales' && (b.supersededBy === null || b.supersededBy === undefined));
}
