// `audit verify` covers every money input: payouts, sales lines, import batches, rule versions,
// verification decisions, payout events, the operator log and the ledger after the last
// approval are sealed by the app's own writes (record_seals), and an edit made behind its back
// with another SQLite connection (triggers dropped and put back where needed) is named by table
// and row. An anchor kept outside the file catches even a chain rewritten whole.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { GENESIS_HASH, ledgerEntryHash } from '../../src-main/core/ledger/ledger-hash';
import { addManualAdjustment } from '../../src-main/core/decisions/manual-adjustment';
import { sealHead } from '../../src-main/db/record-seals';
import { GENESIS_SEAL_HASH, SEALED_TABLES, sealHash, sealRows, sealedColumns } from '../../src-main/db/seal-rows';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { importSales } from '../../src-main/core/sales/import-sales';
import { resolveFinding } from '../../src-main/core/verification/verification-queue';
import { openDatabase, openDatabaseReadOnly } from '../../src-main/db/open-database';
import { createProgram, readReferenceTemplate } from '../../src-main/core/program/program-store';
import { hasOpenpyxl, makeTempDir, SYSTEM_PYTHON } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { csvFile, importScenarioSales, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { FIXED_NOW, openTestContext } from '../fixtures/test-database';
import { approveAsThePreviousVersion } from '../fixtures/legacy-approval';

let dir: string;
let source: string;
let headAtExport: string;
let xlsxBytes: Uint8Array;
let sepaText: string;

beforeAll(async () => {
  dir = makeTempDir('loyalty-seals-');
  const ctx: CoreContext = openTestContext({ dir });
  await seedScenarioMasterData(ctx);
  await importParticipants(
    ctx,
    csvFile('e-by-transfer.csv', ['Rep code;Name;Card;IBAN', 'E;Ewa Ekiert;;PL61 1090 1014 0000 0712 1981 2874']),
  );
  await importScenarioSales(ctx, '2026-09');
  const late = await importSales(ctx, csvFile('late-09.csv', [SALES_HEADER, '2026-09-20;BB;CAT-07;2;100,00;S/9']), {
    period: '2026-09',
  });
  // A corrected file supersedes the first: the one column the app updates in a sealed table.
  await importSales(ctx, csvFile('late-09-fixed.csv', [SALES_HEADER, '2026-09-20;BB;CAT-07;3;150,00;S/9']), {
    period: '2026-09',
    replaceBatchId: late.batchId!,
  });
  resolveFinding(ctx, {
    period: '2026-09',
    key: { code: 'UNKNOWN_PARTICIPANT', participantCode: 'BB' },
    action: 'assign',
    participantCode: 'B',
    reason: 'BB is a typo of B',
  });
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
  headAtExport = sealHead(ctx.store.sqlite).hash;
  xlsxBytes = (await exportPayouts(ctx, '2026-09', 'xlsx')).bytes;
  sepaText = new TextDecoder().decode((await exportPayouts(ctx, '2026-09', 'sepa')).bytes);
  addManualAdjustment(ctx, { period: '2026-10', participantCode: 'A', points: 25, reason: 'Trade fair bonus' });
  source = ctx.store.file;
  ctx.store.close();
});

let copies = 0;
function copyOfDatabase(): string {
  const file = join(dir, `copy-${copies++}.db`);
  copyFileSync(source, file);
  return file;
}

function verifyFile(file: string, anchor?: string) {
  const store = openDatabaseReadOnly(file);
  try {
    return verifyLedger(store.sqlite, anchor === undefined ? {} : { anchor });
  } finally {
    store.close();
  }
}

/** What someone with an SQLite tool does: drop the table's triggers, run the SQL, and put them back (or not). */
function tamper(file: string, table: string, sql: string, params: unknown[] = [], restoreGuards = true) {
  const db = new Database(file);
  // As the sqlite3 shell and most SQLite tools run: foreign keys off, so a row may point nowhere.
  db.pragma('foreign_keys = OFF');
  const guards = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
    .all(table) as { name: string; sql: string }[];
  for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
  db.prepare(sql).run(...params);
  if (restoreGuards) for (const g of guards) db.exec(g.sql);
  db.close();
}

const read = <T>(file: string, sql: string, ...params: unknown[]): T => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
};

