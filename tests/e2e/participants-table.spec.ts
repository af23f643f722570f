// The participants' table as a coordinator uses it: sorted by any column and filtered by the core (so the order and
// the count are of all the participants, not of the pages in view), a column hidden and still hidden after a reload,
// and saved as xlsx with every participant the filters keep; at 1440 and 1024 px in English, Polish and Russian no
// code, date, card, IBAN or header is cut off, the code and name stay in view sideways, and the page scrolls once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWithOpenpyxl } from '../fixtures/read-workbook';
import { expect, openScreen, seedProgram, test } from './fixtures';
import { expectCodePinned, innerScroll } from './grid-checks';
import { seedPayoutsProgram } from './payouts-seed';

interface Seeded {
  code: string;
  name: string;
  region: string | null;
  joinDate: string | null;
  cardRef: string | null;
  iban: string | null;
  status: 'active' | 'inactive';
}

const COUNT = 250;
const REGIONS = ['North', 'South', 'East', 'West', null];

/** More than two pages of participants, with every kind of empty value, straight into the file. */
function seedVaried(dbFile: string, programId: number): Seeded[] {
  const seeded: Seeded[] = [];
  for (let i = 1; i <= COUNT; i++)
    seeded.push({
      code: `R${String(i).padStart(4, '0')}`,
      name:
        i === 7 ? 'Katarzyna Wiśniewska-Grabowska z domu Szczepańska-Przybylska' : `Przedstawiciel ${(i * 37) % COUNT}`,
      region: REGIONS[i % REGIONS.length]!,
      joinDate: i % 9 === 0 ? null : `2026-${i % 2 === 0 ? '08' : '09'}-${String((i % 28) + 1).padStart(2, '0')}`,
      cardRef: i % 4 === 0 ? null : `4000-1234-${String(i).padStart(4, '0')}`,
      iban: i % 3 === 0 ? 'PL61109010140000071219812874' : null,
      status: i % 6 === 0 ? 'inactive' : 'active',
    });
  const db = new Database(dbFile);
  try {
    const insert = db.prepare(
      `INSERT INTO participants (program_id, code, name, email, phone, region, join_date, card_ref, iban, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, '+48 600 100 200', ?, ?, ?, ?, ?, '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z')`,
    );
    db.transaction(() => {
      for (const p of seeded)
        insert.run(
          programId,
          p.code,
          p.name,
          `${p.code.toLowerCase()}@client.example`,
          p.region,
          p.joinDate,
          p.cardRef,
          p.iban,
          p.status,
        );
    })();
  } finally {
    db.close();
  }
  return seeded;
}

/** The core's order: by the field, empty values last either way, then by code. */
function sortedBy(rows: Seeded[], field: keyof Seeded, direction: 'asc' | 'desc'): Seeded[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    const xEmpty = x === null || x === '';
    const yEmpty = y === null || y === '';
    if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
    if (!xEmpty && x !== y) return sign * (x! < y! ? -1 : 1);
    return a.code < b.code ? -1 : 1;
  });
}

