// The database the recomputation's thread works on (recompute-database.ts): only what the recomputation reads, the
// sales lines kept as read and left out where nothing asks for them by id or by code, the ledger summed between the
// approvals' cuts. Its recomputation must find what the recomputation on every table rebuilt row by row finds, for
// an untouched package and for changed ones; and the ledger's sums up to each cut must be the ledger's.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rebuildDatabase } from '../../src-main/core/audit/rebuild-database';
import { recomputeDatabase } from '../../src-main/core/audit/recompute-database';
import { ledgerCuts } from '../../src-main/core/audit/recompute-approved';
import { insertLedgerBySpans } from '../../src-main/core/audit/ledger-by-spans';
import { NOT_RECOMPUTED_COLUMNS } from '../../src-main/core/audit/recompute-thread';
import { Problems, recomputeAll } from '../../src-main/core/audit/verify-audit-package';
import type { CoreContext } from '../../src-main/core/context';
import { caseOpener } from '../fixtures/staged-database';
import { editTable, tampered, septemberPackage } from '../fixtures/tamper-package';

const open = caseOpener();

function tablesOf(zip: string) {
  const entries = unzipSync(readFileSync(zip));
  return Object.keys(entries)
    .filter((p) => p.startsWith('tables/'))
    .map((path) => ({ table: path.slice('tables/'.length, -'.csv'.length), path, bytes: entries[path]! }));
}

/** The recomputation on the thread's database and on every table rebuilt, as JSON. */
function bothWays(zip: string) {
  const made = recomputeDatabase(tablesOf(zip));
  const whole = rebuildDatabase(tablesOf(zip), () => undefined);
  whole.buildIndexes();
  try {
    const hasSales = made.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sales_lines'").get() !== undefined;
    return {
      hasSales,
      lines: made.lines !== undefined,
      made: JSON.parse(JSON.stringify(recomputeAll(made.sqlite, new Problems(), made.lines))),
      usual: JSON.parse(JSON.stringify(recomputeAll(whole.store.sqlite, new Problems()))),
    };
  } finally {
    made.dispose();
    whole.dispose();
  }
}

const rowOf = (ctx: CoreContext, sql: string) => ctx.store.sqlite.prepare(sql).pluck().get() as number;

describe('the recomputation’s own database', () => {
  it('recomputes an untouched package and changed ones as every table rebuilt does', async () => {
    const { ctx, zip } = await septemberPackage(open);
    const clean = bothWays(zip);
    expect(clean.made).toEqual(clean.usual);
    expect(clean.usual.differences).toBe(0);
    expect(clean.lines).toBe(true);
    const line = rowOf(
      ctx,
      "SELECT id FROM sales_lines WHERE participant_code = 'B' AND sku = 'CAT-07' AND period = '2026-09' ORDER BY id",
    );
    const entry = rowOf(ctx, "SELECT id FROM ledger_entries WHERE kind = 'earn' ORDER BY id LIMIT 1 OFFSET 2");
    const approved = rowOf(ctx, 'SELECT id FROM approved_lines ORDER BY id LIMIT 1 OFFSET 1');
    for (const [name, edit] of [
      ['sales quantity', editTable('sales_lines', line, 'quantity', (f) => String(Number(f) * 3))],
      ['ledger points', editTable('ledger_entries', entry, 'points', (f) => String(Number(f) + 100))],
      ['approved points', editTable('approved_lines', approved, 'points', (f) => String(Number(f) + 1))],
      ['quantity as text', editTable('sales_lines', line, 'quantity', (f) => `"${f}"`)],
      ['points as text', editTable('ledger_entries', entry, 'points', (f) => `"${f}"`)],
    ] as const) {
      const result = bothWays(tampered(zip, edit, true, `${name.replace(/ /g, '-')}.zip`));
      expect(result.made, name).toEqual(result.usual);
      if (!name.endsWith('as text')) expect(result.usual.differences, name).toBeGreaterThan(0);
    }
  });

  it('leaves the sales lines out where no decision moves or leaves out lines, and recomputes alike', async () => {
    const { ctx, zip } = await septemberPackage(open);
    // The fixture's one decision that moves a line, made an acceptance: nothing asks for lines by id or code then.
    const assign = rowOf(ctx, "SELECT id FROM verification_decisions WHERE action = 'assign'");
    const line = rowOf(
      ctx,
      "SELECT id FROM sales_lines WHERE participant_code = 'B' AND sku = 'CAT-07' AND period = '2026-09' ORDER BY id",
    );
    const accept = editTable('verification_decisions', assign, 'action', () => '"accept"');
    const still = bothWays(tampered(zip, accept, true, 'no-moves.zip'));
    expect(still).toMatchObject({ hasSales: false, lines: true });
    expect(still.made).toEqual(still.usual);
    const changed = bothWays(
      tampered(
        zip,
        (entries) => {
          accept(entries);
          editTable('sales_lines', line, 'quantity', (f) => String(Number(f) * 3))(entries);
        },
        true,
        'no-moves-quantity.zip',
      ),
    );
    expect(changed.hasSales).toBe(false);
    expect(changed.made).toEqual(changed.usual);
    expect(changed.usual.differences).toBeGreaterThan(still.usual.differences);
  });

  it('keeps the sales lines in the database where a decision moves or leaves out lines', async () => {
    const { ctx, zip } = await septemberPackage(open);
    const moving = rowOf(
      ctx,
      "SELECT (SELECT COUNT(*) FROM verification_decisions WHERE action IN ('assign', 'exclude')) + (SELECT COUNT(*) FROM standing_decisions)",
    );
    expect(bothWays(zip).hasSales).toBe(moving > 0);
  });

  it('sums the ledger between the approvals’ cuts as the ledger sums up to each of them', async () => {
    const { zip } = await septemberPackage(open);
    const whole = rebuildDatabase(tablesOf(zip), () => undefined);
    const summed = rebuildDatabase(
      tablesOf(zip).filter((t) => t.table !== 'ledger_entries'),
      () => undefined,
      NOT_RECOMPUTED_COLUMNS,
    );
    try {
      const cuts = ledgerCuts(whole.store.sqlite)!;
      expect(cuts.length).toBeGreaterThan(0);
      const ledger = tablesOf(zip).find((t) => t.table === 'ledger_entries')!;
      expect(insertLedgerBySpans(summed.store.sqlite, ledger.bytes, cuts)).toBe(true);
      const sums = (db: typeof whole, cut: number) =>
        db.store.sqlite
          .prepare(
            `SELECT program_id, participant_code, period, kind, corrects_period, SUM(points) FROM ledger_entries
             WHERE id <= ? GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
          )
          .raw()
          .all(cut);
      for (const cut of cuts) {
        expect(sums(summed, cut)).toEqual(sums(whole, cut));
        expect(sums(whole, cut).length).toBeGreaterThan(0);
      }
      const rows = (db: typeof whole) =>
        db.store.sqlite.prepare('SELECT COUNT(*) FROM ledger_entries').pluck().get() as number;
      expect(rows(summed)).toBeLessThan(rows(whole));
      // Ids out of order: left to the usual rebuild.
      const text = Buffer.from(ledger.bytes).toString('utf8').split('\n');
      [text[1], text[2]] = [text[2]!, text[1]!];
      expect(insertLedgerBySpans(summed.store.sqlite, Buffer.from(text.join('\n')), cuts)).toBe(false);
    } finally {
      whole.dispose();
      summed.dispose();
    }
  });
});