const found = (file: string, anchor?: string) =>
  verifyFile(file, anchor).problems.map((p) => [p.kind, p.table ?? null, p.rowId ?? null]);

const bin = join(repoRoot, 'bin', 'loyalty.mjs');
const cli = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOYALTY_DB: '' },
  });

describe('audit verify covers every money input', () => {
  it('finds the file intact, every sealed table sealed, and prints the head', () => {
    const result = verifyFile(source);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.seals!.sealsChecked).toBeGreaterThan(20);
    expect(result.seals!.head.hash).toMatch(/^[0-9a-f]{64}$/);
    const sealedTables = new Set(
      read<{ t: string }>(source, 'SELECT group_concat(DISTINCT table_name) AS t FROM record_seals').t.split(','),
    );
    for (const table of [
      'programs',
      'rule_versions',
      'import_batches',
      'import_batches.superseded_by',
      'sales_lines',
      'operator_log',
      'ledger_entries',
      'period_events',
      'verification_decisions',
      'payouts',
      'payout_batches',
      'payout_batch_items',
      'payout_events',
    ]) {
      expect(sealedTables).toContain(table);
    }
    const run = cli(['audit', 'verify', '--db', copyOfDatabase()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `Seal chain head (note it outside the file; check it later with --anchor): ${result.seals!.head.id} ${result.seals!.head.hash}`,
    );
    const head = cli(['audit', 'head', '--db', copyOfDatabase(), '--json']);
    expect(JSON.parse(head.stdout)).toEqual(result.seals!.head);
  });

  it('reports a payout amount times 100, as changed and as not its points at the point value (CLI exit 3)', () => {
    const file = copyOfDatabase();
    tamper(file, 'payouts', 'UPDATE payouts SET amount_minor = amount_minor * 100 WHERE id = 1');
    expect(found(file)).toEqual([
      ['ROW_CHANGED', 'payouts', 1],
      ['PAYOUT_AMOUNT', 'payouts', 1],
    ]);
    const run = cli(['audit', 'verify', '--db', file]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(
      /payouts row 1 \(reference LD-2026-09-000001, .*amount_minor \d+00, .*\) was changed after it was written/,
    );
    expect(run.stdout).toMatch(
      /payouts row 1 \(LD-2026-09-000001, A, 2026-09\) pays \d+00 minor units, but its \d+ points at 10 each are \d+\./,
    );
  });

  it('reports a payout IBAN changed with its trigger dropped and put back', () => {
    const file = copyOfDatabase();
    const id = read<{ id: number }>(file, "SELECT id FROM payouts WHERE method = 'transfer'").id;
    tamper(file, 'payouts', 'UPDATE payouts SET iban = ? WHERE id = ?', ['PL27114020040000300201355387', id]);
    const result = verifyFile(file);
    expect(result.problems.map((p) => [p.kind, p.table, p.rowId])).toEqual([['ROW_CHANGED', 'payouts', id]]);
    expect(result.problems[0]!.message).toContain('iban PL27114020040000300201355387');
  });

  it('reports a payout moved to another participant or state: the payout and its events', () => {
    const file = copyOfDatabase();
    tamper(file, 'payouts', "UPDATE payouts SET participant_code = 'C' WHERE id = 2");
    tamper(file, 'payout_events', "UPDATE payout_events SET event = 'paid' WHERE id = 1");
    expect(found(file)).toEqual([
      ['ROW_CHANGED', 'payouts', 2],
      ['ROW_CHANGED', 'payout_events', 1],
      ['PAYOUT_REDEMPTION', 'payouts', 2],
    ]);
  });

  it('reports an adjustment added after the last approval with a valid ledger hash, which the ledger chain alone accepts', () => {
    const file = copyOfDatabase();
    const head = read<{ id: number; hash: string }>(
      file,
      'SELECT id, hash FROM ledger_entries ORDER BY id DESC LIMIT 1',
    ) ?? { id: 0, hash: GENESIS_HASH };
    const entry = {
      id: head.id + 1,
      programId: 1,
      participantCode: 'C',
      period: '2026-10',
      kind: 'adjustment' as const,
      points: 5000,
      salesLineId: null,
      batchId: null,
      sourceRow: null,
      rule: null,
      ruleVersion: null,
      note: 'bonus',
      reversesId: null,
      correctsPeriod: null,
      reference: null,
      createdAt: FIXED_NOW.toISOString(),
      createdBy: 'test',
      prevHash: head.hash,
    };
    tamper(
      file,
      'ledger_entries',
      `INSERT INTO ledger_entries (id, program_id, participant_code, period, kind, points, note, created_at, created_by, prev_hash, hash) VALUES (?, 1, 'C', '2026-10', 'adjustment', 5000, 'bonus', ?, 'test', ?, ?)`,
      [entry.id, entry.createdAt, entry.prevHash, ledgerEntryHash(entry)],
    );
    const result = verifyFile(file);
    expect(result.problems.map((p) => [p.kind, p.table, p.rowId, p.entryId])).toEqual([
      ['ROW_UNSEALED', 'ledger_entries', entry.id, entry.id],
    ]);
    expect(result.problems[0]!.message).toBe(
      `ledger_entries row ${entry.id} (participant_code C, period 2026-10, kind adjustment, points 5000) was added behind the app's back: no seal covers it.`,
    );
  });

  it('reports the adjustment after the last approval changed, removed, or re-hashed with the whole chain after it', () => {
    const adjustment = read<{ id: number }>(
      source,
      "SELECT id FROM ledger_entries WHERE kind = 'adjustment' ORDER BY id DESC LIMIT 1",
    ).id;
    const changed = copyOfDatabase();
    // Re-hashed: the entry and its hash rewritten together, as a tool that knows the formula would.
    const db = new Database(changed);
    const guard = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_entries_no_update'")
      .pluck()
      .get() as string;
    db.exec('DROP TRIGGER ledger_entries_no_update');
    const row = db.prepare('SELECT * FROM ledger_entries WHERE id = ?').get(adjustment) as Record<string, unknown>;
    const r = row as {
      program_id: number;
      participant_code: string;
      period: string;
      kind: 'adjustment';
      sales_line_id: null;
      batch_id: null;
      source_row: null;
      rule: string | null;
      rule_version: number | null;
      note: string | null;
      reverses_id: null;
      corrects_period: null;
      reference: null;
      created_at: string;
      created_by: string;
      prev_hash: string;
    };
    const rewritten = ledgerEntryHash({
      id: adjustment,
      programId: r.program_id,
      participantCode: r.participant_code,
      period: r.period,
      kind: r.kind,
      points: 2500,
      salesLineId: r.sales_line_id,
      batchId: r.batch_id,
      sourceRow: r.source_row,
      rule: r.rule,
      ruleVersion: r.rule_version,
      note: r.note,
      reversesId: r.reverses_id,
      correctsPeriod: r.corrects_period,
      reference: r.reference,
      createdAt: r.created_at,
      createdBy: r.created_by,
      prevHash: r.prev_hash,
    });
    db.prepare('UPDATE ledger_entries SET points = 2500, hash = ? WHERE id = ?').run(rewritten, adjustment);
    db.exec(guard);
    db.close();
    expect(found(changed)).toEqual([['ROW_CHANGED', 'ledger_entries', adjustment]]);

    const removed = copyOfDatabase();
    tamper(removed, 'ledger_entries', 'DELETE FROM ledger_entries WHERE id = ?', [adjustment]);
    expect(found(removed)).toEqual([['ROW_REMOVED', 'ledger_entries', adjustment]]);
  });

  it("reports a sales line's value changed", () => {
    const file = copyOfDatabase();
    tamper(file, 'sales_lines', 'UPDATE sales_lines SET net_minor = net_minor + 100000 WHERE id = 3');
    const result = verifyFile(file);
    expect(result.problems.map((p) => [p.kind, p.table, p.rowId])).toEqual([['ROW_CHANGED', 'sales_lines', 3]]);
    expect(result.problems[0]!.message).toMatch(
      /^sales_lines row 3 \(batch_id \d+, source_row \d+, participant_code \w+, sku [\w-]+, quantity \d+, net_minor \d+\) was changed after it was written: it no longer matches seal \d+\.$/,
    );
  });

  it("reports a rule version's number changed", () => {
    const file = copyOfDatabase();
    tamper(file, 'rule_versions', 'UPDATE rule_versions SET version = 7 WHERE id = 1');
    expect(found(file)).toEqual([['ROW_CHANGED', 'rule_versions', 1]]);
  });

  it('reports a deleted operator-log row, a changed verification decision and a changed import batch sha256', () => {
    const file = copyOfDatabase();
    tamper(file, 'operator_log', 'DELETE FROM operator_log WHERE id = 2');
    tamper(file, 'verification_decisions', "UPDATE verification_decisions SET participant_code = 'C' WHERE id = 1");
    tamper(file, 'import_batches', "UPDATE import_batches SET sha256 = '0000' || substr(sha256, 5) WHERE id = 2");
    expect(found(file)).toEqual([
      ['ROW_CHANGED', 'import_batches', 2],
      ['ROW_REMOVED', 'operator_log', 2],
      ['ROW_CHANGED', 'verification_decisions', 1],
    ]);
  });

  it("reports a payout event added behind the app's back, and a batch marked superseded or un-superseded", () => {
    const file = copyOfDatabase();
    tamper(
      file,
      'payout_events',
      "INSERT INTO payout_events (payout_id, event, at, actor) VALUES (1, 'failed', '2026-11-02T00:00:00.000Z', 'x')",
    );
    const superseded = read<{ id: number }>(file, 'SELECT id FROM import_batches WHERE superseded_by IS NOT NULL').id;
    tamper(file, 'import_batches', 'UPDATE import_batches SET superseded_by = NULL WHERE id = ?', [superseded]);
    tamper(
      file,
      'import_batches',
      'UPDATE import_batches SET superseded_by = 1 + (SELECT MAX(id) FROM import_batches) WHERE id = 2',
    );
    const events = read<{ n: number }>(file, 'SELECT MAX(id) AS n FROM payout_events').n;
    expect(found(file)).toEqual([
      ['ROW_UNSEALED', 'payout_events', events],
      ['ROW_REMOVED', 'import_batches.superseded_by', superseded],
      ['ROW_UNSEALED', 'import_batches.superseded_by', 2],
    ]);
  });

  it('reports a dropped trigger on each guarded table, naming the table', () => {
    const tables = [
      'operator_log',
      'import_batches',
      'rule_versions',
      'sales_lines',
      'targets',
      'ledger_entries',
      'period_events',
      'verification_decisions',
      'payouts',
      'payout_batches',
      'payout_batch_items',
      'payout_events',
      'record_seals',
    ];
    for (const table of tables) {
      const file = copyOfDatabase();
      const db = new Database(file);
      const guards = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .all(table) as { name: string }[];
      expect(guards.length).toBeGreaterThan(0);
      db.exec(`DROP TRIGGER ${guards[0]!.name}`);
      db.close();
      expect(found(file)).toEqual([['GUARD_MISSING', table, null]]);
      rmSync(file);
    }
  });

  it("does not seal a row slipped in between two of the app's writes: the next write seals only its own rows", () => {
    const file = copyOfDatabase();
    const line = read<{ n: number }>(file, 'SELECT MAX(id) + 1 AS n FROM sales_lines').n;
    tamper(
      file,
      'sales_lines',
      "INSERT INTO sales_lines (program_id, batch_id, source_row, sale_date, period, participant_code, sku, quantity, net_minor, line_key) VALUES (1, 1, 99, '2026-10-01', '2026-10', 'C', 'TOY-3', 100, 9000000, 'slipped')",
    );
    const store = openDatabase(file);
    const ctx: CoreContext = { store, actor: 'test', now: () => FIXED_NOW };
    const adjustment = addManualAdjustment(ctx, {
      period: '2026-10',
      participantCode: 'B',
      points: 10,
      reason: 'Late fair bonus',
    });
    store.close();
    expect(adjustment).toBeTruthy();
    expect(found(file)).toEqual([['ROW_UNSEALED', 'sales_lines', line]]);
  });

  it('the seal chain refuses UPDATE and DELETE itself, and a refused write leaves no seal', () => {
    const file = copyOfDatabase();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE record_seals SET digest = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM record_seals WHERE id = 1').run()).toThrow(/append-only/);
    db.close();
    const store = openDatabase(file);
    const before = sealHead(store.sqlite);
    expect(() =>
      addManualAdjustment(
        { store, actor: 'test', now: () => FIXED_NOW },
        { period: '2026-10', participantCode: 'NOBODY', points: 10, reason: 'x' },
      ),
    ).toThrow();
    expect(sealHead(store.sqlite)).toEqual(before);
    store.close();
  });

  it('reports a trigger replaced by one of the same name that refuses nothing', () => {
    const file = copyOfDatabase();
    const db = new Database(file);
    db.exec('DROP TRIGGER payouts_no_update');
    db.exec(
      "CREATE TRIGGER payouts_no_update BEFORE UPDATE ON payouts WHEN 0 BEGIN SELECT RAISE(ABORT, 'payouts are never changed'); END",
    );
    db.exec('UPDATE payouts SET points = points WHERE id = 1');
    db.close();
    const result = verifyFile(file);
    expect(result.problems.map((p) => [p.kind, p.table])).toEqual([['GUARD_MISSING', 'payouts']]);
    expect(result.problems[0]!.message).toMatch(
      /^The database trigger payouts_no_update on payouts has been replaced by one that is not the app's: CREATE TRIGGER payouts_no_update BEFORE UPDATE ON payouts WHEN 0/,
    );
  });

  it('a correct anchor passes; a chain rewritten whole passes without one and fails with it (exit 3)', () => {
    const clean = copyOfDatabase();
    const head = verifyFile(clean).seals!.head.hash;
    for (const anchor of [head, headAtExport]) {
      expect(verifyFile(clean, anchor)).toMatchObject({ ok: true, anchor: { hash: anchor, ok: true } });
      expect(cli(['audit', 'verify', '--db', clean, '--anchor', anchor]).status).toBe(0);
    }

    // Whoever holds the file changes a payout and its redemption together, then seals everything anew.
    const file = copyOfDatabase();
    const db = new Database(file);
    const guards = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('payouts', 'ledger_entries', 'record_seals')",
      )
      .all() as { name: string; sql: string }[];
    for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
    db.exec('UPDATE payouts SET points = points + 1, amount_minor = amount_minor + 10 WHERE id = 1');
    db.exec('DELETE FROM record_seals');
    let previous = GENESIS_SEAL_HASH;
    let id = 0;
    for (const table of SEALED_TABLES) {
      const columns = sealedColumns(db, table);
      const range = sealRows(db, table, columns, 0, Number.MAX_SAFE_INTEGER);
      if (!range) continue;
      const seal = {
        id: ++id,
        tableName: table,
        columns: columns.join(','),
        ...range,
        origin: 'write' as const,
        prevHash: previous,
      };
      previous = sealHash(seal);
      db.prepare(
        'INSERT INTO record_seals (id, table_name, columns, first_rowid, last_rowid, row_count, digest, checks, origin, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        seal.id,
        seal.tableName,
        seal.columns,
        seal.firstRowid,
        seal.lastRowid,
        seal.rowCount,
        seal.digest,
        seal.checks,
        seal.origin,
        seal.prevHash,
        previous,
      );
    }
    const superseded = db
      .prepare('SELECT id FROM import_batches WHERE superseded_by IS NOT NULL')
      .pluck()
      .all() as number[];
    for (const batch of superseded) {
      const columns = sealedColumns(db, 'import_batches.superseded_by');
      const range = sealRows(db, 'import_batches.superseded_by', columns, batch - 1, batch)!;
      const seal = {
        id: ++id,
        tableName: 'import_batches.superseded_by',
        columns: columns.join(','),
        ...range,
        origin: 'write' as const,
        prevHash: previous,
      };
      previous = sealHash(seal);
      db.prepare(
        'INSERT INTO record_seals (id, table_name, columns, first_rowid, last_rowid, row_count, digest, checks, origin, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        seal.id,
        seal.tableName,
        seal.columns,
        seal.firstRowid,
        seal.lastRowid,
        seal.rowCount,
        seal.digest,
        seal.checks,
        seal.origin,
        seal.prevHash,
        previous,
      );
    }
    for (const g of guards) db.exec(g.sql);
    db.close();
    // Without an anchor only the payout's redemption gives it away (the amount is still its points
    // at the point value); the seals were all made anew.
    expect(found(file)).toEqual([['PAYOUT_REDEMPTION', 'payouts', 1]]);
    const result = verifyFile(file, headAtExport);
    expect(result.anchor).toEqual({ hash: headAtExport, sealId: null, ok: false });
    expect(result.problems.map((p) => p.kind)).toContain('ANCHOR_NOT_FOUND');
    const run = cli(['audit', 'verify', '--db', file, '--anchor', headAtExport]);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain(`The anchor ${headAtExport} is not in this database's chain of seals`);
    expect(cli(['audit', 'verify', '--db', file, '--anchor', 'abc']).status).toBe(1);
  });

  it.runIf(hasOpenpyxl)(
    'the payout files carry the chain head at their export: the xlsx on its Batch sheet, the SEPA file in a comment',
    () => {
      // Read as a client's tool reads it: openpyxl, the issuer's sheet first and untouched.
      const path = join(dir, 'payouts.xlsx');
      writeFileSync(path, xlsxBytes);
      const script = `import json, openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({'sheets': wb.sheetnames, 'batch': [[c for c in r] for r in wb['Batch'].iter_rows(values_only=True)]}))`;
      const workbook = JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' })) as {
        sheets: string[];
        batch: unknown[][];
      };
      expect(workbook.sheets[1]).toBe('Batch');
      expect(workbook.batch).toContainEqual(['Audit anchor', headAtExport]);
      const anchors = read<{ a: string }>(
        source,
        "SELECT group_concat(audit_anchor, ' ') AS a FROM payout_batches ORDER BY id",
      ).a.split(' ');
      expect(anchors[0]).toBe(headAtExport);
      expect(sepaText).toContain(`<!-- Loyalty Desk audit anchor: ${anchors[1]} -->`);
    },
  );
});

