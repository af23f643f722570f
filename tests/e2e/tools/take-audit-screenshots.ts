// Screenshots of the Audit screen after an approval, whole and filtered, in en, pl and ru at 1440 and 1024 px:
//   npx tsx tests/e2e/tools/take-audit-screenshots.ts [outDir]     (default /tmp/shots-audit)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { approveSeptemberInCore, seedPayoutsProgram } from '../payouts-seed';
import { takeScreenshots } from './screenshot-session';

await takeScreenshots(
  '/tmp/shots-audit',
  async (dbFile, work) => {
    await seedPayoutsProgram(dbFile, work);
    approveSeptemberInCore(dbFile);
  },
  async ({ page, language, url, shot }) => {
    await page.goto(`${url}#/audit`);
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('log-table').waitFor();
    await shot(page, `${language}-audit`);
    await page.getByTestId('log-action').selectOption('import');
    await page.getByTestId('log-count').waitFor();
    await page.getByTestId('operator-log').scrollIntoViewIfNeeded();
    await shot(page, `${language}-audit-imports`);
    await page.getByTestId('audit-verify-file').click();
    await page.getByTestId('audit-verify-ok').waitFor();
    await page.getByTestId('audit-package').scrollIntoViewIfNeeded();
    await shot(page, `${language}-audit-verified`);
  },
);
