// A laptop's window, 1024x700: the navigation collapses to icons (and stays so), the headers of Scoring and Payouts
// end within the first third of the height, and the scoring table's pinned code and name stay whole.
import { expect, openScreen, test } from './fixtures';
import { approveSeptemberInCore, seedPayoutsProgram } from './payouts-seed';

test.use({ viewport: { width: 1024, height: 700 } });

test('the navigation collapses to icons with their names kept, and stays collapsed after a reload', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);
  await openScreen(page, server, 'dashboard', 'Dashboard');
  const nav = page.getByRole('navigation');
  const mainWidth = async () => (await page.locator('main').boundingBox())!.width;
  const wide = await mainWidth();

  await page.getByTestId('nav-collapse').click();
  await expect(page.getByTestId('nav-collapse')).toHaveAttribute('aria-expanded', 'false');
  // Out of sight (a 1-pixel clip, as for screen-reader text), not removed.
  const label = nav.getByText('Scoring', { exact: true });
  await expect.poll(async () => (await label.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  // Each entry keeps its name for a screen reader and shows it on hover.
  await expect(nav.getByRole('link', { name: 'Scoring' })).toHaveAttribute('title', 'Scoring');
  expect(await mainWidth()).toBeGreaterThan(wide + 100);

  await page.reload();
  await expect(page.getByTestId('nav-collapse')).toHaveAttribute('aria-expanded', 'false');
  await nav.getByRole('link', { name: 'Payouts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();

  await page.getByTestId('nav-collapse').click();
  await expect.poll(async () => (await label.boundingBox())?.width ?? 0).toBeGreaterThan(30);
  expect(await mainWidth()).toBeCloseTo(wide, 0);
});

test('the headers of Scoring and Payouts end within the first third of a 700 px window', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  for (const [route, title, picker] of [
    ['scoring', 'Scoring', 'scoring-period'],
    ['payouts', 'Payouts', 'payouts-period'],
  ] as const) {
    await openScreen(page, server, route, title);
    const bottom = await page.getByTestId(picker).evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom, `${title}: the period picker ends at ${bottom} px`).toBeLessThanOrEqual(700 / 3);
  }
  // The table under it keeps its code and name whole.
  await openScreen(page, server, 'scoring', 'Scoring');
  const grid = page.getByTestId('score-grid');
  await expect(grid).toBeVisible();
  const cut = await grid.evaluate((root) =>
    [...root.querySelectorAll('[data-column="code"], [data-column="name"]')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent),
  );
  expect(cut).toEqual([]);
});