describe('sealing a database written before the seals existed', () => {
  it('seals its rows once, at the first open after the migration, and then finds an edit', async () => {
    const folder = makeTempDir('loyalty-old-');
    const migrations = join(folder, 'drizzle');
    cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('_audit_seals'));
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    const file = join(folder, 'old.db');
    const old = openDatabase(file, { migrationsFolder: migrations });
    const ctx: CoreContext = { store: old, actor: 'test', now: () => FIXED_NOW };
    createProgram(ctx, readReferenceTemplate());
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    // As that version approved: the approved_* tables came later.
    approveAsThePreviousVersion(ctx, '2026-09', 'Checked');
    old.close();

    const upgraded = openDatabase(file, { backupPath: (f) => `${f}.bak` });
    const baseline = upgraded.sqlite
      .prepare('SELECT COUNT(*) AS n, MIN(origin) AS o, MAX(origin) AS p FROM record_seals')
      .get();
    expect(baseline).toMatchObject({ o: 'baseline', p: 'baseline' });
    upgraded.close();
    // Opening again seals nothing more.
    openDatabase(file).close();
    const result = verifyFile(file);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.seals!.baselineRows).toBeGreaterThan(30);
    expect(result.seals!.sealsChecked).toBe((baseline as { n: number }).n);

    tamper(file, 'sales_lines', 'UPDATE sales_lines SET quantity = 99 WHERE id = 2');
    expect(found(file)).toEqual([['ROW_CHANGED', 'sales_lines', 2]]);
  });
});

