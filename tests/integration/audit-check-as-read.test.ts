// The largest tables of an audit package checked as their CSV is read (check-as-read.ts), as the CLI does while the
// recomputation runs on its own thread: the report must be the one the usual checks make on a database rebuilt from
// every table (the same problems, in the same order, the same counts), for an untouched package and for each way an
// auditee could change those tables; and the untouched tables must really be taken as read, not all sent to SQLite.
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyAuditPackage } from '../../src-main/core/audit/verify-audit-package';
import { CHECKED_AS_READ, checkTableAsRead, type SealOfTable } from '../../src-main/core/audit/check-as-read';
import { approvalHeads } from '../../src-main/core/ledger/verify-ledger';
import { readSalesLines, salesLinesAsRead } from '../../src-main/core/audit/read-sales-lines';
import { rebuildDatabase } from '../../src-main/core/audit/rebuild-database';
import { NOT_RECOMPUTED_COLUMNS } from '../../src-main/core/audit/recompute-thread';
import { csvChunks } from '../../src-main/core/audit/table-csv';
import { openDatabase } from '../../src-main/db/open-database';
import { sealedColumns, sealRows } from '../../src-main/db/seal-rows';
import type { CoreContext } from '../../src-main/core/context';
import { caseOpener } from '../fixtures/staged-database';
import { editTable, splitLine, tampered, septemberPackage } from '../fixtures/tamper-package';

const open = caseOpener();

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
    const { ctx, zip } = await septemberPackage(open);
    expect(wholeness(ctx, zip)).toEqual({ sales_lines: true, approved_lines: true, ledger_entries: true });
    const report = sameReport(zip);
    expect(report.ok).toBe(true);
    expect(report.counts.ledgerEntries).toBeGreaterThan(0);
    expect(report.counts.rows).toBeGreaterThan(0);
  });

  it('reports each change of those tables exactly as the usual checks do', async () => {
    const { ctx, zip } = await septemberPackage(open);
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
    const { ctx, zip } = await septemberPackage(open);
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
    const { ctx, zip } = await septemberPackage(open);
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

describe('a seal re-derived from the CSV’s own text', () => {
  // Lines as SQLite's json_array writes them, against the CSV as the export writes it: nulls first, between and
  // last, Polish and Cyrillic names, a doubled quote, a backslash, a line feed inside quotes, a tab.
  const plainNames: (string | null)[] = [null, 'Zoo Łódź Sp. z o.o.', 'ООО «Ромашка»', 'Sklep "Pod Psem"', ''];
  const otherNames = [...plainNames, 'C:\\exports\\9', 'two\nlines', 'tab\there'];

  function sealedSales(names: (string | null)[]): {
    bytes: Uint8Array;
    seal: SealOfTable;
    columns: { name: string; type: string; rowid: boolean }[];
  } {
    const store = openDatabase(':memory:', { sealer: () => null });
    const sqlite = store.sqlite;
    try {
      sqlite.pragma('foreign_keys = OFF');
      const insert = sqlite.prepare(
        `INSERT INTO sales_lines (id, program_id, batch_id, source_row, sale_date, period, participant_code, sku,
           quantity, net_minor, document_no, line_no, participant_name, product_name, line_key)
         VALUES (?, 1, 1, ?, '2026-09-01', '2026-09', ?, 'CAT-07', ?, ?, ?, NULL, ?, ?, ?)`,
      );
      names.forEach((name, i) =>
        insert.run(i + 1, i + 2, `P${i}`, i - 3, 12_345 * i, i % 2 ? null : `FV/${i}`, name, name, `k${i}`),
      );
      const columns = sealedColumns(sqlite, 'sales_lines');
      const sealed = sealRows(sqlite, 'sales_lines', columns, 0, names.length)!;
      const { header, chunks } = csvChunks(sqlite, 'sales_lines');
      const bytes = Buffer.concat([Buffer.from(header), ...chunks]);
      const info = sqlite.prepare('PRAGMA table_info(sales_lines)').all() as {
        name: string;
        type: string;
        pk: number;
      }[];
      return {
        bytes,
        seal: {
          id: 1,
          columns: columns.join(','),
          first_rowid: sealed.firstRowid,
          last_rowid: sealed.lastRowid,
          row_count: sealed.rowCount,
          digest: sealed.digest,
        },
        columns: info.map((c) => ({ name: c.name, type: c.type, rowid: c.pk === 1 })),
      };
    } finally {
      store.close();
    }
  }

  // The first piece holds no backslash or control character: its records are taken as their own JSON, but the one
  // with a doubled quote. The second holds some: every record is written as JSON from its values.
  for (const [name, names] of [
    ['its own text', plainNames],
    ['its values', otherNames],
  ] as const) {
    it(`matches SQLite’s lines, the JSON made from ${name}, and not once a value changes`, () => {
      const { bytes, seal, columns } = sealedSales(names);
      const check = (csv: Uint8Array) => checkTableAsRead({ table: 'sales_lines', bytes: csv, columns, seals: [seal] });
      expect(check(bytes)).toMatchObject({ whole: true, rows: names.length });
      const text = Buffer.from(bytes).toString('utf8');
      for (const [from, to] of [
        ['"Zoo Łódź', '"Zoo Lodz'],
        ['ООО', 'OOO'],
        ['Pod Psem""', 'Pod Psom""'],
        [',-3,', ',-4,'],
        [',,,', ',"",,'],
      ] as const) {
        expect(text.includes(from), from).toBe(true);
        expect(check(Buffer.from(text.replace(from, to))).whole, `${from} -> ${to}`).toBe(false);
      }
      // The same number written otherwise is the same value: SQLite keeps -3 as the usual checks read it back.
      // Taken from the text, it is not the sealed line, and the table goes to those checks; from the values, it is.
      expect(check(Buffer.from(text.replace(',-3,', ',-03,'))).whole).toBe(names === otherNames);
    });
  }
});
