// Screenshots of the Dashboard: the demo before anything is approved, and a month on (two periods approved, top-ups
// waiting, an open November with a finding), in en, pl and ru at 1440 and 1024 px:
//   npx tsx tests/e2e/tools/take-dashboard-screenshots.ts [outDir]     (default /tmp/shots-dashboard)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { advanceDemoAMonth, seedDemo } from '../dashboard-seed';
import { takeScreenshots } from './screenshot-session';

await takeScreenshots(
  '/tmp/shots-dashboard',
  async (dbFile) => {
    await seedDemo(dbFile);
  },
  async ({ page, language, url, shot, dbFile, work }) => {
    await page.goto(`${url}#/dashboard`);
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('pipeline-2026-10').waitFor();
    await shot(page, `${language}-dashboard-demo`);
    await advanceDemoAMonth(dbFile, work);
    await page.reload();
    await page.getByTestId('pipeline-2026-11').waitFor();
    await page.getByTestId('chart-movers').waitFor();
    await shot(page, `${language}-dashboard-month-on`);
    await page.setViewportSize({ width: page.viewportSize()!.width, height: 3000 });
    await shot(page.locator('#main'), `${language}-dashboard-month-on-full`);
  },
);
