// Rows that point at rows are held to it by the database (issue 12, item 7): migration 0011 adds
// the foreign keys that were missing by rebuilding the tables, and a file written by the previous
// version, holding every kind of row, comes out of it with every row, id, index, append-only
// trigger and AUTOINCREMENT sequence as it was, and its audit still passing. A reference to a
// missing row is refused from then on, and a file that already holds one is not migrated at all.
import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { addManualAdjustment } from '../../src-main/core/decisions/manual-adjustment';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { exportPayouts, voidPayoutBatch } from '../../src-main/core/payouts/export-payouts';
import { createProgram, readReferenceTemplate } from '../../src-main/core/program/program-store';
import { importSales } from '../../src-main/core/sales/import-sales';
import { DatabaseForeignKeyError } from '../../src-main/db/foreign-key-check';
import { openDatabase, openDatabaseReadOnly } from '../../src-main/db/open-database';
import { toErrorData } from '../../src-main/ipc/dispatch';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { csvFile, importScenarioSales, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { FIXED_NOW, openTestContext } from '../fixtures/test-database';

/**
 * The migrations up to the one whose tag ends with `lastTag`. Up to `_approved_scores` (the one before the foreign
 * keys) is "the previous version"; up to `_foreign_keys`, the version this migration made, so that the tables of later
 * migrations do not count as changes.
 */
function migrationsUpTo(folder: string, lastTag: string): string {
  const migrations = join(folder, `drizzle${lastTag}`);
  cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
  const journalFile = join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(lastTag));
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at + 1) }));
  return migrations;
}

/**
 * Through the core, every kind of row that points at another: sales lines and their batches, a
 * superseded batch, ledger entries from lines, reversals, top-ups and their redemptions, an
 * exported and voided batch, approved anomaly lines and a late correction's batches.
 */
async function seed(ctx: CoreContext): Promise<void> {
  await seedScenarioMasterData(ctx);
  await importParticipants(
    ctx,
    csvFile('e-by-transfer.csv', ['Rep code;Name;Card;IBAN', 'E;Ewa Ekiert;;PL61 1090 1014 0000 0712 1981 2874']),
  );
  const september = await importScenarioSales(ctx, '2026-09');
  await importSales(ctx, csvFile('unknown-09.csv', [SALES_HEADER, '2026-09-20;ZZ;CAT-07;2;100,00;S/9']), {
    period: '2026-09',
  });
  await importScenarioSales(ctx, '2026-10');
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
  const cards = await exportPayouts(ctx, '2026-09', 'xlsx');
  await exportPayouts(ctx, '2026-09', 'sepa');
  voidPayoutBatch(ctx, cards.batch.batchRef, 'The issuer lost the file');
  // A corrected September after it was locked: settled in October, naming the batches.
  await importSales(
    ctx,
    csvFile('sales-2026-09-fixed.csv', [
      SALES_HEADER,
      '2026-09-05;A;DOG-01;12;1200,00;S/1',
      '2026-09-15;C;DOG-01;600;60000,00;S/5',
    ]),
    { period: '2026-09', replaceBatchId: september.batchId! },
  );
  addManualAdjustment(ctx, { period: '2026-10', participantCode: 'A', points: 25, reason: 'Trade fair bonus' });
  approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
}

type Dump = Record<string, unknown[]>;

/** Every row of every table with its rowid, the sequences, and the schema's indexes and triggers. */
function dump(file: string): Dump {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> '__drizzle_migrations' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Dump = {};
    for (const t of tables) {
      const rowid = t === 'sqlite_sequence' || t === 'settings' ? '' : 'rowid AS _rowid, ';
      out[t] = db.prepare(`SELECT ${rowid}* FROM "${t}" ORDER BY 1, 2`).all();
    }
    out['schema:index'] = db
      .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all();
    out['schema:trigger'] = db
      .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all();
    return out;
  } finally {
    db.close();
  }
}

function audit(file: string) {
  const store = openDatabaseReadOnly(file);
  try {
    return verifyLedger(store.sqlite, {});
  } finally {
    store.close();
  }
}

const foreignKeys = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string; table: string }[])
    .map((k) => `${k.from}->${k.table}`)
    .sort();

let dir: string;
let previous: string;
let migrations: string;

beforeAll(async () => {
  dir = makeTempDir('loyalty-fk-');
  migrations = migrationsUpTo(dir, '_approved_scores');
  previous = join(dir, 'previous.db');
  const store = openDatabase(previous, { migrationsFolder: migrations });
  const ctx: CoreContext = { store, actor: 'test', now: () => FIXED_NOW };
  createProgram(ctx, readReferenceTemplate());
  await seed(ctx);
  store.close();
}, 60_000);

