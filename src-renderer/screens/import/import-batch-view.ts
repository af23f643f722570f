import type { ImportBatchView } from '../../../src-main/ipc/contract';

/**
 * A batch as imports.list gives it. `period` and `supersededBy` are optional here so that
 * the screen works with a core that does not send them yet.
 */
export type BatchView = ImportBatchView & { period?: string | null; supersededBy?: number | null };

/**
 * The sales import of a period whose rejected rows the Dashboard links to: the newest batch in force with rejected
 * rows (the Dashboard counts only batches in force), or none.
 */
export function batchWithRejections(batches: readonly BatchView[], period: string): BatchView | null {
  const inForce = (b: BatchView) => b.supersededBy === null || b.supersededBy === undefined;
  return batches.find((b) => b.kind === 'sales' && b.period === period && b.rejected > 0 && inForce(b)) ?? null;
}

/** The sales imports a corrected file may replace: those not replaced already. */
export function replaceableSalesBatches(batches: readonly BatchView[]): BatchView[] {
  return batches.filter((b) => b.kind === 'sales' && (b.supersededBy === null || b.supersededBy === undefined));
}
