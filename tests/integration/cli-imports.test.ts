// The "done when": the CLI imports every file of ../shared/samples into a program made
// from examples/reference-program.json, and the counts it reports match the files (counted
// here independently: openpyxl for the workbooks, plain text for the CSV). Also --dry-run,
// --map, --period and --replace from a terminal.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open-database';
import { hasOpenpyxl, makeTempDir, SYSTEM_PYTHON } from '../fixtures/client-files';
import { repoRoot, samplesDir } from '../fixtures/repo-paths';
import { tableCounts } from '../fixtures/test-database';
import { runLoyalty as loyalty } from '../fixtures/run-cli';
import type { CoreContext } from '../../src-main/core/context';

const reference = join(repoRoot, 'examples', 'reference-program.json');

async function json(args: string[]) {
  const run = await loyalty([...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

function countsOf(db: string): Record<string, number> {
  const store = openDatabase(db);
  try {
    return tableCounts({ store } as CoreContext);
  } finally {
    store.close();
  }
}

/** Rows under the header (the first filled row) that hold anything, as openpyxl sees the first sheet. */
function dataRowsOfXlsx(path: string): number {
  const script = String.raw`
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
rows = [r for r in ws.iter_rows(values_only=True) if any(c is not None and str(c).strip() != '' for c in r)]
print(len(rows) - 1)
`;
  return Number(execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' }).trim());
}

function dataRowsOfCsv(path: string): number {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.replace(/[;,\s]/g, '') !== '');
  return lines.length - 1;
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir('loyalty-cli-imports-');
});

describe('loyalty import, all the sample files', () => {
  it.skipIf(!hasOpenpyxl)(
    'imports every sample into the reference program with counts that match the files',
    async () => {
      const db = join(dir, 'samples.db');
      expect((await loyalty(['program', 'init', '--config', reference, '--db', db])).code).toBe(0);
      const files: [kind: string, name: string][] = [
        ['participants', 'participants.xlsx'],
        ['products', 'products.xlsx'],
        ['targets', 'targets.xlsx'],
        ['sales', 'sales-2026-09.xlsx'],
        ['sales', 'sales-2026-10.csv'],
      ];
      const batchIds: number[] = [];
      for (const [kind, name] of files) {
        const path = join(samplesDir, name);
        const rows = name.endsWith('.csv') ? dataRowsOfCsv(path) : dataRowsOfXlsx(path);
        expect(rows).toBeGreaterThan(0);
        const report = await json(['import', kind, path, '--db', db]);
        expect(report, name).toMatchObject({
          kind,
          fileName: name,
          rowsRead: rows,
          accepted: rows,
          rejected: 0,
          skipped: 0,
          duplicates: 0,
          problems: [],
        });
        expect(typeof report.batchId).toBe('number');
        batchIds.push(report.batchId);
      }
      expect(new Set(batchIds).size).toBe(files.length);

      const counts = countsOf(db);
      expect(counts.participants).toBe(dataRowsOfXlsx(join(samplesDir, 'participants.xlsx')));
      expect(counts.products).toBe(dataRowsOfXlsx(join(samplesDir, 'products.xlsx')));
      expect(counts.targets).toBe(dataRowsOfXlsx(join(samplesDir, 'targets.xlsx')));
      expect(counts.sales_lines).toBe(
        dataRowsOfXlsx(join(samplesDir, 'sales-2026-09.xlsx')) + dataRowsOfCsv(join(samplesDir, 'sales-2026-10.csv')),
      );
      expect(counts.import_batches).toBe(5);

      const batches = ctxBatches(db);
      expect(batches.map((b) => [b.kind, b.period])).toEqual([
        ['participants', null],
        ['products', null],
        ['targets', null],
        ['sales', '2026-09'],
        ['sales', '2026-10'],
      ]);

      // The same file again is refused in one line, naming the first batch.
      const again = await loyalty(['import', 'sales', join(samplesDir, 'sales-2026-10.csv'), '--db', db]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        new RegExp(`^loyalty: This file was already imported as batch ${batchIds[4]} \\("sales-2026-10\\.csv", .+\\n$`),
      );
    },
    180_000,
  );

  it('--dry-run prints the preview and writes nothing', async () => {
    const db = join(dir, 'dry.db');
    expect((await loyalty(['program', 'init', '--config', reference, '--db', db])).code).toBe(0);
    const before = countsOf(db);
    const preview = await json(['import', 'sales', join(samplesDir, 'sales-2026-10.csv'), '--db', db, '--dry-run']);
    expect(preview).toMatchObject({
      batchId: null,
      dryRun: true,
      kind: 'sales',
      period: '2026-10',
      rowsRead: 73,
      accepted: 73,
      rejected: 0,
      skipped: 0,
      duplicates: 0,
    });
    expect(preview.headers).toEqual(['Data', 'Kod przedstawiciela', 'Indeks', 'Ilość', 'Wartość netto', 'Nr faktury']);
    expect(preview.rows[0]).toEqual({
      row: 2,
      cells: ['05.10.2026', 'R0001', 'TOY-3', '5', '37,55', 'FV/10/69'],
      status: 'accepted',
    });
    expect(Array.isArray(preview.problems)).toBe(true);
    const text = await loyalty([
      'import',
      'participants',
      join(samplesDir, 'participants.xlsx'),
      '--db',
      db,
      '--dry-run',
    ]);
    expect(text.stdout).toMatch(/^Preview, nothing written: participants from participants\.xlsx/);
    expect(text.stdout).toMatch(/Rows read 12: accepted 12, rejected 0, skipped 0, duplicates 0\./);
    expect(countsOf(db)).toEqual(before);
    // The file previewed is not "already imported".
    expect((await json(['import', 'sales', join(samplesDir, 'sales-2026-10.csv'), '--db', db])).accepted).toBe(73);
  }, 180_000);

  it('takes --map, --period and --replace, and refuses what does not fit in one line', async () => {
    const db = join(dir, 'options.db');
    expect((await loyalty(['program', 'init', '--config', reference, '--db', db])).code).toBe(0);
    const file = join(dir, 'erp.csv');
    writeFileSync(
      file,
      'Dzień;Klient;Towar;Szt.;Kwota\n30.09.2026;R0001;DOG-01;1;10,00\n01.10.2026;R0002;CAT-07;2;20,00\n',
    );
    const noHeader = await loyalty(['import', 'sales', file, '--db', db]);
    expect(noHeader.code).toBe(1);
    expect(noHeader.stderr).toMatch(/^loyalty: No header row was found/);
    const mapArgs = [
      '--map',
      'date=Dzień',
      '--map',
      'participantCode=Klient',
      '--map',
      'sku=Towar',
      '--map',
      'quantity=Szt.',
      '--map',
      'netValue=Kwota',
    ];
    const spans = await loyalty(['import', 'sales', file, '--db', db, ...mapArgs]);
    expect(spans.stderr).toBe(
      'loyalty: The dates in "erp.csv" fall in 2026-09 (1 line) and 2026-10 (1 line); say which period the file is for (--period YYYY-MM) and the dates outside it will be listed as errors.\n',
    );
    const first = await json(['import', 'sales', file, '--db', db, ...mapArgs, '--period', '2026-10']);
    expect(first).toMatchObject({
      period: '2026-10',
      accepted: 1,
      rejected: 1,
      mapping: { date: 'Dzień', netValue: 'Kwota' },
    });
    expect(first.problems.find((p: { code: string }) => p.code === 'OUTSIDE_PERIOD')).toMatchObject({
      row: 2,
      column: 'Dzień',
      value: '30.09.2026',
      severity: 'error',
    });

    const corrected = join(dir, 'erp-korekta.csv');
    writeFileSync(corrected, 'Dzień;Klient;Towar;Szt.;Kwota\n01.10.2026;R0002;CAT-07;2;22,00\n');
    // The same header row: the mapping is remembered; the preview shows the replacement.
    const preview = await json([
      'import',
      'sales',
      corrected,
      '--db',
      db,
      '--replace',
      String(first.batchId),
      '--dry-run',
    ]);
    expect(preview.fields.find((f: { field: string }) => f.field === 'netValue')).toEqual({
      field: 'netValue',
      required: true,
      header: 'Kwota',
      source: 'remembered',
    });
    expect(preview.replacement).toMatchObject({
      replacesBatchId: first.batchId,
      added: 1,
      removed: 1,
      changed: 0,
      unchanged: 0,
    });
    const replaced = await json(['import', 'sales', corrected, '--db', db, '--replace', String(first.batchId)]);
    expect(replaced).toMatchObject({ replacedBatchId: first.batchId, accepted: 1 });
    const batches = ctxBatches(db);
    expect(batches.find((b) => b.id === first.batchId)?.superseded_by).toBe(replaced.batchId);

    const text = await loyalty(['import', 'sales', corrected, '--db', db, '--replace', String(first.batchId)]);
    expect(text.stderr).toMatch(/^loyalty: This file was already imported/);
    const third = join(dir, 'erp-3.csv');
    writeFileSync(third, 'Dzień;Klient;Towar;Szt.;Kwota\n01.10.2026;R0002;CAT-07;2;23,00\n');
    const twice = await loyalty(['import', 'sales', third, '--db', db, '--replace', String(first.batchId)]);
    expect(twice.stderr).toBe(
      `loyalty: Batch ${first.batchId} ("erp.csv") was already replaced by batch ${replaced.batchId}; replace batch ${replaced.batchId} instead.\n`,
    );
    expect((await loyalty(['import', 'sales', file, '--db', db, '--map', 'nonsense'])).stderr).toBe(
      'loyalty: --map takes field=Header, such as --map netValue="Kwota netto", not "nonsense".\n',
    );
    expect((await loyalty(['import', 'products', file, '--db', db, '--period', '2026-10'])).stderr).toBe(
      'loyalty: A period is given with sales files only, not with a products file.\n',
    );
    expect((await loyalty(['import', 'sales', file, '--db', db, '--replace', 'x'])).stderr).toBe(
      'loyalty: --replace takes a whole number, not "x".\n',
    );
  }, 180_000);
});

function ctxBatches(db: string) {
  const store = openDatabase(db);
  try {
    return store.sqlite.prepare('SELECT id, kind, period, superseded_by FROM import_batches ORDER BY id').all() as {
      id: number;
      kind: string;
      period: string | null;
      superseded_by: number | null;
    }[];
  } finally {
    store.close();
  }
}
