// Screenshots of the Reports screen, empty and with an approved period, in en, pl and ru at 1440 and 1024 px:
//   npx tsx tests/e2e/tools/take-reports-screenshots.ts [outDir]     (default /tmp/shots-reports)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { approveSeptemberInCore, seedPayoutsProgram } from '../payouts-seed';
import { takeScreenshots } from './screenshot-session';

await takeScreenshots(
  '/tmp/shots-reports',
  async (dbFile, work) => {
    await seedPayoutsProgram(dbFile, work);
  },
  async ({ page, language, url, shot, dbFile }) => {
    await page.goto(`${url}#/reports`);
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('reports-none').waitFor();
    await shot(page, `${language}-reports-none`);
    approveSeptemberInCore(dbFile);
    await page.reload();
    await page.getByTestId('report-2026-09').waitFor();
    await page.getByTestId('report-download-2026-09').click();
    await page.getByTestId('report-saved').waitFor();
    await shot(page, `${language}-reports-saved`);
  },
);