describe('migrating a file of the previous version to foreign keys', () => {
  it('keeps every row, id, index, trigger and sequence, and the audit passes', () => {
    const file = join(dir, 'migrated.db');
    cpSync(previous, file);
    // A sequence ahead of the largest id (as after rows that were deleted) is carried over, not recomputed.
    const tool = new Database(file);
    tool.exec("UPDATE sqlite_sequence SET seq = seq + 7 WHERE name = 'approved_anomaly_lines'");
    tool.close();
    const before = dump(file);
    // The seed reached every table that gets a foreign key, so the copy is proven on real rows.
    for (const table of [
      'ledger_entries',
      'payouts',
      'payout_events',
      'approved_anomaly_lines',
      'approved_correction_batches',
      'import_batches',
    ])
      expect(before[table]!.length, table).toBeGreaterThan(0);
    const kinds = (before.ledger_entries as { kind: string; reverses_id: number | null }[]).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['earn', 'redemption', 'reversal', 'adjustment']));
    expect(before.import_batches!.some((b) => (b as { superseded_by: number | null }).superseded_by !== null)).toBe(
      true,
    );
    expect(audit(file)).toMatchObject({ ok: true, problems: [] });

    openDatabase(file, {
      backupPath: (f) => `${f}.bak`,
      migrationsFolder: migrationsUpTo(dir, '_foreign_keys'),
    }).close();

    expect(dump(file)).toEqual(before);
    expect(audit(file)).toMatchObject({ ok: true, problems: [] });
    const db = new Database(file);
    try {
      expect(foreignKeys(db, 'ledger_entries')).toEqual(
        [
          'program_id->programs',
          'sales_line_id->sales_lines',
          'batch_id->import_batches',
          'reverses_id->ledger_entries',
        ].sort(),
      );
      expect(foreignKeys(db, 'payouts')).toContain('ledger_entry_id->ledger_entries');
      expect(foreignKeys(db, 'payout_events')).toContain('batch_id->payout_batches');
      expect(foreignKeys(db, 'approved_anomaly_lines')).toEqual(
        ['anomaly_id->approved_anomalies', 'sales_line_id->sales_lines', 'batch_id->import_batches'].sort(),
      );
      expect(foreignKeys(db, 'approved_correction_batches')).toContain('batch_id->import_batches');
      expect(foreignKeys(db, 'import_batches')).toContain('superseded_by->import_batches');
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      // The triggers came back and still refuse.
      for (const [table, id] of [
        ['ledger_entries', 1],
        ['payouts', 1],
        ['payout_events', 1],
        ['approved_anomaly_lines', 1],
        ['approved_correction_batches', 1],
      ] as const) {
        expect(() => db.prepare(`UPDATE ${table} SET id = id WHERE id = ?`).run(id), table).toThrow(
          /append-only|never/,
        );
        expect(() => db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id), table).toThrow(/append-only|never/);
      }
      expect(() => db.prepare('DELETE FROM import_batches WHERE id = 1').run()).toThrow(/never deleted/);
      expect(() => db.prepare("UPDATE import_batches SET file_name = 'x' WHERE id = 1").run()).toThrow(/provenance/);
      expect(() => db.prepare('UPDATE import_batches SET superseded_by = NULL WHERE id = 1').run()).toThrow(
        /superseded once/,
      );
    } finally {
      db.close();
    }

    // Writing goes on where the sequences were, and the audit still passes.
    const sequences = new Map((before.sqlite_sequence as { name: string; seq: number }[]).map((s) => [s.name, s.seq]));
    const again: CoreContext = { store: openDatabase(file), actor: 'test', now: () => FIXED_NOW };
    addManualAdjustment(again, { period: '2026-11', participantCode: 'B', points: 10, reason: 'Late bonus' });
    const last = again.store.sqlite.prepare('SELECT MAX(id) AS id FROM ledger_entries').get() as { id: number };
    expect(last.id).toBe(sequences.get('ledger_entries')! + 1);
    again.store.close();
    expect(audit(file)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a file that already holds a reference to a missing row, and leaves it as it was', () => {
    const file = join(dir, 'dangling.db');
    cpSync(previous, file);
    // Another SQLite tool, without foreign keys, wrote an event naming a payout batch that is not there.
    const tool = new Database(file);
    tool.pragma('foreign_keys = OFF');
    tool.exec('DROP TRIGGER payout_events_state_machine');
    tool
      .prepare(
        "INSERT INTO payout_events (payout_id, event, batch_id, details_json, at, actor) VALUES (1, 'paid', 4242, '{}', 'x', 'x')",
      )
      .run();
    const id = (tool.prepare('SELECT MAX(id) AS id FROM payout_events').get() as { id: number }).id;
    tool.close();
    const before = dump(file);

    let error: unknown;
    try {
      openDatabase(file, { backupPath: (f) => `${f}.bak` }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseForeignKeyError);
    expect((error as Error).message).toContain(
      `payout_events row ${id} has batch_id 4242, which is no row of payout_batches`,
    );
    expect(toErrorData(error)).toEqual({ code: 'DATABASE_INCONSISTENT', message: (error as Error).message });
    expect(dump(file)).toEqual(before);
  });
});

describe('a reference to a missing row', () => {
  it('is refused by the database', () => {
    const ctx = openTestContext();
    const sqlite = ctx.store.sqlite;
    const entry = (column: string, value: number) =>
      sqlite
        .prepare(
          `INSERT INTO ledger_entries (program_id, participant_code, period, kind, points, ${column}, created_at, created_by, prev_hash, hash)
           VALUES (1, 'A', '2026-09', 'adjustment', 1, ?, 'x', 'x', 'x', 'x')`,
        )
        .run(value);
    for (const column of ['sales_line_id', 'batch_id', 'reverses_id'])
      expect(() => entry(column, 999999), column).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
      );
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO payouts (program_id, period, participant_code, participant_name, reference, points, amount_minor, method,
             ledger_entry_id, created_at, created_by) VALUES (1, '2026-09', 'A', 'A', 'R', 1, 1, 'card', 999999, 'x', 'x')`,
        )
        .run(),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
    ctx.store.close();
  });
});