describe('random edits of the sealed tables', () => {
  const edits: { table: string; column: string; value: (v: unknown) => unknown }[] = [
    { table: 'sales_lines', column: 'net_minor', value: (v) => Number(v) + 1 },
    { table: 'sales_lines', column: 'participant_code', value: () => 'ZZ' },
    { table: 'import_batches', column: 'sha256', value: () => 'f'.repeat(64) },
    { table: 'import_batches', column: 'accepted', value: (v) => Number(v) + 1 },
    { table: 'rule_versions', column: 'rules_json', value: () => '{}' },
    { table: 'verification_decisions', column: 'reason', value: () => 'looks innocent' },
    { table: 'payouts', column: 'card_ref', value: () => 'CARD-X' },
    { table: 'payouts', column: 'points', value: (v) => Number(v) + 1 },
    { table: 'payout_events', column: 'event', value: () => 'voided' },
    { table: 'operator_log', column: 'reason', value: () => 'rewritten' },
    { table: 'period_events', column: 'details_json', value: () => '{}' },
    { table: 'payout_batches', column: 'bytes', value: () => Buffer.from('other file') },
    { table: 'targets', column: 'target_minor', value: (v) => Number(v) * 2 },
    { table: 'programs', column: 'point_value_minor', value: () => 1000 },
  ];

  it('names the table and the row of any edit, triggers put back or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...edits), fc.nat(), fc.boolean(), (edit, pick, restore) => {
        const file = copyOfDatabase();
        const count = read<{ n: number }>(file, `SELECT COUNT(*) AS n FROM ${edit.table}`).n;
        const rowid = read<{ r: number }>(
          file,
          `SELECT rowid AS r FROM ${edit.table} ORDER BY rowid LIMIT 1 OFFSET ?`,
          pick % count,
        ).r;
        const before = read<{ v: unknown }>(
          file,
          `SELECT ${edit.column} AS v FROM ${edit.table} WHERE rowid = ?`,
          rowid,
        ).v;
        tamper(
          file,
          edit.table,
          `UPDATE ${edit.table} SET ${edit.column} = ? WHERE rowid = ?`,
          [edit.value(before), rowid],
          restore,
        );
        const result = verifyFile(file);
        expect(result.ok).toBe(false);
        expect(result.problems.filter((p) => p.kind === 'ROW_CHANGED').map((p) => [p.table, p.rowId])).toEqual([
          [edit.table, rowid],
        ]);
        // programs has no trigger (the app never updates it); its seal alone guards it.
        if (!restore && edit.table !== 'programs')
          expect(result.problems.filter((p) => p.kind === 'GUARD_MISSING').map((p) => p.table)).toContain(edit.table);
        rmSync(file);
      }),
      { numRuns: 30 },
    );
  });
});
