// The ledger is append-only by the database's own triggers, and any edit made behind the app's
// back (triggers dropped, a row changed or deleted with another SQLite tool) is reported by
// `audit verify --db FILE` with the entry it found broken.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { openDatabaseReadOnly } from '../../src-main/db/open-database';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

let dir: string;
let source: string;
let entryCount: number;

beforeAll(async () => {
  dir = makeTempDir('loyalty-audit-');
  const ctx = openTestContext({ dir });
  await seedScenarioMasterData(ctx);
  await importScenarioSales(ctx, '2026-09');
  await importScenarioSales(ctx, '2026-10');
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
  approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
  entryCount = (ctx.store.sqlite.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n;
  source = ctx.store.file;
  // Closing checkpoints the WAL into the file, so that a copy of the file is the whole database.
  ctx.store.close();
});

let copies = 0;
function copyOfDatabase(): string {
  const file = join(dir, `copy-${copies++}.db`);
  copyFileSync(source, file);
  return file;
}

function verifyFile(file: string) {
  const store = openDatabaseReadOnly(file);
  try {
    return verifyLedger(store.sqlite);
  } finally {
    store.close();
  }
}

/** What someone with an SQLite tool could do: drop the guard, change the row, put the guard back. */
function tamper(file: string, sql: string, params: unknown[], restoreGuards: boolean) {
  const db = new Database(file);
  // As the sqlite3 shell and most SQLite tools run: foreign keys off, so a row may point nowhere.
  db.pragma('foreign_keys = OFF');
  const guards = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_entries'")
    .all() as { name: string; sql: string }[];
  for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
  db.prepare(sql).run(...params);
  if (restoreGuards) for (const g of guards) db.exec(g.sql);
  db.close();
}

describe('the ledger guards itself', () => {
  it('is intact after two approvals', () => {
    const result = verifyFile(source);
    expect(result).toMatchObject({ ok: true, entriesChecked: entryCount, anchorsChecked: 2, problems: [] });
    expect(entryCount).toBeGreaterThan(20);
  });

  it('refuses UPDATE and DELETE in the database itself', () => {
    const db = new Database(copyOfDatabase());
    expect(() => db.prepare('UPDATE ledger_entries SET points = points + 1 WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_entries WHERE id = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it('reports any edited entry, whatever the column, with the entry it found broken', () => {
    const edits = [
      { column: 'points', value: (v: number) => v + 1 },
      { column: 'participant_code', value: () => 'ZZ' },
      { column: 'kind', value: () => 'adjustment' },
      { column: 'note', value: () => 'looks innocent' },
      { column: 'period', value: () => '2026-08' },
      { column: 'source_row', value: () => 999 },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: entryCount }),
        fc.constantFrom(...edits),
        fc.boolean(),
        (id, edit, restore) => {
          const file = copyOfDatabase();
          const db = new Database(file, { readonly: true });
          const before = db.prepare(`SELECT ${edit.column} AS v FROM ledger_entries WHERE id = ?`).get(id) as {
            v: number;
          };
          db.close();
          tamper(
            file,
            `UPDATE ledger_entries SET ${edit.column} = ? WHERE id = ?`,
            [edit.value(before.v), id],
            restore,
          );
          const result = verifyFile(file);
          expect(result.ok).toBe(false);
          expect(result.problems.filter((p) => p.kind === 'CONTENT_CHANGED').map((p) => p.entryId)).toEqual([id]);
          if (!restore) expect(result.problems.map((p) => p.kind)).toContain('GUARD_MISSING');
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reports any edited row of the other money inputs too, naming its table and row', () => {
    const edits = [
      { table: 'sales_lines', column: 'net_minor', value: (v: number) => v * 10 },
      { table: 'sales_lines', column: 'sku', value: () => 'CAT-99' },
      { table: 'payouts', column: 'amount_minor', value: (v: number) => v * 100 },
      { table: 'payouts', column: 'card_ref', value: () => 'OTHER-CARD' },
      { table: 'import_batches', column: 'sha256', value: () => '0'.repeat(64) },
      { table: 'rule_versions', column: 'version', value: (v: number) => v + 1 },
      { table: 'operator_log', column: 'actor', value: () => 'someone else' },
      { table: 'period_events', column: 'state', value: () => 'open' },
      { table: 'targets', column: 'target_minor', value: (v: number) => v + 1 },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...edits), fc.nat(), fc.boolean(), (edit, pick, restore) => {
        const file = copyOfDatabase();
        const db = new Database(file);
        const rowids = db.prepare(`SELECT rowid FROM ${edit.table} ORDER BY rowid`).pluck().all() as number[];
        const rowid = rowids[pick % rowids.length]!;
        const before = db.prepare(`SELECT ${edit.column} AS v FROM ${edit.table} WHERE rowid = ?`).get(rowid) as {
          v: number;
        };
        const guards = db
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
          .all(edit.table) as { name: string; sql: string }[];
        for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
        db.prepare(`UPDATE ${edit.table} SET ${edit.column} = ? WHERE rowid = ?`).run(edit.value(before.v), rowid);
        if (restore) for (const g of guards) db.exec(g.sql);
        db.close();
        const result = verifyFile(file);
        expect(result.ok).toBe(false);
        expect(result.problems.filter((p) => p.kind === 'ROW_CHANGED').map((p) => [p.table, p.rowId])).toEqual([
          [edit.table, rowid],
        ]);
        if (!restore)
          expect(result.problems.filter((p) => p.kind === 'GUARD_MISSING').map((p) => p.table)).toContain(edit.table);
      }),
      { numRuns: 25 },
    );
  });

  it('reports a deleted entry, in the middle or at the end', () => {
    const middle = copyOfDatabase();
    tamper(middle, 'DELETE FROM ledger_entries WHERE id = ?', [5], true);
    expect(verifyFile(middle).problems).toEqual([
      { kind: 'ENTRY_MISSING', entryId: 6, message: 'Entry 5 is missing (deleted) before entry 6.' },
      {
        kind: 'ROW_REMOVED',
        entryId: 5,
        table: 'ledger_entries',
        rowId: 5,
        message: expect.stringMatching(/^ledger_entries row 5, sealed by seal \d+, is missing \(deleted\)\.$/),
      },
    ]);

    const end = copyOfDatabase();
    tamper(end, 'DELETE FROM ledger_entries WHERE id = ?', [entryCount], true);
    expect(verifyFile(end).problems.map((p) => [p.kind, p.entryId])).toEqual([
      ['ANCHOR_MISSING', entryCount],
      ['ROW_REMOVED', entryCount],
      // The last entry is a redemption: its top-up now redeems nothing.
      ['PAYOUT_REDEMPTION', null],
    ]);
  });

  it('reports an entry rewritten with a fresh hash of its own, since the next one no longer follows it', () => {
    const file = copyOfDatabase();
    const db = new Database(file);
    db.exec('DROP TRIGGER ledger_entries_no_update');
    db.prepare("UPDATE ledger_entries SET points = points * 2, hash = 'f' || substr(hash, 2) WHERE id = 3").run();
    db.close();
    const kinds = verifyFile(file).problems.map((p) => [p.kind, p.entryId]);
    expect(kinds).toContainEqual(['CONTENT_CHANGED', 3]);
    expect(kinds).toContainEqual(['CHAIN_BROKEN', 4]);
  });

  it('`loyalty audit verify --db FILE` prints the finding and exits non-zero, without changing the file', () => {
    const bin = join(repoRoot, 'bin', 'loyalty.mjs');
    const run = (file: string, json = false) =>
      spawnSync(process.execPath, [bin, 'audit', 'verify', '--db', file, ...(json ? ['--json'] : [])], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, LOYALTY_DB: '' },
      });
    const clean = run(copyOfDatabase());
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/The ledger is intact: \d+ entries checked/);

    const file = copyOfDatabase();
    tamper(file, 'UPDATE ledger_entries SET points = 99999 WHERE id = ?', [7], true);
    const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = digest();
    const broken = run(file);
    expect(digest()).toBe(before);
    expect(broken.status).toBe(3);
    expect(broken.stdout).toMatch(/Entry 7 \(.*99999 points\) was changed after it was written/);
    const json = JSON.parse(run(file, true).stdout);
    expect(json.problems[0]).toMatchObject({ kind: 'CONTENT_CHANGED', entryId: 7 });
  });
});
