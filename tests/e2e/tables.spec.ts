// The dense tables (Scoring, Payouts) as a coordinator uses them: sorted by a column, searched, filtered, a column
// hidden and still hidden after a reload, saved as xlsx exactly as shown; and at 1440 and 1024 px no figure, header
// or name is cut off, the code and name stay in view when the table is moved sideways, and the page scrolls once.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWithOpenpyxl } from '../fixtures/read-workbook';
import { expect, openScreen, test } from './fixtures';
import { expectCodePinned, innerScroll } from './grid-checks';
import { scoreFromCore, seedScoredProgram } from './scoring-seed';

/** October's table: shown at once when the period was calculated (scoreFromCore notes it so), else calculated. */
async function calculateOctober(page: Page): Promise<void> {
  await expect(page.getByTestId('scoring-period')).toHaveValue('2026-10');
  await page.getByTestId('calculate').or(page.getByTestId('score-grid')).first().waitFor();
  if (await page.getByTestId('calculate').isVisible()) await page.getByTestId('calculate').click();
  await expect(page.getByTestId('score-grid')).toBeVisible();
}

const rowCodes = (page: Page) =>
  page
    .getByTestId('score-grid')
    .locator('[role="row"][data-key]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));

test('the scoring table sorts, searches, filters, hides a column for good and saves what it shows', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedScoredProgram(dbFile);
  const expected = scoreFromCore(dbFile, '2026-10').rows;
  await openScreen(page, server, 'scoring', 'Scoring');
  await calculateOctober(page);
  await expect(page.getByTestId('score-count')).toHaveText(`${expected.length} of ${expected.length} participants`);

  // Sorted by the payout, as a number (not as text), then the other way.
  const byPayout = [...expected].sort((a, b) => a.payoutMinor - b.payoutMinor || 0);
  await page.getByTestId('score-grid-sort-payout').click();
  await expect(
    page
      .getByTestId('score-grid')
      .getByRole('columnheader', { name: /Payout/ })
      .first(),
  ).toHaveAttribute('aria-sort', 'ascending');
  expect((await rowCodes(page)).map((code) => expected.find((r) => r.code === code)!.payoutMinor)).toEqual(
    byPayout.map((r) => r.payoutMinor),
  );
  await page.getByTestId('score-grid-sort-payout').click();
  expect((await rowCodes(page)).map((code) => expected.find((r) => r.code === code)!.payoutMinor)).toEqual(
    byPayout.map((r) => r.payoutMinor).reverse(),
  );

  // The held filter shows exactly the held rows; the search narrows by name.
  const held = expected.filter((r) => r.held !== null);
  expect(held.length).toBeGreaterThan(0);
  await page.getByTestId('score-filter-held').selectOption('held');
  await expect(page.getByTestId('score-count')).toHaveText(`${held.length} of ${expected.length} participants`);
  expect((await rowCodes(page)).sort()).toEqual(held.map((r) => r.code).sort());
  await page.getByTestId('score-filter-held').selectOption('');
  const someone = expected[3]!;
  await page.getByTestId('score-search').fill(someone.name.split(' ')[1]!.toLowerCase());
  expect(await rowCodes(page)).toContain(someone.code);
  await page.getByTestId('score-search').fill('no such participant');
  await expect(page.getByTestId('score-no-match')).toBeVisible();
  await page.getByTestId('score-no-match').getByRole('button').click();
  await expect(page.getByTestId('score-count')).toHaveText(`${expected.length} of ${expected.length} participants`);

  // A column hidden stays hidden after a reload; the code and name cannot be hidden.
  await page.getByTestId('score-columns').locator('summary').click();
  await expect(page.getByTestId('score-column-code')).toBeDisabled();
  await page.getByTestId('score-column-campaign').uncheck();
  await expect(page.getByTestId('score-grid').getByRole('columnheader', { name: 'Campaign' })).toHaveCount(0);
  await page.reload();
  // Calculated once, October opens with its table.
  await expect(page.getByTestId('score-grid')).toBeVisible();
  await expect(page.getByTestId('score-grid').getByRole('columnheader', { name: 'Campaign' })).toHaveCount(0);
  await expect(page.getByTestId('score-grid').getByRole('columnheader', { name: 'Base' })).toHaveCount(1);

  // Saved as shown: the columns shown, the rows sorted by the payout, money as numbers of the program's currency.
  await page.getByTestId('score-grid-sort-payout').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('score-save-xlsx').click();
  const download = await downloading;
  const file = join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('Points for October 2026.xlsx');
  const [sheet] = readWithOpenpyxl(file);
  const header = sheet!.rows[0]!;
  expect(header).not.toContain('Campaign');
  expect(header.slice(0, 3)).toEqual(['Code', 'Name', 'Tier']);
  const payout = header.indexOf('Payout');
  const body = sheet!.rows.slice(1);
  expect(body.map((row) => row[0])).toEqual(byPayout.map((r) => r.code));
  expect(body.map((row) => row[payout])).toEqual(byPayout.map((r) => r.payoutMinor / 100));
  expect(sheet!.formats[1]![payout]).toBe('#,##0.00 "PLN"');
});

// One test per width, the three languages in turn on one page: the same seeded file and calculation serve all three,
// and a language switched in place must lay the table out again as well as a fresh load does.
for (const width of [1440, 1024]) {
  test(`at ${width} px in en, pl and ru no figure or header of the scoring table is cut off, and the code and name stay pinned`, async ({
    page,
    server,
    dbFile,
  }) => {
    test.slow();
    await seedScoredProgram(dbFile);
    await page.setViewportSize({ width, height: 800 });
    await openScreen(page, server, 'scoring', 'Scoring');
    await page.getByTestId('calculate').click();
    const grid = page.getByTestId('score-grid');
    // The first calculation starts the core's task host: on CI's loaded 2 cores that took over 10 s.
    await expect(grid).toBeVisible({ timeout: 60_000 });

    for (const language of ['en', 'pl', 'ru'] as const) {
      await test.step(language, async () => {
        await page.getByTestId('language-select').selectOption(language);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(grid.locator('[role="row"][data-key]').first()).toBeVisible();

        // Every cell and header shows its whole text: nothing is wider than its box.
        const cut = await grid.evaluate((root) =>
          [...root.querySelectorAll('[role="gridcell"], [role="columnheader"] button span')]
            .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
            .map((cell) => `${cell.closest('[data-column]')?.getAttribute('data-column')}: ${cell.textContent}`),
        );
        expect(cut).toEqual([]);

        // One scroller: the table has no scrolling of its own up and down.
        expect(await innerScroll(grid)).toBeLessThanOrEqual(1);
        // Moved sideways, the code and name stay where they were.
        await expectCodePinned(page, grid, width === 1024);
      });
    }
  });
}
