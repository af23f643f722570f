import { expect, openScreen, participantCode, seedParticipants, seedProgram, test } from './fixtures';

const COUNT = 100_000;

test('100,000 participants: virtualised, paged, sortable and smooth to the last row', async ({
  page,
  server,
  dbFile,
}) => {
  const program = seedProgram(dbFile);
  seedParticipants(dbFile, program.id, COUNT);

  await openScreen(page, server, 'participants', 'Participants');
  await expect(page.getByTestId('participants-count')).toHaveText('100,000 participants');

  const grid = page.getByTestId('participants-grid');
  await expect(grid).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const rows = grid.locator('[role="row"]');
  await expect(grid.locator('.grid-body [role="row"]').first()).toContainText(participantCode(1));
  // Only the rows in view (plus a few) are in the DOM.
  expect(await rows.count()).toBeLessThan(200);

  // The page scrolls once: the table has no scroller of its own, the page's main area moves through it.
  const scroller = page.locator('main');
  // Scroll to the bottom: the last participant by code appears.
  await scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  const last = grid.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`);
  await expect(last).toContainText(participantCode(COUNT));
  await expect(last).toBeInViewport();
  expect(await rows.count()).toBeLessThan(200);

  // Sorting is done by the core: code descending puts the last one first.
  await scroller.evaluate((element) => {
    element.scrollTop = 0;
  });
  await page.getByTestId('participants-grid-sort-code').click();
  await expect(page.getByRole('columnheader', { name: 'Code' })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toContainText(participantCode(COUNT));

  // The keyboard reaches the end too: End on a row moves to the last one (P000001 now).
  await grid.locator('[role="row"][aria-rowindex="2"]').focus();
  await page.keyboard.press('End');
  await expect(grid.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`)).toBeFocused();
  await expect(grid.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`)).toContainText(participantCode(1));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('participant-detail').getByRole('heading', { level: 2 })).toHaveText('Participant 1');

  // Search narrows it down in SQL.
  await page.getByTestId('detail-close').click();
  await page.getByTestId('participants-search').fill('P09999');
  await expect(page.getByTestId('participants-count')).toHaveText('10 participants');
});
