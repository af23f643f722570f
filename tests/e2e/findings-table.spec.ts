// The verification table as a coordinator uses it on the demo's September file: sorted by the money a finding is
// about (all its lines, as a number), a column hidden for good, saved as xlsx as shown; and at 1440 and 1024 px in
// every language no code, name, kind or amount is cut off and the page scrolls once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWithOpenpyxl } from '../fixtures/read-workbook';
import { expect, openScreen, repoRoot, seedImportFile, seedParticipantsFile, seedProgram, test } from './fixtures';

const DEMO = join(repoRoot, 'examples', 'demo');

async function seedSeptember(dbFile: string): Promise<void> {
  seedProgram(dbFile, JSON.parse(readFileSync(join(DEMO, 'demo-program.json'), 'utf8')) as Record<string, unknown>);
  await seedParticipantsFile(dbFile, join(DEMO, 'participants.xlsx'));
  for (const [kind, file] of [
    ['products', 'products.xlsx'],
    ['targets', 'targets.xlsx'],
    ['sales', 'sales-2026-09.xlsx'],
  ] as const)
    await seedImportFile(dbFile, kind, join(DEMO, file));
}

const columnTexts = (page: Page, column: string) =>
  page
    .getByTestId('findings-table')
    .locator(`.grid-body [role="row"] [data-column="${column}"]`)
    .evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));

/** "9 710,21 PLN" or "9,710.21 PLN" as minor units. */
const minor = (text: string) => (text === '' ? null : Number(text.replace(/[^\d-]/g, '')));

test('the findings table sorts by amount, hides a column for good and saves what it shows', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedSeptember(dbFile);
  await openScreen(page, server, 'verification?period=2026-09', 'Verification');
  const table = page.getByTestId('findings-table');
  await expect(table.locator('.grid-body [role="row"]')).toHaveCount(10);

  // Sorted by the amount as a number, largest first on the second click; findings about no money last either way.
  await page.getByTestId('findings-table-sort-amount').click();
  const ascending = (await columnTexts(page, 'amount')).map(minor);
  const amounts = ascending.filter((a): a is number => a !== null);
  expect(amounts.length).toBeGreaterThan(3);
  expect(amounts).toEqual([...amounts].sort((x, y) => x - y));
  expect(ascending.slice(amounts.length).every((a) => a === null)).toBe(true);
  await page.getByTestId('findings-table-sort-amount').click();
  const descending = (await columnTexts(page, 'amount')).map(minor).filter((a): a is number => a !== null);
  expect(descending).toEqual([...amounts].reverse());

  // The kind hidden stays hidden after a reload; the code and name cannot be hidden.
  await page.getByTestId('findings-columns').locator('summary').click();
  await expect(page.getByTestId('findings-column-subject')).toBeDisabled();
  await page.getByTestId('findings-column-kind').uncheck();
  await expect(table.getByRole('columnheader', { name: 'Kind' })).toHaveCount(0);
  await page.reload();
  await expect(table.locator('.grid-body [role="row"]')).toHaveCount(10);
  await expect(table.getByRole('columnheader', { name: 'Kind' })).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Amount' })).toHaveCount(1);

  // Saved as shown: no kind column, the findings in the order shown, money as numbers in the program's currency.
  await page.getByTestId('findings-table-sort-amount').click();
  const shownCodes = await columnTexts(page, 'subject');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('findings-save-xlsx').click();
  const download = await downloading;
  const file = join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const [sheet] = readWithOpenpyxl(file);
  // Only open findings are listed: their status column, which would say "Open" alone, is not shown nor saved.
  expect(sheet!.rows[0]).toEqual(['Code', 'Name', 'Lines', 'Amount']);
  const body = sheet!.rows.slice(1);
  expect(body.map((r) => r[0])).toEqual(shownCodes);
  expect(body.map((r) => (r[3] === null ? null : Math.round((r[3] as number) * 100)))).toEqual(
    (await columnTexts(page, 'amount')).map(minor),
  );
  const amountRow = body.findIndex((r) => r[3] !== null);
  expect(sheet!.formats[amountRow + 1]![3]).toBe('#,##0.00 "PLN"');
});

for (const width of [1440, 1024]) {
  test(`at ${width} px in en, pl and ru no cell or header of the findings table is cut off, and the page scrolls once`, async ({
    page,
    server,
    dbFile,
  }) => {
    test.slow();
    await seedSeptember(dbFile);
    await page.setViewportSize({ width, height: 760 });
    await openScreen(page, server, 'verification?period=2026-09', 'Verification');
    const table = page.getByTestId('findings-table');
    for (const language of ['en', 'pl', 'ru'] as const) {
      await page.getByTestId('language-select').selectOption(language);
      await page.getByTestId('verify-status-all').click();
      await expect(table.locator('.grid-body [role="row"]')).toHaveCount(10);
      const cut = await table.evaluate((root) =>
        [...root.querySelectorAll('[role="gridcell"], [role="columnheader"] button span')]
          .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => `${cell.closest('[data-column]')?.getAttribute('data-column')}: ${cell.textContent}`),
      );
      expect(cut, language).toEqual([]);
      const inner = await table.evaluate((root) => {
        const body = root.querySelector('.grid-body-scroll')!;
        return body.scrollHeight - body.clientHeight;
      });
      expect(inner).toBeLessThanOrEqual(1);
    }
  });
}
