// The import's tables as a coordinator uses them: the preview's rows and its problems, and a sales batch's stored
// lines, sorted, filtered or searched, a column hidden and still hidden after a reload, saved as xlsx as shown (a
// batch's lines: every line that matches, not only the pages in view); and at 1440 and 1024 px in English, Polish
// and Russian no row number, code, value, amount or header is cut off, and the page scrolls once.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openDatabase } from '../../src-main/db/open-database';
import { importSales } from '../../src-main/core/sales/import-sales';
import type { ImportReport } from '../../src-main/ipc/contract';
import { readWithOpenpyxl } from '../fixtures/read-workbook';
import { expect, openScreen, samplesDir, seedImportFile, seedParticipantsFile, seedProgram, test } from './fixtures';
import { innerScroll } from './grid-checks';
import { writeParticipantsWithProblems } from './wizard-files';

const keysOf = (grid: Locator) =>
  grid.locator('[role="row"][data-key]').evaluateAll((rows) =>
    rows
      .map((r) => ({ index: Number(r.getAttribute('data-index')), key: r.getAttribute('data-key') }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.key),
  );

async function seedSalesBatch(dbFile: string, dir: string, count: number): Promise<ImportReport> {
  seedProgram(dbFile);
  await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
  await seedImportFile(dbFile, 'products', join(samplesDir, 'products.xlsx'));
  const rows = ['Data;Kod przedstawiciela;Indeks;Ilość;Wartość netto;Nr faktury'];
  for (let i = 1; i <= count; i++) {
    const quantity = i === 2 ? 'x' : String(((i * 7) % 50) + 1);
    rows.push(
      `${String((i % 28) + 1).padStart(2, '0')}.09.2026;R000${(i % 9) + 1};DOG-01;${quantity};${(i * 37) % 1000},25;FV/09/${i}`,
    );
  }
  const path = join(dir, 'wrzesien.csv');
  writeFileSync(path, rows.join('\r\n'), 'utf8');
  const store = openDatabase(dbFile);
  try {
    const ctx = { store, actor: 'e2e', now: () => new Date('2026-10-31T09:30:00Z') };
    return await importSales(ctx, { fileName: basename(path), bytes: readFileSync(path) });
  } finally {
    store.close();
  }
}

async function openPreview(page: Page, file: string): Promise<Locator> {
  await page.getByTestId('import-file-input').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  return preview;
}

async function openBatch(page: Page, batchId: number): Promise<Locator> {
  await page.getByTestId('import-batches').locator(`tr[data-batch="${batchId}"]`).getByTestId('open-batch').click();
  const report = page.getByTestId('batch-report');
  await expect(report.getByTestId('batch-lines-grid')).toBeVisible();
  return report;
}

test('the preview’s rows and problems sort, filter, hide a column for good and save what they show', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  seedProgram(dbFile);
  const file = writeParticipantsWithProblems(dataDir);
  await openScreen(page, server, 'import', 'Import');
  let preview = await openPreview(page, file);
  const grid = preview.getByTestId('preview-participants-grid');
  await expect(preview.getByTestId('preview-participants-count')).toHaveText('10 of 10 rows');

  // Sorted by the row number the other way; filtered to the rows with problems, then to the rejected ones.
  await grid.getByTestId('preview-participants-grid-sort-row').click();
  await grid.getByTestId('preview-participants-grid-sort-row').click();
  await expect(grid.getByRole('columnheader', { name: /^Row/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await keysOf(grid)).toEqual(['11', '10', '9', '8', '7', '6', '5', '4', '3', '2']);
  await preview.getByTestId('preview-participants-filter-problems').selectOption('problems');
  await expect(preview.getByTestId('preview-participants-count')).toHaveText('7 of 10 rows');
  await preview.getByTestId('preview-participants-filter-outcome').selectOption('rejected');
  await expect(preview.getByTestId('preview-participants-count')).toHaveText('5 of 10 rows');
  await expect(grid.locator('.preview-row.is-rejected')).toHaveCount(5);
  await preview.getByTestId('preview-participants-filter-outcome').selectOption('');
  await preview.getByTestId('preview-participants-search').fill('zawieszony');
  expect(await keysOf(grid)).toEqual(['10']);
  await preview.getByTestId('preview-participants-search').fill('');

  // The problems: filtered by outcome, searched, sorted by the value.
  await preview.getByTestId('preview-problems').locator(':scope > summary').click();
  const problems = preview.getByTestId('import-problems-grid');
  await expect(problems).toBeVisible();
  await preview.getByTestId('import-problems-search').fill('E-mail');
  await expect(problems.locator('[role="row"][data-key]')).toHaveCount(1);
  await expect(problems.locator('[role="gridcell"][data-column="value"]').first()).toHaveText('agnieszka(at)client');
  await preview.getByTestId('import-problems-search').fill('');

  // A column of the file hidden stays hidden when a file of that kind is read again (after a reload).
  await preview.getByTestId('preview-participants-columns').locator('summary').click();
  await expect(preview.getByTestId('preview-participants-column-row')).toBeDisabled();
  await preview.getByTestId('preview-participants-column-cell:2:E-mail').uncheck();
  await expect(grid.getByRole('columnheader', { name: 'E-mail' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  preview = await openPreview(page, file);
  await expect(
    preview.getByTestId('preview-participants-grid').getByRole('columnheader', { name: 'E-mail' }),
  ).toHaveCount(0);
  await expect(
    preview.getByTestId('preview-participants-grid').getByRole('columnheader', { name: 'Region' }),
  ).toHaveCount(1);

  // Saved as shown: the rows with problems, the row numbers as numbers, without the hidden column.
  await preview.getByTestId('preview-participants-filter-problems').selectOption('problems');
  const downloading = page.waitForEvent('download');
  await preview.getByTestId('preview-participants-save-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Rows of the file.xlsx');
  const saved = join(dataDir, download.suggestedFilename());
  await download.saveAs(saved);
  const [sheet] = readWithOpenpyxl(saved);
  expect(sheet!.rows[0]).toEqual([
    'Row',
    'Outcome',
    'Kod przedstawiciela',
    'Imię i nazwisko',
    'Data przystąpienia',
    'Karta',
    'Status',
    'Region',
    'IBAN',
    'Problems',
  ]);
  expect(sheet!.rows).toHaveLength(8);
  const suspended = sheet!.rows.find((row) => row[0] === 10)!;
  expect(suspended.slice(0, 3)).toEqual([10, 'Rejected', 'R0018']);
  expect(String(suspended[9])).toMatch(/^Status: /);
});

test('a batch’s lines sort and search all of them in the core, hide a column for good and save all that match', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  const batch = await seedSalesBatch(dbFile, dataDir, 250);
  await openScreen(page, server, 'import', 'Import');
  let report = await openBatch(page, batch.batchId);
  const lines = () => report.getByTestId('batch-lines-grid');
  await expect(report.getByTestId('batch-lines-count')).toHaveText('249 lines');

  // By net value, the highest first: of all 249 lines, not of the first page.
  await lines().getByTestId('batch-lines-grid-sort-netMinor').click();
  await lines().getByTestId('batch-lines-grid-sort-netMinor').click();
  await expect(lines().getByRole('columnheader', { name: /Net value/ })).toHaveAttribute('aria-sort', 'descending');
  const values = Array.from({ length: 250 }, (_, k) => k + 1)
    .filter((i) => i !== 2)
    .map((i) => ({ i, minor: ((i * 37) % 1000) * 100 + 25 }))
    .sort((a, b) => b.minor - a.minor || a.i - b.i);
  await expect(lines().locator('[role="row"][aria-rowindex="2"] [data-column="documentNo"]')).toHaveText(
    `FV/09/${values[0]!.i}`,
  );

  // Searched in the core: the count is of every line that matches.
  await report.getByTestId('batch-lines-search').fill('R0003');
  const r0003 = values.filter((v) => (v.i % 9) + 1 === 3);
  await expect(report.getByTestId('batch-lines-count')).toHaveText(`${r0003.length} lines`);

  // A column hidden stays hidden after a reload; the row and the code cannot be hidden.
  await report.getByTestId('batch-lines-columns').locator('summary').click();
  await expect(report.getByTestId('batch-lines-column-participantCode')).toBeDisabled();
  await report.getByTestId('batch-lines-column-productName').uncheck();
  await expect(lines().getByRole('columnheader', { name: 'Product' })).toHaveCount(0);
  await page.reload();
  report = await openBatch(page, batch.batchId);
  await expect(lines().getByRole('columnheader', { name: 'Product' })).toHaveCount(0);
  await expect(lines().getByRole('columnheader', { name: 'SKU' })).toHaveCount(1);

  // Saved: every line that matches, in the table's order, amounts as money.
  await lines().getByTestId('batch-lines-grid-sort-netMinor').click();
  await expect(lines().getByRole('columnheader', { name: /Net value/ })).toHaveAttribute('aria-sort', 'ascending');
  const downloading = page.waitForEvent('download');
  await report.getByTestId('batch-lines-save-xlsx').click();
  const download = await downloading;
  await expect(report.getByTestId('batch-lines-saved')).toHaveText(
    `Saved 249 lines in Lines of import ${batch.batchId}.xlsx`,
  );
  const saved = join(dataDir, download.suggestedFilename());
  await download.saveAs(saved);
  const [sheet] = readWithOpenpyxl(saved);
  expect(sheet!.rows[0]).toEqual([
    'Row',
    'Code',
    'Participant',
    'Date',
    'SKU',
    'Quantity',
    'Net value',
    'Document number',
  ]);
  const body = sheet!.rows.slice(1);
  expect(body).toHaveLength(249);
  const ascending = [...values].sort((a, b) => a.minor - b.minor || a.i - b.i);
  expect(body.map((row) => row[7])).toEqual(ascending.map((v) => `FV/09/${v.i}`));
  expect(body.map((row) => row[6])).toEqual(ascending.map((v) => v.minor / 100));
  expect(sheet!.formats[1]![6]).toBe('#,##0.00 "PLN"');
});

/** Cells and headers whose text is wider than their box; a long text in a growing column shows whole on hover. */
async function cutCells(grid: Locator): Promise<string[]> {
  return grid.evaluate((root) =>
    [...root.querySelectorAll('[role="gridcell"], [role="columnheader"] button span')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .filter((cell) => {
        const column = cell.getAttribute('data-column') ?? '';
        const title = cell.getAttribute('title') ?? '';
        const hover = ['reason', 'problems', 'participantName'].includes(column);
        return !(hover && title !== '' && (cell.textContent ?? '').includes(title));
      })
      .map((cell) => `${cell.closest('[data-column]')?.getAttribute('data-column')}: ${cell.textContent}`),
  );
}

// One test per width, the three languages in turn on one page: a language switched in place must lay the tables out
// again as well as a fresh load does.
for (const width of [1440, 1024]) {
  test(`at ${width} px in en, pl and ru no value or header of the import tables is cut off`, async ({
    page,
    server,
    dbFile,
    dataDir,
  }, testInfo) => {
    test.slow();
    const batch = await seedSalesBatch(dbFile, dataDir, 120);
    const participants = writeParticipantsWithProblems(dataDir);
    await page.setViewportSize({ width, height: 800 });
    await openScreen(page, server, 'import', 'Import');

    for (const language of ['en', 'pl', 'ru'] as const) {
      await test.step(language, async () => {
        await page.getByTestId('language-select').selectOption(language);
        await expect(page.locator('html')).toHaveAttribute('lang', language);

        // A stored batch: its problems and its lines.
        const report = await openBatch(page, batch.batchId);
        for (const grid of [report.getByTestId('import-problems-grid'), report.getByTestId('batch-lines-grid')]) {
          await expect(grid.locator('[role="row"][data-key]').first()).toBeVisible();
          expect(await cutCells(grid)).toEqual([]);
          expect(await innerScroll(grid)).toBeLessThanOrEqual(1);
        }
        if (language !== 'en') await page.screenshot({ path: testInfo.outputPath(`batch-${width}-${language}.png`) });

        // A preview's rows and problems.
        await report.getByTestId('batch-back').click();
        const preview = await openPreview(page, participants);
        await preview.getByTestId('preview-problems').locator(':scope > summary').click();
        for (const grid of [
          preview.getByTestId('preview-participants-grid'),
          preview.getByTestId('import-problems-grid'),
        ]) {
          await expect(grid.locator('[role="row"][data-key]').first()).toBeVisible();
          expect(await cutCells(grid)).toEqual([]);
          expect(await innerScroll(grid)).toBeLessThanOrEqual(1);
        }
        const rowCell = preview
          .getByTestId('preview-participants-grid')
          .locator('[role="gridcell"][data-column="row"]')
          .first();
        const before = (await rowCell.boundingBox())!.x;
        await preview.getByTestId('preview-participants-grid').evaluate((root) => {
          root.querySelector('.grid-body-scroll')!.scrollLeft = 300;
        });
        await page.waitForTimeout(100);
        expect((await rowCell.boundingBox())!.x).toBeCloseTo(before, 0);
        await preview.getByTestId('preview-participants-grid').evaluate((root) => {
          root.querySelector('.grid-body-scroll')!.scrollLeft = 0;
        });
        if (language !== 'en') await page.screenshot({ path: testInfo.outputPath(`preview-${width}-${language}.png`) });
        // Back to the start for the next language: the preview is left without importing it.
        await page.goto(`${server.url}#/import`);
        await expect(page.getByTestId('import-batches')).toBeVisible();
      });
    }
  });
}
