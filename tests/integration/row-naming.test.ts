// A tampered row is named by its own columns in the audit's finding; every sealed table has
// columns for it, and they are columns the migrated schema really has.
import { describe, expect, it } from 'vitest';
import { ROW_NAMING } from '../../src-main/core/ledger/verify-seals';
import { SEALED_TABLES, SUPERSESSION_TABLE } from '../../src-main/db/seal-rows';
import { openTestContext } from '../fixtures/test-database';

describe('the names of a sealed row', () => {
  it('cover every sealed table with columns of its schema', () => {
    const ctx = openTestContext();
    try {
      expect(Object.keys(ROW_NAMING).sort()).toEqual([...SEALED_TABLES, SUPERSESSION_TABLE].sort());
      for (const [table, names] of Object.entries(ROW_NAMING)) {
        const source = table === SUPERSESSION_TABLE ? 'import_batches' : table;
        const columns = (ctx.store.sqlite.pragma(`table_info("${source}")`) as { name: string }[]).map((c) => c.name);
        expect(names.length, table).toBeGreaterThan(0);
        for (const name of names) expect(columns, `${table}.${name}`).toContain(name);
      }
    } finally {
      ctx.store.close();
    }
  });
});
