// The largest tables of an audit package checked as their CSV is read (check-as-read.ts), as the CLI does while the
// recomputation runs on its own thread: the report must be the one the usual checks make on a database rebuilt from
// every table (the same problems, in the same order, the same counts), for an untouched package and for each way an
// auditee could change those tables; and the untouched tables must really be taken as read, not all sent to SQLite.
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportAuditPackage } from '../../src-main/core/audit/export-audit-package';
import { verifyAuditPackage } from '../../src-main/core/audit/verify-audit-package';
import { CHECKED_AS_READ, checkTableAsRead, type SealOfTable } from '../../src-main/core/audit/check-as-read';
import { approvalHeads } from '../../src-main/core/ledger/verify-ledger';
import { readSalesLines, salesLinesAsRead } from '../../src-main/core/audit/read-sales-lines';
import { rebuildDatabase } from '../../src-main/core/audit/rebuild-database';
import { NOT_RECOMPUTED_COLUMNS } from '../../src-main/core/audit/recompute-thread';
import type { CoreContext } from '../../src-main/core/context';
import { septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { editTable, splitLine, tampered } from '../fixtures/tamper-package';

const open = caseOpener();

async function packaged(): Promise<{ ctx: CoreContext; zip: string }> {
  const { ctx, dir } = await open(septemberClosed);
  const zip = `${dir}/audit.zip`;
  exportAuditPackage(ctx, zip);
  return { ctx, zip };
}

/** The two ways of verifying give one report; returns it. */
function sameReport(zip: string) {
  const asRead = JSON.parse(JSON.stringify(verifyAuditPackage(zip, { checkAsRead: true })));
  const usual = JSON.parse(JSON.stringify(verifyAuditPackage(zip, { checkAsRead: false })));
  expect(asRead).toEqual(usual);
  return usual as ReturnType<typeof verifyAuditPackage>;
}

/** Whether each table checked as read is found whole, on the package's own seals. */
function wholeness(ctx: CoreContext, zip: string): Record<string, boolean> {
  const entries = unzipSync(readFileSync(zip));
  const sqlite = ctx.store.sqlite;
  const out: Record<string, boolean> = {};
  for (const table of CHECKED_AS_READ) {
    const info = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; pk: number }[];
    out[table] = checkTableAsRead({
      table,
      bytes: entries[`tables/${table}.csv`]!,
      columns: info.map((c) => ({ name: c.name, type: c.type, rowid: c.pk === 1 })),
      seals: sqlite
        .prepare(
          'SELECT id, columns, first_rowid, last_rowid, row_count, digest FROM record_seals WHERE table_name = ?',
        )
        .all(table) as SealOfTable[],
      chainKept: approvalHeads(sqlite).kept,
    }).whole;
  }
  return out;
}

const rowOf = (ctx: CoreContext, sql: string) => ctx.store.sqlite.prepare(sql).pluck().get() as number;

describe('the largest tables checked as their CSV is read', () => {
  it('finds an untouched package whole, without rebuilding them, and reports it as the usual checks do', async () => {
    const { ctx, zip } = await packaged();
    expect(wholeness(ctx, zip)).toEqual({ sales_lines: true, approved_lines: true, ledger_entries: true });
    const report = sameReport(zip);
    expect(report.ok).toBe(true);
    expect(report.counts.ledgerEntries).toBeGreaterThan(0);
    expect(report.counts.rows).toBeGreaterThan(0);
  });

  it('reports each change of those tables exactly as the usual checks do', async () => {
    const { ctx, zip } = await packaged();
    const entry = rowOf(ctx, "SELECT id FROM ledger_entries WHERE kind = 'earn' ORDER BY id LIMIT 1 OFFSET 2");
    const line = rowOf(ctx, "SELECT id FROM sales_lines WHERE participant_code = 'B' ORDER BY id LIMIT 1");
    const approved = rowOf(ctx, 'SELECT id FROM approved_lines ORDER BY id LIMIT 1 OFFSET 1');
    const cases: [string, (entries: Record<string, Uint8Array>) => void, string][] = [
      ['ledger points', editTable('ledger_entries', entry, 'points', (f) => String(Number(f) + 100)), 'ledger_entries'],
      ['sales quantity', editTable('sales_lines', line, 'quantity', (f) => String(Number(f) * 3)), 'sales_lines'],
      [
        'approved points',
        editTable('approved_lines', approved, 'points', (f) => String(Number(f) + 1)),
        'approved_lines',
      ],
      // The same number as text, which SQLite's INTEGER column turns back into the number.
      ['quantity as text', editTable('sales_lines', line, 'quantity', (f) => `"${f}"`), 'sales_lines'],
      ['a participant code as a number', editTable('sales_lines', line, 'participant_code', () => '7'), 'sales_lines'],
      ['a REAL', editTable('approved_lines', approved, 'points', (f) => `${f}.5`), 'approved_lines'],
      ['a row deleted', dropRow('ledger_entries', entry), 'ledger_entries'],
      ['a row added', addRow('approved_lines'), 'approved_lines'],
      ['the rows out of order', swapRows('sales_lines'), 'sales_lines'],
      ['a line cut short', cutLine('ledger_entries', entry), 'ledger_entries'],
    ];
    for (const [name, edit, table] of cases) {
      const bad = tampered(zip, edit, true, `${name.replace(/ /g, '-')}.zip`);
      const whole = wholeness(ctx, bad);
      const report = sameReport(bad);
      // What SQLite's rebuild makes the same again: not taken as read, and found clean by the usual checks.
      if (name === 'quantity as text' || name === 'the rows out of order') {
        expect(whole[table], name).toBe(false);
        expect(report.ok, name).toBe(true);
        continue;
      }
      expect({ name, whole: whole[table], ok: report.ok }).toEqual({ name, whole: false, ok: false });
    }
  });
});

