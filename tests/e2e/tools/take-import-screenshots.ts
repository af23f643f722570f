// Screenshots of every step of the import wizard, for looking at it as a person would:
//   npx tsx tests/e2e/tools/take-import-screenshots.ts [outDir]     (default /tmp/shots4)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from '../../../src-main/web/web-server';
import { rendererDir, samplesDir, seedImportFile, seedParticipantsFile, seedProgram } from '../fixtures';
import {
  SALES_OCTOBER,
  writeCorrectedSales,
  writeLargeParticipants,
  writeParticipantsWithProblems,
  writeUnknownHeaderParticipants,
} from '../wizard-files';

const outDir = process.argv[2] ?? '/tmp/shots4';
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'loyalty-shots4-'));
const dbFile = join(work, 'loyalty.db');

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  // Let transitions (the progress bar, focus rings) settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage });
  console.log(`${outDir}/${name}.png`);
}

async function scrollMain(page: Page, to: 'top' | 'bottom' | number): Promise<void> {
  await page.locator('#main').evaluate((main, where) => {
    main.scrollTo({ top: where === 'top' ? 0 : where === 'bottom' ? main.scrollHeight : Number(where) });
  }, to);
}

/**
 * The reading step of a big file while its bar moves, then cancelled (or, if the core read it all at once, the preview
 * cancelled).
 */
