// Master data (participants by code, products by SKU) is the client's list: each accepted
// row creates its record or updates it, and every field that changes is kept in a history
// table, a creation too (from nothing to its first values) so that the origin of any value
// can be traced. The kinds differ only in their tables and fields; this is the shared loop.
import type { FieldChange, ParticipantChangeReport } from '../report/import-report';
import { fieldChanges, type KindWriteResult } from './prepare-import';

export interface KeyedRecordStore<K extends string> {
  /** The records there are now, by key; updated as rows are written. */
  existing: Map<string, { id: number; record: Record<K, string | null> }>;
  insert(key: string, row: number, record: Record<K, string | null>): number;
  update(id: number, record: Record<K, string | null>): void;
  recordChange(id: number, row: number, change: FieldChange): void;
}

export interface KeyedRow<K extends string> {
  row: number;
  key: string;
  /** What the row says of each field; a field without a column in the file is absent. */
  incoming: Partial<Record<K, string | null>>;
}

export function upsertKeyedRecords<K extends string>(
  fields: readonly K[],
  /** A new record's values where the file says nothing. */
  blank: Record<K, string | null>,
  rows: Iterable<KeyedRow<K>>,
  store: KeyedRecordStore<K>,
): KindWriteResult {
  const nothing = Object.fromEntries(fields.map((f) => [f, null])) as Record<K, string | null>;
  const reports: ParticipantChangeReport[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { row, key, incoming } of rows) {
    const before = store.existing.get(key);
    if (!before) {
      const record = { ...blank, ...incoming } as Record<K, string | null>;
      const id = store.insert(key, row, record);
      store.existing.set(key, { id, record });
      created++;
      for (const change of fieldChanges(fields, nothing, record)) store.recordChange(id, row, change);
      continue;
    }
    const changes = fieldChanges(fields, before.record, incoming);
    if (changes.length === 0) {
      unchanged++;
      continue;
    }
    const record = { ...before.record, ...incoming } as Record<K, string | null>;
    store.update(before.id, record);
    store.existing.set(key, { id: before.id, record });
    updated++;
    reports.push({ code: key, row, changes });
    for (const change of changes) store.recordChange(before.id, row, change);
  }
  return { created, updated, unchanged, changes: reports };
}
