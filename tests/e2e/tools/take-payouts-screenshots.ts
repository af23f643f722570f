// Screenshots of verification, payouts (before and after approval), the confirmation import
// and the budget, in English and Polish:
//   npx tsx tests/e2e/tools/take-payouts-screenshots.ts [outDir]     (default /tmp/shots-payouts)
// Needs the built renderer (npm run build). Not a test: nothing is asserted here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minorToDecimalString } from '../../../src-main/core/money/minor-units';
import { takeScreenshots } from './screenshot-session';
import { payoutsFromCore, seedPayoutsProgram } from '../payouts-seed';

await takeScreenshots(
  '/tmp/shots-payouts',
  (dbFile, work) => seedPayoutsProgram(dbFile, work),
  async ({ page, language, url, shot, dbFile, work }) => {
    await page.goto(`${url}#/verification?period=2026-09`);
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('finding').first().waitFor();
    await shot(page, `${language}-40-verification`);
    const unknown = page.locator('[data-testid="finding"][data-code="UNKNOWN_PARTICIPANT"]');
    await unknown.getByTestId('evidence-toggle').click();
    await unknown.getByTestId('resolve-open').click();
    await unknown.getByTestId('resolve-submit').click();
    await unknown.getByTestId('resolve-form').scrollIntoViewIfNeeded();
    await shot(page, `${language}-41-resolve-errors`);
    await unknown.getByTestId('resolve-participant').fill('R0001');
    await unknown.getByTestId('resolve-lines-chosen').check();
    await unknown.getByTestId('evidence-choose').first().check();
    await unknown.getByTestId('resolve-reason').fill('Typo for R0001, confirmed by the client.');
    await shot(page, `${language}-42-resolve-assign`);
    await unknown.getByTestId('resolve-submit').click();
    await page.waitForTimeout(300);
    const near = page.locator('[data-testid="finding"][data-code="NEAR_THRESHOLD"]');
    await near.getByTestId('resolve-open').click();
    await near.getByTestId('resolve-action-exclude').click();
    await shot(page, `${language}-43-resolve-exclude`);
    await near.getByTestId('resolve-action-accept').click();
    await near.getByTestId('resolve-reason').fill('Attainment checked against the invoices.');
    await near.getByTestId('resolve-submit').click();
    await page.getByTestId('verify-status-all').click();
    await page.waitForTimeout(300);
    await shot(page, `${language}-44-verification-all`);

    await page.goto(`${url}#/payouts?period=2026-09`);
    await page.getByTestId('proposal-grid').waitFor();
    await shot(page, `${language}-50-payouts-proposal`);
    await page.getByTestId('proposal-select').nth(1).uncheck();
    await page.getByTestId('fit-budget').check();
    await page.waitForTimeout(500);
    await shot(page, `${language}-51-payouts-fitted`);
    await page.locator('#main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await shot(page, `${language}-52-payouts-bottom`);
    await page.getByTestId('fit-budget').uncheck();
    await page.getByTestId('proposal-select-all').check();
    await page.locator('#main').evaluate((main) => main.scrollTo({ top: 0 }));
    await page.getByTestId('approve').click();
    await page.getByTestId('approve-confirm').click();
    await page.getByTestId('open-findings-dialog').waitFor();
    await page.getByTestId('override-reason').fill('R0005 brings the card next month.');
    await page.getByTestId('override-confirm').click();
    await page.getByTestId('over-budget-dialog').waitFor();
    await shot(page, `${language}-53-over-budget`);
    await page.getByTestId('override-reason').fill('The client raised the budget by e-mail on 2 October.');
    await page.getByTestId('override-confirm').click();
    await page.getByTestId('approved-banner').waitFor();
    await shot(page, `${language}-54-approved`);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    await downloading;
    await page.getByTestId('export-done').waitFor();
    await shot(page, `${language}-55-exported`);
    await page.locator('#main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await shot(page, `${language}-56-exported-bottom`);

    const [first, second] = payoutsFromCore(dbFile, '2026-09');
    const amount = (minor: number) => minorToDecimalString(minor, 2).replace('.', ',');
    const confirmation = join(work, 'confirmation.csv');
    writeFileSync(
      confirmation,
      [
        'Reference;Amount;Status',
        `${first?.reference};${amount(first?.amountMinor ?? 0)};OK`,
        `${second?.reference};${amount(second?.amountMinor ?? 0)};odrzucono`,
        'LD-2026-09-999999;10,00;OK',
        'LD-2026-09-000003;1,00;hmm',
      ].join('\r\n'),
    );
    await page.getByTestId('import-confirmation').click();
    await page.getByTestId('kind-confirmations').waitFor();
    await shot(page, `${language}-60-import-confirmations`);
    await page.getByTestId('import-file-input').setInputFiles(confirmation);
    await page.getByTestId('import-preview').waitFor();
    await shot(page, `${language}-61-confirmation-preview`);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor();
    await shot(page, `${language}-62-confirmation-report`);
    await page.getByTestId('view-payouts').click();
    await page.getByTestId('payouts-grid').waitFor();
    await page.locator('#main').evaluate((main) => main.scrollTo({ top: 400 }));
    await shot(page, `${language}-63-payouts-confirmed`);
    await page.getByTestId('batch-void').click();
    await page.getByTestId('void-confirm').click();
    await shot(page, `${language}-64-void-dialog`);
    await page.keyboard.press('Escape');

    await page.goto(`${url}#/budget`);
    await page.getByTestId('budget-chart').waitFor();
    await shot(page, `${language}-70-budget`);
    await page.goto(`${url}#/scoring`);
    await page.getByTestId('scoring-period').selectOption('2026-09');
    await page.getByTestId('locked-banner').waitFor();
    await page.locator('#main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await shot(page, `${language}-71-scoring-anomalies`);
    await page.close();
  },
);
