// What the tables' layout tests check of a virtual grid (components/VirtualGrid.tsx), shared by their specs.
import { expect, type Locator, type Page } from '@playwright/test';

/** How far the grid's body scrolls up and down on its own: the page is the one scroller, so at most a pixel. */
export async function innerScroll(grid: Locator): Promise<number> {
  return grid.evaluate((root) => {
    const body = root.querySelector('.grid-body-scroll')!;
    return body.scrollHeight - body.clientHeight;
  });
}

/**
 * Moves the grid's body 400 px sideways and back: the code column stays where it was (pinned) and the header moves
 * with the body. `mustMove`: the table is wider than the window, so it does move.
 */
export async function expectCodePinned(page: Page, grid: Locator, mustMove: boolean): Promise<void> {
  const codeCell = grid.locator('[role="gridcell"][data-column="code"]').first();
  const before = (await codeCell.boundingBox())!.x;
  const moved = await grid.evaluate((root) => {
    const body = root.querySelector('.grid-body-scroll')!;
    body.scrollLeft = 400;
    return body.scrollLeft;
  });
  await page.waitForTimeout(100);
  expect((await codeCell.boundingBox())!.x).toBeCloseTo(before, 0);
  if (mustMove) expect(moved).toBeGreaterThan(0);
  const headerLeft = await grid.evaluate((root) => root.querySelector('.grid-head')!.scrollLeft);
  expect(headerLeft).toBe(moved);
  await grid.evaluate((root) => {
    root.querySelector('.grid-body-scroll')!.scrollLeft = 0;
  });
}
