// The tables' rows as TypeScript types, derived from the drizzle schema rather than copied by
// hand: a column added, renamed or retyped in schema.ts is then a compile error wherever a row
// is read with raw SQL, instead of a cast that silently goes on claiming the old shape.
import type { InferSelectModel, Table } from 'drizzle-orm';
import type {
  importBatches,
  ledgerEntries,
  payoutBatches,
  payoutEvents,
  payouts,
  periodEvents,
  recordSeals,
} from './schema';

/** A row as drizzle's query builder reads it: camelCase keys. */
export type RowOf<T extends Table> = InferSelectModel<T>;
/** A row as raw SQL (`SELECT *`) reads it: keyed by the columns' own, snake_case, names. */
export type StoredRowOf<T extends Table> = InferSelectModel<T, { dbColumnNames: true }>;

export type ImportBatchRow = RowOf<typeof importBatches>;
export type LedgerEntryRow = RowOf<typeof ledgerEntries>;
export type PeriodEventRow = RowOf<typeof periodEvents>;
export type PayoutRow = RowOf<typeof payouts>;
export type PayoutBatchRow = RowOf<typeof payoutBatches>;
export type PayoutEventRow = RowOf<typeof payoutEvents>;
export type RecordSealRow = RowOf<typeof recordSeals>;