function csvOf(entries: Record<string, Uint8Array>, table: string): string[] {
  return Buffer.from(entries[`tables/${table}.csv`]!).toString('utf8').split('\n');
}

function setCsv(entries: Record<string, Uint8Array>, table: string, lines: string[]): void {
  entries[`tables/${table}.csv`] = strToU8(lines.join('\n'));
}

function dropRow(table: string, rowid: number) {
  return (entries: Record<string, Uint8Array>) =>
    setCsv(
      entries,
      table,
      csvOf(entries, table).filter((l, i) => i === 0 || !l.startsWith(`${rowid},`)),
    );
}

/** The last row again under the next id. */
function addRow(table: string) {
  return (entries: Record<string, Uint8Array>) => {
    const lines = csvOf(entries, table);
    const last = lines.filter(Boolean).pop()!;
    const fields = splitLine(last);
    fields[0] = String(Number(fields[0]) + 1);
    lines.splice(lines.length - 1, 0, fields.join(','));
    setCsv(entries, table, lines);
  };
}

function swapRows(table: string) {
  return (entries: Record<string, Uint8Array>) => {
    const lines = csvOf(entries, table);
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    setCsv(entries, table, lines);
  };
}

function cutLine(table: string, rowid: number) {
  return (entries: Record<string, Uint8Array>) =>
    setCsv(
      entries,
      table,
      csvOf(entries, table).map((l) => (l.startsWith(`${rowid},`) ? l.slice(0, l.lastIndexOf(',')) : l)),
    );
}

describe('the sales lines the recomputation takes as their CSV goes into its database', () => {
  function rebuiltWithLines(zip: string) {
    const entries = unzipSync(readFileSync(zip));
    const tables = Object.keys(entries)
      .filter((p) => p.startsWith('tables/'))
      .map((path) => ({ table: path.slice('tables/'.length, -'.csv'.length), path, bytes: entries[path]! }));
    const sales = salesLinesAsRead();
    const rebuilt = rebuildDatabase(tables, () => undefined, NOT_RECOMPUTED_COLUMNS, sales.watch);
    return { sqlite: rebuilt.store.sqlite, read: sales.lines(), dispose: () => rebuilt.dispose() };
  }

  it('are the lines SQLite gives back, period by period, in the same order', async () => {
    const { ctx, zip } = await packaged();
    const { sqlite, read, dispose } = rebuiltWithLines(zip);
    try {
      expect(read).toBeDefined();
      const periods = ctx.store.sqlite
        .prepare('SELECT DISTINCT program_id, period, batch_id FROM sales_lines ORDER BY 1, 2, 3')
        .raw()
        .all() as [number, string, number][];
      expect(periods.length).toBeGreaterThan(0);
      for (const [programId, period, batch] of periods) {
        const sources = JSON.stringify([batch]);
        const fromCsv = readSalesLines(sqlite, programId, period, sources, read);
        expect(fromCsv.length).toBeGreaterThan(0);
        expect(fromCsv).toEqual(readSalesLines(sqlite, programId, period, sources));
      }
    } finally {
      dispose();
    }
  });

  it('are given up for SQLite’s at a value not of its column’s type', async () => {
    const { ctx, zip } = await packaged();
    const line = rowOf(ctx, 'SELECT id FROM sales_lines ORDER BY id LIMIT 1');
    const bad = tampered(
      zip,
      editTable('sales_lines', line, 'quantity', (f) => `"${f}"`),
      true,
      'text-quantity.zip',
    );
    const { read, dispose } = rebuiltWithLines(bad);
    dispose();
    expect(read).toBeUndefined();
  });
});
