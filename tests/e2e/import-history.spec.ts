// The import history opens each import's report again (counts, every problem with its row,
// column and value, the lines it stored page by page, what it replaced and what replaced it),
// the Dashboard's rejected rows lead to it, a file imported twice opens the earlier import,
// and a sales file of another program is flagged before anything is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDatabase } from '../../src-main/db/open-database';
import { importSales } from '../../src-main/core/sales/import-sales';
import type { ImportReport } from '../../src-main/ipc/contract';
import { expect, openScreen, samplesDir, seedImportFile, seedParticipantsFile, seedProgram, test } from './fixtures';

async function seedReferenceProgram(dbFile: string): Promise<void> {
  seedProgram(dbFile);
  await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
  await seedImportFile(dbFile, 'products', join(samplesDir, 'products.xlsx'));
}

/** A sales import through the core, as the CLI makes it, optionally replacing an earlier batch. */
async function seedSales(dbFile: string, path: string, replaceBatchId?: number): Promise<ImportReport> {
  const store = openDatabase(dbFile);
  try {
    const ctx = { store, actor: 'e2e', now: () => new Date('2026-10-31T09:30:00Z') };
    const file = { fileName: basename(path), bytes: readFileSync(path) };
    return await importSales(ctx, file, replaceBatchId === undefined ? {} : { replaceBatchId });
  } finally {
    store.close();
  }
}

const HEADER = 'Data;Kod przedstawiciela;Indeks;Ilość;Wartość netto;Nr faktury';

/** A September sales CSV of `count` lines; row 3's quantity is "x" unless `fixed`. */
function writeSeptember(dir: string, name: string, count: number, fixed = false): string {
  const rows = [HEADER];
  for (let i = 1; i <= count; i++) {
    const quantity = i === 2 && !fixed ? 'x' : String(i);
    const code = `R000${(i % 9) + 1}`;
    rows.push(`${String((i % 28) + 1).padStart(2, '0')}.09.2026;${code};DOG-01;${quantity};${i},25;FV/09/${i}`);
  }
  const path = join(dir, name);
  writeFileSync(path, rows.join('\r\n'), 'utf8');
  return path;
}

test('reopens an import from the history: problems with row, column and value, its lines page by page, and the replacing import', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedReferenceProgram(dbFile);
  const first = await seedSales(dbFile, writeSeptember(dataDir, 'wrzesien.csv', 150));
  const second = await seedSales(dbFile, writeSeptember(dataDir, 'wrzesien-korekta.csv', 150, true), first.batchId);

  await openScreen(page, server, 'import', 'Import');
  const history = page.getByTestId('import-batches');
  await history.locator(`tr[data-batch="${first.batchId}"]`).getByTestId('open-batch').click();

  const report = page.getByTestId('batch-report');
  await expect(report.getByRole('heading', { name: `Import #${first.batchId}: wrzesien.csv` })).toBeFocused();
  await expect(report.getByTestId('batch-facts')).toContainText('by e2e');
  await expect(report.getByTestId('stat-rows-read').locator('.stat-value')).toHaveText('150');
  await expect(report.getByTestId('stat-accepted').locator('.stat-value')).toHaveText('149');
  await expect(report.getByTestId('stat-rejected').locator('.stat-value')).toHaveText('1');
  const problem = report.getByTestId('import-problems').locator('[role="row"][data-key]').first();
  await expect(problem.locator('[data-column="row"]')).toHaveText('3');
  await expect(problem.locator('[data-column="column"]')).toHaveText('Ilość');
  await expect(problem.locator('[data-column="value"]')).toHaveText('x');
  await expect(report.getByTestId('export-error-report')).toBeVisible();

  // 149 lines, handed over a hundred at a time as they scroll into view; the last one is reached by the page.
  const lines = report.getByTestId('batch-lines');
  await expect(lines.getByTestId('batch-lines-count')).toHaveText('149 lines');
  const linesGrid = lines.getByTestId('batch-lines-grid');
  await expect(linesGrid).toHaveAttribute('aria-rowcount', '150');
  await expect(linesGrid.locator('[role="row"][aria-rowindex="2"]')).toContainText('R0002');
  await linesGrid.locator('[role="row"][aria-rowindex="2"]').focus();
  await page.keyboard.press('End');
  await expect(linesGrid.locator('[role="row"][aria-rowindex="150"]')).toContainText('FV/09/150');

  // Replaced, and the replacing import names it back.
  await expect(report.getByTestId('batch-replaced-by')).toContainText(`import #${second.batchId}`);
  await report.getByTestId(`open-batch-${second.batchId}`).click();
  await expect(report.getByRole('heading', { name: `Import #${second.batchId}: wrzesien-korekta.csv` })).toBeVisible();
  await expect(report.getByTestId('stat-accepted').locator('.stat-value')).toHaveText('150');
  await expect(report.getByTestId('batch-replaces')).toContainText(`import #${first.batchId}`);
  await expect(report.getByTestId('batch-replaced-by')).toHaveCount(0);
  await report.getByTestId(`open-batch-${first.batchId}`).click();
  await expect(report.getByRole('heading', { name: `Import #${first.batchId}: wrzesien.csv` })).toBeVisible();

  await report.getByTestId('batch-back').click();
  await expect(page.getByTestId('wizard-steps')).toBeVisible();
});

