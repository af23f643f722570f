import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Store } from '../../src-main/db/open-database';
import type { CoreContext } from '../../src-main/core/context';

export const repoRoot = resolve(__dirname, '..', '..');
export const samplesDir = resolve(repoRoot, '..', 'shared', 'samples');
export const FIXED_NOW = new Date('2026-11-01T10:00:00Z');

/** A fresh folder per test; removed by the returned cleanup. */
export function tempDir(prefix = 'loyalty-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real SQLite file, migrated by the same openDatabase the app uses, with a fixed clock. */
export function tempContext(): { ctx: CoreContext; store: Store; file: string; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'loyalty.db');
  const store = openDatabase(file);
  const ctx: CoreContext = { store, actor: 'test', now: () => FIXED_NOW };
  return {
    ctx,
    store,
    file,
    dir,
    cleanup: () => {
      store.close();
      cleanup();
    },
  };
}

/** Row counts of every table: a refused operation must leave all of them as they were. */
export function tableCounts(store: Store): Record<string, number> {
  const tables = store.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (store.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}