const rowCodes = (page: Page) =>
  page
    .getByTestId('participants-grid')
    .locator('[role="row"][data-key]')
    .evaluateAll((rows) =>
      rows
        .map((r) => ({ index: Number(r.getAttribute('data-index')), key: r.getAttribute('data-key') }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.key),
    );

test('the participants table sorts and filters all of them, hides a column for good and saves all that match', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  const program = seedProgram(dbFile);
  const seeded = seedVaried(dbFile, program.id);
  await openScreen(page, server, 'participants', 'Participants');
  await expect(page.getByTestId('participants-count')).toHaveText(`${COUNT} participants`);
  const grid = page.getByTestId('participants-grid');

  // Sorted by the core: the first rows by region are those of all 250, empty regions last, the other way too.
  await page.getByTestId('participants-grid-sort-region').click();
  await expect(grid.getByRole('columnheader', { name: /Region/ })).toHaveAttribute('aria-sort', 'ascending');
  const byRegion = sortedBy(seeded, 'region', 'asc').map((p) => p.code);
  await expect.poll(async () => (await rowCodes(page)).slice(0, 8)).toEqual(byRegion.slice(0, 8));
  await page.getByTestId('participants-grid-sort-region').click();
  await expect(grid.getByRole('columnheader', { name: /Region/ })).toHaveAttribute('aria-sort', 'descending');
  const byRegionDesc = sortedBy(seeded, 'region', 'desc').map((p) => p.code);
  await expect.poll(async () => (await rowCodes(page)).slice(0, 8)).toEqual(byRegionDesc.slice(0, 8));
  // The last rows, reached by the page's own scroller, are the ones without a region.
  await page.locator('main').evaluate((main) => {
    main.scrollTop = main.scrollHeight;
  });
  await expect(grid.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`)).toHaveAttribute(
    'data-key',
    byRegionDesc.at(-1)!,
  );

  // The filters combine, and the count is of all that match.
  await page.getByTestId('participants-filter-status').selectOption('inactive');
  await expect(page.getByTestId('participants-count')).toHaveText(
    `${seeded.filter((p) => p.status === 'inactive').length} participants`,
  );
  await page.getByTestId('participants-filter-status').selectOption('all');
  await page.getByTestId('participants-filter-region').selectOption({ label: 'North' });
  await page.getByTestId('participants-filter-destination').selectOption('iban');
  const northIban = seeded.filter((p) => p.region === 'North' && p.iban !== null);
  await expect(page.getByTestId('participants-count')).toHaveText(`${northIban.length} participants`);
  await expect.poll(async () => (await rowCodes(page)).sort()).toEqual(northIban.map((p) => p.code).sort());
  await page.getByTestId('participants-filter-region').selectOption({ label: 'No region' });
  await page.getByTestId('participants-filter-destination').selectOption('none');
  const nowhere = seeded.filter((p) => p.region === null && p.cardRef === null && p.iban === null);
  await expect(page.getByTestId('participants-count')).toHaveText(`${nowhere.length} participants`);
  await page.getByTestId('participants-filter-region').selectOption('');
  await page.getByTestId('participants-filter-destination').selectOption('card');
  await page.getByTestId('participants-filter-joined').selectOption({ label: 'August 2026' });
  const augustCards = seeded.filter((p) => p.cardRef !== null && p.joinDate?.startsWith('2026-08'));
  await expect(page.getByTestId('participants-count')).toHaveText(`${augustCards.length} participants`);
  await page.getByTestId('participants-search').fill('no such participant');
  await expect(page.getByTestId('participants-no-match')).toBeVisible();
  await page.getByTestId('participants-no-match').getByRole('button').click();
  await expect(page.getByTestId('participants-count')).toHaveText(`${COUNT} participants`);

  // A column hidden stays hidden after a reload; the code and name cannot be hidden.
  await page.getByTestId('participants-columns').locator('summary').click();
  await expect(page.getByTestId('participants-column-code')).toBeDisabled();
  await expect(page.getByTestId('participants-column-name')).toBeDisabled();
  await page.getByTestId('participants-column-email').uncheck();
  await expect(grid.getByRole('columnheader', { name: 'Email' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('participants-count')).toHaveText(`${COUNT} participants`);
  await expect(grid.getByRole('columnheader', { name: 'Email' })).toHaveCount(0);
  await expect(grid.getByRole('columnheader', { name: 'IBAN' })).toHaveCount(1);

  // Saved: every active participant (more than the pages in view), sorted by join date the other way, as shown.
  await page.getByTestId('participants-filter-status').selectOption('active');
  await page.getByTestId('participants-grid-sort-joinDate').click();
  await page.getByTestId('participants-grid-sort-joinDate').click();
  const active = sortedBy(
    seeded.filter((p) => p.status === 'active'),
    'joinDate',
    'desc',
  );
  expect(active.length).toBeGreaterThan(200);
  await expect(page.getByTestId('participants-count')).toHaveText(`${active.length} participants`);
  // Card references and IBANs show by their last four characters until the coordinator asks to see them.
  const withCard = active.slice(0, 5).find((p) => p.cardRef !== null)!;
  const cardCell = page.locator(`[role="row"][data-key="${withCard.code}"] [data-column="cardRef"]`);
  await expect(cardCell).toHaveText(`•••• ${withCard.cardRef!.slice(-4)}`);
  await page.getByTestId('participants-reveal').click();
  await expect(page.getByTestId('participants-reveal')).toHaveAttribute('aria-pressed', 'true');
  await expect(cardCell).toHaveText(withCard.cardRef!);
  // Saved as shown: in full, since they are shown so.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('participants-save-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Participants.xlsx');
  await expect(page.getByTestId('participants-saved')).toHaveText(
    `Saved ${active.length} participants in Participants.xlsx`,
  );
  const file = join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const [sheet] = readWithOpenpyxl(file);
  expect(sheet!.rows[0]).toEqual(['Code', 'Name', 'Region', 'Join date', 'Status', 'Card', 'IBAN', 'Phone']);
  const body = sheet!.rows.slice(1);
  expect(body.map((row) => row[0])).toEqual(active.map((p) => p.code));
  const seventh = seeded.find((p) => p.code === 'R0007')!;
  expect(body.find((row) => row[0] === 'R0007')).toEqual([
    'R0007',
    seventh.name,
    seventh.region,
    // A date cell, which openpyxl reads as a datetime.
    `${seventh.joinDate}T00:00:00`,
    'Active',
    seventh.cardRef,
    seventh.iban,
    '+48 600 100 200',
  ]);
});

// One test per width, the three languages in turn on one page: a language switched in place must lay the table out
// again as well as a fresh load does.
for (const width of [1440, 1024]) {
  test(`at ${width} px in en, pl and ru no code, date, card, IBAN or header of the participants table is cut off`, async ({
    page,
    server,
    dbFile,
  }, testInfo) => {
    const program = seedProgram(dbFile);
    seedVaried(dbFile, program.id);
    await page.setViewportSize({ width, height: 800 });
    await openScreen(page, server, 'participants', 'Participants');
    // Measured with card references and IBANs in full, their widest form.
    await page.getByTestId('participants-reveal').click();
    const grid = page.getByTestId('participants-grid');

    for (const language of ['en', 'pl', 'ru'] as const) {
      await test.step(language, async () => {
        await page.getByTestId('language-select').selectOption(language);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(grid.locator('[role="row"][data-key="R0001"]')).toBeVisible();
        // Every cell and header shows its whole text; a long name is cut only where it shows whole on hover.
        const cut = await grid.evaluate((root) =>
          [...root.querySelectorAll('[role="gridcell"], [role="columnheader"] button span')]
            .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
            .filter(
              (cell) =>
                !(cell.getAttribute('data-column') === 'name' && cell.getAttribute('title') === cell.textContent),
            )
            .map((cell) => `${cell.closest('[data-column]')?.getAttribute('data-column')}: ${cell.textContent}`),
        );
        expect(cut).toEqual([]);
        const toolbar = await page
          .getByTestId('participants-table')
          .evaluate((root) =>
            [...root.querySelectorAll('.toolbar label:not(.sr-only), .toolbar select, .toolbar button')]
              .filter((element) => element.scrollWidth > element.clientWidth + 1)
              .map((element) => element.textContent),
          );
        expect(toolbar).toEqual([]);

        // One scroller: the table has no scrolling of its own up and down.
        expect(await innerScroll(grid)).toBeLessThanOrEqual(1);
        // Moved sideways, the code and name stay where they were.
        await expectCodePinned(page, grid, width === 1024);
        if (language !== 'en')
          await page.screenshot({ path: testInfo.outputPath(`participants-${width}-${language}.png`) });
      });
    }
  });
}

test('a participant edited in the side panel shows the new name in the table at once', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);
  await openScreen(page, server, 'participants', 'Participants');
  const row = page.getByTestId('participants-grid').locator('[role="row"][data-key="R0005"]');
  await row.click();
  await page.getByTestId('participant-edit-open').click();
  await page.getByTestId('edit-name').fill('Natalia Górska-Nowak');
  await page.getByTestId('edit-reason').fill('Married in September; the client’s HR confirmed the new name.');
  await page.getByTestId('participant-edit-save').click();
  await expect(page.getByTestId('participant-edit-saved')).toBeVisible();
  await expect(row.locator('[data-column="name"]')).toHaveText('Natalia Górska-Nowak');
});