async function readingShot(page: Page, name: string): Promise<void> {
  await page.getByTestId('reading-progress').waitFor();
  const moving = page.waitForFunction(
    `Number(document.querySelector('[data-testid="reading-progress"]')?.getAttribute('aria-valuenow') ?? 0) > 5`,
  );
  const done = page.getByTestId('import-preview').waitFor();
  await Promise.race([moving, done]);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${outDir}/${name}.png`);
  const cancel = page.getByTestId('import-cancel-reading').or(page.getByTestId('import-cancel'));
  await cancel.first().click();
  await page.getByTestId('import-notice').waitFor();
}

seedProgram(dbFile);
await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
await seedImportFile(dbFile, 'products', join(samplesDir, 'products.xlsx'));

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: executablePath ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
});
const server = await startWebServer({ dbFile, rendererDir, actor: 'anna', coreHost: 'built' });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'en-US' });
  await page.goto(`${server.url}#/import`);
  await page.getByTestId('language-select').selectOption('en');
  await page.getByTestId('import-step-choose').waitFor();
  await shot(page, '01-choose-participants');

  await page.getByTestId('kind-sales').click();
  await page.getByTestId('sales-options').waitFor();
  await shot(page, '02-choose-sales');

  // Reading: a big file, photographed while the bar moves, then cancelled.
  await page.getByTestId('kind-participants').click();
  await page.getByTestId('import-file-input').setInputFiles(writeLargeParticipants(work, 250_000));
  await readingShot(page, '03-reading');
  await shot(page, '04-cancelled');

  // Mapping: a column no synonym knows.
  await page.getByTestId('import-file-input').setInputFiles(writeUnknownHeaderParticipants(work));
  await page.getByTestId('import-step-mapping').or(page.getByTestId('import-error')).first().waitFor();
  await shot(page, '05-mapping');
  if (await page.getByTestId('import-step-mapping').isVisible()) {
    await page.getByTestId('mapping-select-code').selectOption('Numer handlowca');
    await shot(page, '05b-mapping-chosen');
    await page.getByTestId('mapping-apply').click();
    await page.getByTestId('import-preview').waitFor();
    await shot(page, '06-preview-after-mapping');
    await page.getByTestId('import-cancel').click();
  } else {
    await page.getByTestId('kind-participants').click();
  }

  // A participants file with problems, then its layout changed.
  await page.getByTestId('import-file-input').setInputFiles(writeParticipantsWithProblems(work));
  await page.getByTestId('import-preview').waitFor();
  await shot(page, '07-preview-problems');
  await scrollMain(page, 420);
  await shot(page, '07b-preview-problems-rows');
  await page.getByTestId('preview-problems').locator('summary').click();
  await scrollMain(page, 'bottom');
  await shot(page, '07c-preview-problems-list');
  await scrollMain(page, 'top');
  await page.getByTestId('adjust-columns').click();
  await page.getByTestId('import-step-mapping').waitFor();
  await shot(page, '08-adjust-columns');
  await page.getByTestId('mapping-back').click();
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-report').waitFor();
  const download = page.waitForEvent('download', { timeout: 10_000 }).catch(() => null);
  await page.getByTestId('export-error-report').click();
  await download;
  await shot(page, '09-done-participants');

  // Sales, period from the file.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('kind-sales').click();
  await page.getByTestId('import-file-input').setInputFiles(SALES_OCTOBER);
  await page.getByTestId('import-preview').or(page.getByTestId('import-error')).first().waitFor();
  await shot(page, '10-preview-sales');
  if (await page.getByTestId('import-preview').isVisible()) {
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor();
    await shot(page, '11-done-sales');
    await scrollMain(page, 'bottom');
    await shot(page, '11b-history');
    await scrollMain(page, 'top');

    // A corrected file replacing it.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('kind-sales').click();
    await page.getByTestId('correction-yes').check();
    await shot(page, '12-choose-correction');
    await page.getByTestId('import-file-input').setInputFiles(writeCorrectedSales(work));
    await page.getByTestId('import-preview').or(page.getByTestId('import-error')).first().waitFor();
    await shot(page, '13-preview-correction');
    await scrollMain(page, 380);
    await shot(page, '13b-preview-correction-diff');
    if (await page.getByTestId('import-preview').isVisible()) {
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-report').waitFor();
      await scrollMain(page, 'bottom');
      await shot(page, '14-history-superseded');
    }
  }

  // A file that is not what it says.
  const bad = join(work, 'bad.xlsx');
  writeFileSync(bad, Buffer.from('not a workbook at all'.repeat(50)));
  await scrollMain(page, 'top');
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file-input').setInputFiles(bad);
  await page.getByTestId('import-error').waitFor();
  await shot(page, '15-error');

  // Russian and Polish.
  await page.getByTestId('language-select').selectOption('ru');
  await page.getByTestId('kind-sales').click();
  await shot(page, '20-ru-choose-sales');
  await page.getByTestId('kind-participants').click();
  await page
    .getByTestId('import-file-input')
    .setInputFiles(writeParticipantsWithProblems(work, 'участники-ноябрь.csv', 'Северо-Запад'));
  await page.getByTestId('import-preview').or(page.getByTestId('import-error')).first().waitFor();
  await shot(page, '21-ru-preview');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-report').waitFor();
  await shot(page, '21b-ru-done');
  await page.getByRole('button', { name: 'Импортировать ещё файл' }).click();
  await page.getByTestId('import-file-input').setInputFiles(writeUnknownHeaderParticipants(work));
  await page.getByTestId('import-step-mapping').or(page.getByTestId('import-error')).first().waitFor();
  await shot(page, '22-ru-mapping');

  await page.getByTestId('language-select').selectOption('pl');
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file-input').setInputFiles(writeLargeParticipants(work, 200_000));
  await readingShot(page, '23-pl-reading');
  await page.getByTestId('kind-sales').click();
  await page.getByTestId('period-mode-month').check();
  await shot(page, '24-pl-choose-sales-month');

  const small = await browser.newPage({ viewport: { width: 1024, height: 720 }, locale: 'pl-PL' });
  await small.goto(`${server.url}#/import`);
  await small.getByTestId('import-step-choose').waitFor();
  await small
    .getByTestId('import-file-input')
    .setInputFiles(writeParticipantsWithProblems(work, 'uczestnicy-grudzień.csv', 'Pomorskie'));
  await small.getByTestId('import-preview').or(small.getByTestId('import-error')).first().waitFor();
  await shot(small, '25-pl-preview-1024');
  await small.getByTestId('adjust-columns').click();
  await small.getByTestId('import-step-mapping').waitFor();
  await shot(small, '26-pl-mapping-1024');
  await small.getByTestId('mapping-back').click();
  await small.getByTestId('import-cancel').click();
  await small.getByTestId('kind-sales').click();
  await small.getByTestId('correction-yes').check();
  await shot(small, '27-pl-choose-sales-1024');
} finally {
  await server.close();
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