test('the Dashboard’s rejected rows open the report of the import that rejected them', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedReferenceProgram(dbFile);
  const batch = await seedSales(dbFile, writeSeptember(dataDir, 'wrzesien.csv', 20));
  await openScreen(page, server, 'dashboard', 'Dashboard');
  const rejected = page.getByTestId('pipeline-2026-09').getByTestId('pipeline-rejected');
  await expect(rejected).toHaveText('1 row rejected');
  await rejected.click();
  const report = page.getByTestId('batch-report');
  await expect(report.getByRole('heading', { name: `Import #${batch.batchId}: wrzesien.csv` })).toBeVisible();
  await expect(report.getByTestId('import-problems')).toContainText('Ilość');
});

test('a file already imported names the earlier import and opens it', async ({ page, server, dbFile }) => {
  await seedReferenceProgram(dbFile);
  const earlier = await seedSales(dbFile, join(samplesDir, 'sales-2026-10.csv'));

  await openScreen(page, server, 'import', 'Import');
  await page.getByTestId('kind-sales').click();
  await page.getByTestId('import-file-input').setInputFiles(join(samplesDir, 'sales-2026-10.csv'));
  const refusal = page.getByTestId('already-imported');
  await expect(refusal).toBeVisible({ timeout: 20_000 });
  await expect(refusal).toBeInViewport();
  await expect(refusal).toContainText(`import #${earlier.batchId} (sales-2026-10.csv)`);
  await expect(refusal).toContainText('by e2e');
  await refusal.getByTestId('open-earlier-import').click();
  await expect(
    page.getByTestId('batch-report').getByRole('heading', { name: `Import #${earlier.batchId}: sales-2026-10.csv` }),
  ).toBeVisible();
});

test('a sales file of another program is flagged at the top of the preview and waits for confirmation', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedReferenceProgram(dbFile);
  // 16 codes over 30 lines, of which only R0001 is a participant (lines 1 and 17).
  const rows = [HEADER];
  for (let i = 0; i < 30; i++) {
    const code = i % 16 === 0 ? 'R0001' : `X-${i % 16}`;
    rows.push(`${String((i % 28) + 1).padStart(2, '0')}.10.2026;${code};DOG-01;1;10,00;FV/X/${i + 1}`);
  }
  const path = join(dataDir, 'inny-program.csv');
  writeFileSync(path, rows.join('\r\n'), 'utf8');

  await openScreen(page, server, 'import', 'Import');
  await page.getByTestId('kind-sales').click();
  await page.getByTestId('import-file-input').setInputFiles(path);
  const preview = page.getByTestId('import-preview');
  const warning = preview.getByTestId('unknown-codes-warning');
  await expect(warning).toBeVisible({ timeout: 20_000 });
  await expect(warning.getByTestId('unknown-codes-figures')).toHaveText(
    '15 of 16 participant codes are unknown to this program (28 of 30 lines).',
  );
  await expect(warning).toContainText('X-1, X-2, X-3, X-4, X-5');
  // At the top: above the counts.
  const warningBox = (await warning.boundingBox())!;
  const countsBox = (await preview.getByTestId('preview-counts').boundingBox())!;
  expect(warningBox.y).toBeLessThan(countsBox.y);

  const commit = preview.getByTestId('import-commit');
  await expect(commit).toBeDisabled();
  await warning.getByTestId('unknown-codes-confirm').check();
  await expect(commit).toBeEnabled();
  await commit.click();

  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('stat-accepted').locator('.stat-value')).toHaveText('30');
  await report.getByTestId('go-to-scoring').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring' })).toBeVisible();
  expect(page.url()).toContain('#/scoring?period=2026-10');
});
