// Screenshots of the card issuer's template editor, the Payouts export card that leads to it,
// the decisions in a participant's explanation and the reason dialogs, in English and Polish:
//   npx tsx tests/e2e/tools/take-template-screenshots.ts [outDir]     (default /tmp/shots-template)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { takeScreenshots } from './screenshot-session';
import { approveSeptemberInCore, seedPayoutsProgram } from '../payouts-seed';

await takeScreenshots(
  '/tmp/shots-template',
  (dbFile, work) => seedPayoutsProgram(dbFile, work),
  async ({ page, language, url, shot, dbFile }) => {
    await page.goto(`${url}#/verification?period=2026-09`);
    await page.getByTestId('language-select').selectOption(language);
    const unknown = page.locator('[data-testid="finding"][data-code="UNKNOWN_PARTICIPANT"]');
    await unknown.getByTestId('resolve-open').click();
    await unknown.getByTestId('resolve-participant').fill('R0001');
    await unknown.getByTestId('resolve-reason').fill('Typo for R0001, confirmed by the client.');
    await unknown.getByTestId('resolve-submit').click();
    await page.waitForTimeout(300);

    await page.getByTestId('nav-scoring').click();
    await page.getByTestId('scoring-period').selectOption('2026-09');
    if (await page.getByTestId('calculate').isVisible()) await page.getByTestId('calculate').click();
    await page.getByTestId('score-grid').locator('[role="row"][data-key="R0001"]').click();
    const panel = page.getByTestId('explain-panel');
    await panel.getByTestId('explain-decisions').scrollIntoViewIfNeeded();
    await shot(page, `${language}-60-explain-decisions`);
    await page.keyboard.press('Escape');

    await page.getByTestId('approve').click();
    await page.getByTestId('approve-confirm').click();
    await page.getByTestId('open-findings-dialog').waitFor();
    await page.getByTestId('override-confirm').click();
    await shot(page, `${language}-61-reason-dialog-error`);
    await page.keyboard.press('Escape');

    approveSeptemberInCore(dbFile);
    await page.goto(`${url}#/payouts?period=2026-09`);
    await page.getByTestId('export-card').waitFor();
    await shot(page.getByTestId('export-card'), `${language}-62-export-card`);

    await page.setViewportSize({ width: 1360, height: 2100 });
    await page.getByTestId('export-template-link').click();
    const card = page.getByTestId('template-card');
    await card.waitFor();
    await shot(page, `${language}-63-settings-template-top`);
    await shot(card, `${language}-64-template-card`);
    await page.getByTestId('template-columns-0-header').fill('');
    await page.getByTestId('template-csvSeparator-comma').click();
    await page.getByTestId('template-totals').check();
    await page.getByTestId('template-column-up-4').click();
    await shot(card, `${language}-65-template-problems`);
    await page.getByTestId('template-columns-0-header').fill('Ref');
    await page.getByTestId('template-csvSeparator-tab').click();
    await page.getByTestId('template-decimalSeparator-dot').click();
    await page.getByTestId('template-add-column').click();
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-saved').waitFor();
    await shot(card, `${language}-66-template-saved`);

    await page.setViewportSize({ width: 1360, height: 860 });
    await page.goto(`${url}#/payouts?period=2026-09`);
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('batch-void').click();
    await page.getByTestId('void-confirm').click();
    await shot(page, `${language}-67-void-dialog`);
    await page.close();
  },
);
