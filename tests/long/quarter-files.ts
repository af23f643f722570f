// The quarter of issue 15, item 6 (September to November 2026 of the reference program), as
// the client would send it: the samples for September and October, and for November files
// written with openpyxl the way a client's Excel would. The CLI journey (quarter-cli.test.ts)
// and the UI journey (quarter-ui.spec.ts) take the same files, the same clock and the same
// operator, so that their ledgers must come out entry for entry the same.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not tests/fixtures/repo-paths: that one needs __dirname, which Playwright's ES modules lack.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const samplesDir = resolve(repoRoot, '..', 'shared', 'samples');

/** Every step of both journeys happens at this instant (the core's clock is fixed). */
export const QUARTER_NOW = '2026-12-05T09:00:00.000Z';
/** Who did it, as recorded with every entry. */
export const QUARTER_ACTOR = 'quarter';
export const REFERENCE_PROGRAM = join(repoRoot, 'examples', 'reference-program.json');

/** The reasons typed into the decisions: the same words in both journeys. */
export const REASONS = {
  accept: 'Checked against the invoices with the client.',
  overBudget: 'The client approved the November top-ups over the cut budget by e-mail on 3 December.',
  rules: 'The client cut the monthly budget to 1,000.00 PLN from November.',
  restore: 'Restored the backup taken after October to check it holds everything.',
} as const;

/** The November budget the client cut to, so that November is approved over budget. */
export const CUT_BUDGET_MINOR = 100_000;

export interface QuarterFiles {
  participants: string;
  products: string;
  targets: string;
  targetsNovember: string;
  salesSeptember: string;
  salesOctober: string;
  /** September again, one line corrected (R0001's first invoice: 28 units, not 18), after September was approved. */
  salesSeptemberCorrected: string;
  salesNovember: string;
}

const PYTHON = '/usr/bin/python3';

function python(script: string, args: string[]): void {
  const run = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr || run.error?.message}`);
}

// November's sales: September's lines moved to the same days of November, with invoices of
// their own; R0004's quantities doubled so that the month differs from September.
const NOVEMBER_SALES = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
for row in ws.iter_rows(min_row=2):
    date, code, sku, qty, value, invoice = (c.value for c in row[:6])
    if date is None: continue
    row[0].value = datetime.datetime(2026, 11, min(date.day, 30))
    row[5].value = invoice.replace('INV-', 'INV-11-')
    if code == 'R0004':
        row[3].value = qty * 2
        row[4].value = round(value * 2, 2)
wb.save(sys.argv[2])
`;

const SEPTEMBER_CORRECTED = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
ws.cell(row=2, column=4).value = 28
ws.cell(row=2, column=5).value = 1499.12
wb.save(sys.argv[2])
`;

const NOVEMBER_TARGETS = `
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Targets'
ws.append(['Rep code', 'Period', 'Target'])
for i in range(1, 13):
    ws.append(['R%04d' % i, '2026-11', 2000 + 500 * (i % 5)])
wb.save(sys.argv[1])
`;

/** Writes the quarter's client files into dir (the samples are copied, November is written by openpyxl). */
export function writeQuarterFiles(dir: string): QuarterFiles {
  const copy = (name: string) => {
    const to = join(dir, name);
    copyFileSync(join(samplesDir, name), to);
    return to;
  };
  const files: QuarterFiles = {
    participants: copy('participants.xlsx'),
    products: copy('products.xlsx'),
    targets: copy('targets.xlsx'),
    salesSeptember: copy('sales-2026-09.xlsx'),
    salesOctober: copy('sales-2026-10.csv'),
    targetsNovember: join(dir, 'targets-2026-11.xlsx'),
    salesSeptemberCorrected: join(dir, 'sales-2026-09-corrected.xlsx'),
    salesNovember: join(dir, 'sales-2026-11.xlsx'),
  };
  python(NOVEMBER_SALES, [files.salesSeptember, files.salesNovember]);
  python(SEPTEMBER_CORRECTED, [files.salesSeptember, files.salesSeptemberCorrected]);
  python(NOVEMBER_TARGETS, [files.targetsNovember]);
  return files;
}

/** The rules of the reference program with the November budget cut: what the rules screen or `rules set` saves. */
export function cutBudgetRules(): Record<string, unknown> {
  const program = JSON.parse(readFileSync(REFERENCE_PROGRAM, 'utf8')) as { rules: Record<string, unknown> };
  return { ...program.rules, budget: { perPeriodMinor: CUT_BUDGET_MINOR } };
}

export interface ExportedTopUp {
  reference: string;
  /** The amount as the file gives it ("182,00"). */
  amount: string;
}

/** The card issuer's csv (the built-in template: Reference;Card;Name;Participant code;Amount;...) read back. */
export function topUpsOfCsv(path: string): ExportedTopUp[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = (lines[0] ?? '').split(';');
  const ref = header.indexOf('Reference');
  const amount = header.indexOf('Amount');
  if (ref < 0 || amount < 0) throw new Error(`${path} has no Reference or Amount column: ${lines[0]}`);
  return lines.slice(1).map((line) => {
    const cells = line.split(';');
    return { reference: cells[ref] ?? '', amount: cells[amount] ?? '' };
  });
}

/**
 * The issuer's answer to a payout file: every top-up paid, but the one for failedReference
 * (when given) refused. Written as the issuer's portal does: semicolons, Polish status words.
 */
export function writeConfirmation(exported: string, to: string, failedReference?: string): string {
  const rows = topUpsOfCsv(exported).map(
    (t) => `${t.reference};${t.amount};${t.reference === failedReference ? 'odrzucono' : 'OK'}`,
  );
  writeFileSync(to, ['Reference;Amount;Status', ...rows].join('\r\n'), 'utf8');
  return to;
}

export interface LedgerSnapshot {
  entries: Record<string, unknown>[];
  head: string;
}

/** Every ledger entry as stored, in order, and the chain's head: what both journeys must agree on. */
export function readLedger(dbFile: string): LedgerSnapshot {
  const db = new Database(dbFile, { readonly: true });
  try {
    const entries = db.prepare('SELECT * FROM ledger_entries ORDER BY id').all() as Record<string, unknown>[];
    const last = entries.at(-1);
    return { entries, head: typeof last?.hash === 'string' ? last.hash : '' };
  } finally {
    db.close();
  }
}
