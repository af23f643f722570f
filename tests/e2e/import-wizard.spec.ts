// The import wizard end to end, against the real core behind the web server: sales with
// the period from the file, columns chosen by the operator, cancelling a big file while it
// is read, a corrected sales file replacing the earlier one, and the error report export.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe-check';
import { expect, openScreen, samplesDir, seedImportFile, seedParticipantsFile, seedProgram, test } from './fixtures';
import {
  csvDataRows,
  SALES_OCTOBER,
  writeCorrectedSales,
  writeParticipantsWithProblems,
  writeUnknownHeaderParticipants,
} from './wizard-files';

/** The program of examples/reference-program.json with the client's participants and products in it. */
async function seedReferenceProgram(dbFile: string): Promise<void> {
  seedProgram(dbFile);
  await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
  // Sales refer to products; the products runner may not exist in an older core.
  await seedImportFile(dbFile, 'products', join(samplesDir, 'products.xlsx'));
}

/** Notes in the page whether the reading step was ever shown, however briefly a small file is read. */
async function watchForReadingStep(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__sawReading = false;
    const seen = () => { if (document.querySelector('[data-testid="reading-progress"]')) window.__sawReading = true; };
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
  })()`);
}

async function sawReadingStep(page: Page): Promise<boolean> {
  return (await page.evaluate('window.__sawReading === true')) as boolean;
}

test('walks the wizard for the October sales file: progress, preview with the period from the file, commit, report and history', async ({
  page,
  server,
  dbFile,
}) => {
  await seedReferenceProgram(dbFile);
  const dataRows = csvDataRows(SALES_OCTOBER).length;
  await openScreen(page, server, 'import', 'Import');

  await page.getByTestId('kind-sales').click();
  const options = page.getByTestId('sales-options');
  await expect(options.getByRole('radio', { name: /Take it from the file/ })).toBeChecked();
  await expect(options.getByRole('radio', { name: /A new file/ })).toBeChecked();
  // No earlier sales import: nothing to correct.
  await expect(page.getByTestId('correction-yes')).toBeDisabled();

  await watchForReadingStep(page);
  await page.getByTestId('import-file-input').setInputFiles(SALES_OCTOBER);

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  expect(await sawReadingStep(page), 'the reading step with its progress bar was shown').toBe(true);
  await expect(page.getByTestId('wizard-steps').locator('[aria-current="step"]')).toContainText('Check');
  await expect(preview.getByTestId('stat-rows-read').locator('.stat-value')).toHaveText(String(dataRows));
  await expect(preview.getByTestId('stat-accepted').locator('.stat-value')).toHaveText(String(dataRows));
  await expect(preview.getByTestId('stat-rejected').locator('.stat-value')).toHaveText('0');
  await expect(preview.getByTestId('stat-duplicates').locator('.stat-value')).toHaveText('0');
  await expect(preview.getByTestId('preview-period')).toHaveAttribute('data-period', '2026-10');
  await expect(preview.getByTestId('preview-period')).toHaveText('Period: October 2026, taken from the file’s dates');
  await expect(preview.getByTestId('import-mapping')).toContainText('Kod przedstawiciela');
  await expect(preview.getByTestId('preview-rows').locator('[role="row"][data-index="0"]')).toContainText('R0001');
  await expect(page.getByTestId('import-batches').locator('tr[data-kind="sales"]')).toHaveCount(0);

  await preview.getByRole('button', { name: `Import ${dataRows} rows` }).click();

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('stat-accepted').locator('.stat-value')).toHaveText(String(dataRows));
  await expect(report.getByTestId('report-period')).toHaveText('Period: October 2026');
  await expect(report.getByRole('link', { name: 'View participants' })).toHaveCount(0);
  const batch = page.getByTestId('import-batches').locator('tr[data-kind="sales"]');
  await expect(batch).toHaveCount(1);
  await expect(batch).toContainText('sales-2026-10.csv');
  await expect(batch).toContainText('October 2026');
  await expect(batch).toContainText(String(dataRows));
});

test('a column no synonym knows is chosen by the operator, then accepted and remembered', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'import', 'Import');
  await page.getByTestId('import-file-input').setInputFiles(writeUnknownHeaderParticipants(dataDir));

  const mapping = page.getByTestId('import-step-mapping');
  await expect(mapping).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Match the columns' })).toBeFocused();
  const code = mapping.getByTestId('mapping-select-code');
  await expect(code).toHaveValue('');
  await expect(mapping.getByTestId('mapping-row-code')).toContainText('required');
  await expect(mapping.getByTestId('mapping-row-code')).toContainText('Not found');
  await expect(mapping.getByTestId('mapping-row-name')).toContainText('Recognised by its header');
  await expect(mapping.getByTestId('mapping-apply')).toBeDisabled();
  await expect(mapping).toContainText('1 required field still needs a column.');
  await expectNoSeriousViolations(page, 'import: match the columns');

  await code.selectOption('Numer handlowca');
  await expect(mapping.getByTestId('mapping-row-code')).toContainText('H-101');
  await mapping.getByTestId('mapping-apply').click();

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByTestId('stat-accepted').locator('.stat-value')).toHaveText('3');
  await expect(preview.getByTestId('import-mapping')).toContainText('Numer handlowca');
  await expect(preview.getByTestId('import-mapping')).toContainText('Chosen by you');
  await preview.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-report').getByTestId('stat-accepted').locator('.stat-value')).toHaveText('3');

  // The next file with the same headers needs no choosing: the columns are remembered.
  const next = join(dataDir, 'handlowcy-listopad.csv');
  const text = readFileSync(writeUnknownHeaderParticipants(dataDir), 'utf8').replace(
    'H-103;Maria Wójcik',
    'H-104;Jan Zieliński',
  );
  writeFileSync(next, text, 'utf8');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(next);
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByTestId('import-mapping')).toContainText('Remembered from an earlier file');
});

test('the reading step is accessible, and cancelling before the file has even arrived imports nothing', async ({
  page,
  server,
  dbFile,
}) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'import', 'Import');
  // The file is held on its way to the core, so that the step stays still while it is looked at.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/import.start', async (route) => {
    await held;
    await route.continue();
  });
  const sent = page.waitForResponse('**/api/call/import.start');

  await page.getByTestId('import-file-input').setInputFiles(join(samplesDir, 'participants.xlsx'));
  const reading = page.getByTestId('import-step-reading');
  await expect(reading).toBeVisible();
  await expect(page.getByTestId('reading-rows')).toHaveText('Sending the file…');
  await expect(page.getByTestId('reading-progress')).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByTestId('wizard-steps').locator('[aria-current="step"]')).toContainText('File');
  await expectNoSeriousViolations(page, 'import: reading');

  await reading.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('import-notice')).toHaveText('The import was cancelled; nothing was imported.');
  release();
  await sent;
  // The job the core started for the file is cancelled as soon as its id comes back: nothing is imported.
  await expect(page.getByTestId('import-step-choose')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No file has been imported yet.')).toBeVisible();
});

test('a corrected sales file shows its differences before it replaces the earlier import', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedReferenceProgram(dbFile);
  const first = await seedImportFile(dbFile, 'sales', SALES_OCTOBER);
  expect(first, 'the core imports sales').not.toBeNull();
  await openScreen(page, server, 'import', 'Import');

  await page.getByTestId('kind-sales').click();
  await page.getByTestId('correction-yes').check();
  // The one earlier sales import is chosen already.
  await expect(page.getByTestId('replace-batch')).toHaveValue(String(first?.batchId));
  await page.getByTestId('import-file-input').setInputFiles(writeCorrectedSales(dataDir));

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  const diff = preview.getByTestId('replacement-diff');
  await expect(diff).toContainText('This file replaces sales-2026-10.csv');
  await expect(diff.getByTestId('stat-diff-added').locator('.stat-value')).toHaveText('1');
  await expect(diff.getByTestId('stat-diff-removed').locator('.stat-value')).toHaveText('2');
  await expect(diff.getByTestId('stat-diff-changed').locator('.stat-value')).toHaveText('1');
  await expect(diff.getByRole('table')).toContainText('FV/10/900');
  await expect(preview.getByTestId('stat-rejected').locator('.stat-value')).toHaveText('1');
  await expect(preview.locator('[role="row"].preview-row.is-rejected')).toContainText('dwa');

  await preview.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  const earlier = page.getByTestId('import-batches').locator(`tr[data-batch="${first?.batchId}"]`);
  await expect(earlier.getByTestId('superseded-mark')).toHaveText(/^Superseded by #\d+$/);
});

test('the error report of a preview and of the imported batch downloads as an xlsx', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'import', 'Import');
  await page.getByTestId('import-file-input').setInputFiles(writeParticipantsWithProblems(dataDir));

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  // Rows with problems are marked, with their reasons in words in the row.
  await expect(preview.locator('[role="row"].preview-row.is-rejected')).toHaveCount(5);
  await expect(preview.locator('[role="row"].preview-row.is-skipped')).toHaveCount(1);
  // An e-mail that cannot be read costs the participant nothing but the e-mail: a warning on a row taken.
  await expect(preview.locator('[role="row"].preview-row.is-accepted.has-problems')).toHaveCount(1);
  await expect(preview.getByTestId('preview-rows')).toContainText('This is not an email address.');

  const fromPreview = page.waitForEvent('download', { timeout: 15_000 });
  await preview.getByTestId('export-error-report').click();
  const download = await fromPreview;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = join(dataDir, download.suggestedFilename());
  await download.saveAs(saved);
  // An xlsx is a zip: it starts with a local file header.
  expect(readFileSync(saved).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

  await preview.getByTestId('import-commit').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  const fromBatch = page.waitForEvent('download', { timeout: 15_000 });
  await report.getByTestId('export-error-report').click();
  const batchDownload = await fromBatch;
  expect(batchDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const savedBatch = join(dataDir, `batch-${batchDownload.suggestedFilename()}`);
  await batchDownload.saveAs(savedBatch);
  expect(readFileSync(savedBatch).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
});
