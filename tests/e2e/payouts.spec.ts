// Issue 6 end to end on the sample data: verification, approval over budget with a reason,
// the card issuer's file, its confirmation, and the guards against paying twice.
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney, minorToDecimalString } from '../../src-main/core/money/minor-units';
import { expect, openScreen, test } from './fixtures';
import {
  approveSeptemberInCore,
  LOW_BUDGET_MINOR,
  payoutsFromCore,
  seedPayoutsProgram,
  UNKNOWN_CODE,
} from './payouts-seed';

const money = (minor: number) => formatMoney(minor, 'PLN', 2, 'en-US');

/** The data rows of the first sheet of an xlsx, as text cells. */
async function sheetRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path} has no sheet`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
    rows.push(cells);
  });
  return rows;
}

test('verification, approval over budget with a reason, export and confirmation for the sample data', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);

  // Scoring's anomalies lead to Verification for the same period.
  await openScreen(page, server, 'scoring', 'Scoring');
  await page.getByTestId('scoring-period').selectOption('2026-09');
  await page.getByTestId('calculate').click();
  await page.getByTestId('anomalies-verify').click({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Verification' })).toBeVisible();
  await expect(page.getByTestId('verify-period')).toHaveValue('2026-09');
  await expect(page.getByTestId('stat-open')).toContainText('3');

  // The mistyped code: assigned to the participant it was meant for, with a reason.
  // Findings are rows of a table; the one chosen opens below it with its evidence.
  const row = (key: string) => page.getByTestId('findings-table').locator(`[role="row"][data-key="${key}"]`);
  await row(`UNKNOWN_PARTICIPANT:${UNKNOWN_CODE}`).click();
  const unknown = page.locator(`[data-testid="finding"][data-key="UNKNOWN_PARTICIPANT:${UNKNOWN_CODE}"]`);
  await expect(unknown).toContainText(
    `1 line names the code ${UNKNOWN_CODE}, which no participant has (net PLN 480.00)`,
  );
  await unknown.getByTestId('evidence-toggle').click();
  await expect(unknown.getByTestId('evidence-grid')).toContainText('sales-2026-09-late.csv, row 2');
  await unknown.getByTestId('resolve-open').click();
  await expect(unknown.getByTestId('resolve-action-assign').locator('input')).toBeChecked();
  await unknown.getByTestId('resolve-submit').click();
  await expect(unknown.getByTestId('resolve-participant-error')).toHaveText('Choose the participant the lines go to.');
  await expect(unknown.getByTestId('resolve-reason-error')).toHaveText('Write the reason: it is kept with the change.');
  await unknown.getByTestId('resolve-participant').fill('R0001');
  await expect(unknown.getByTestId('resolve-participant-name')).toHaveText('Barbara Nowicka (R0001)');
  await unknown.getByTestId('resolve-reason').fill('The client confirmed R0O01 is a typo for R0001.');
  await unknown.getByTestId('resolve-submit').click();
  await expect(page.getByTestId('verify-announcement')).toContainText('2 findings are still open');
  await expect(unknown).toHaveCount(0);
  await expect(page.getByTestId('stat-open')).toContainText('2');

  // The others are accepted, each with its own reason.
  const openRows = page.getByTestId('findings-table').locator('.grid-body [role="row"]');
  for (const [i, reason] of [
    'R0005 brings the card number next month.',
    'Attainment checked against the invoices.',
  ].entries()) {
    // The list as it is after the last decision (on a loaded machine it is drawn again after the announcement: a
    // click before that chose the row just resolved, which then went from the list).
    await expect(openRows).toHaveCount(2 - i);
    await openRows.first().click();
    const finding = page.getByTestId('finding').first();
    await finding.getByTestId('resolve-open').click();
    await finding.getByTestId('resolve-action-accept').click();
    await finding.getByTestId('resolve-reason').fill(reason);
    await finding.getByTestId('resolve-submit').click();
    await expect(page.getByTestId('verify-announcement')).toContainText('is resolved');
  }
  await expect(page.getByTestId('verify-all-resolved')).toBeVisible();
  await expect(page.getByTestId('stat-resolved')).toContainText('3');

  // Resolved findings show who decided what and why.
  await page.getByTestId('verify-status-resolved').click();
  await row(`UNKNOWN_PARTICIPANT:${UNKNOWN_CODE}`).click();
  const assigned = page.locator(`[data-testid="finding"][data-key="UNKNOWN_PARTICIPANT:${UNKNOWN_CODE}"]`);
  await expect(assigned.getByTestId('decision')).toContainText('Assigned 1 line to R0001');
  await expect(assigned.getByTestId('decision')).toContainText('The client confirmed R0O01 is a typo for R0001.');
  await expect(assigned.getByTestId('decision')).toContainText('e2e,');

  // R0001's explanation shows the assignment: what was done, about which finding, why and by whom.
  await page.getByTestId('nav-scoring').click();
  await page.getByTestId('scoring-period').selectOption('2026-09');
  await page.getByTestId('score-grid').locator('[role="row"][data-key="R0001"]').click();
  const explained = page.getByTestId('explain-panel').getByTestId('explain-decisions').getByTestId('decision');
  await expect(explained).toHaveCount(1);
  await expect(explained).toHaveAttribute('data-action', 'assign');
  await expect(explained).toContainText('Assigned 1 line to R0001');
  await expect(explained).toContainText(`Finding: Unknown participant (${UNKNOWN_CODE})`);
  await expect(explained).toContainText('The client confirmed R0O01 is a typo for R0001.');
  await expect(explained).toContainText('e2e,');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-verification').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verification' })).toBeVisible();

  // Payouts: the proposal is over the 10.00 PLN budget; fitting shows what each would get.
  await page.getByRole('link', { name: 'Go to Payouts to approve' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  await expect(page.getByTestId('open-findings')).toHaveCount(0);
  await expect(page.getByTestId('proposal-over-budget')).toBeVisible();
  await expect(page.getByTestId('held-payouts')).toContainText('R0005');
  await expect(page.getByTestId('held-payouts')).toContainText('No card or IBAN');
  await page.getByTestId('fit-budget').check();
  await expect(page.getByTestId('proposal-within-budget')).toBeVisible();
  await expect(page.getByTestId('proposal-amount')).toHaveText(money(LOW_BUDGET_MINOR));
  await page.getByTestId('fit-budget').uncheck();
  await expect(page.getByTestId('proposal-over-budget')).toBeVisible();

  // Approval over budget needs a written reason.
  await page.getByTestId('approve').click();
  await page.getByTestId('approve-confirm').click();
  const overBudget = page.getByTestId('over-budget-dialog');
  await expect(overBudget).toContainText(money(LOW_BUDGET_MINOR));
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-reason-error')).toBeVisible();
  await page.getByTestId('override-reason').fill('The client raised the September budget by e-mail on 2 October.');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('approved-banner')).toContainText('Approved on');
  await expect(page.getByTestId('approval-reason')).toContainText(
    'The client raised the September budget by e-mail on 2 October.',
  );
  await expect(page.getByTestId('period-state')).toHaveText('Approved');

  // The card issuer's file: every card top-up once, with its reference.
  const payouts = payoutsFromCore(dbFile, '2026-09');
  const cards = payouts.filter((p) => p.method === 'card');
  expect(cards.length).toBeGreaterThan(2);
  await expect(page.getByTestId('payouts-grid').locator('[role="row"][data-key]')).toHaveCount(payouts.length);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = join(dataDir, download.suggestedFilename());
  await download.saveAs(saved);
  const rows = await sheetRows(saved);
  const withReference = rows.filter((cells) => cells.some((c) => /^LD-2026-09-\d+$/.test(c)));
  expect(withReference).toHaveLength(cards.length);
  const [first, second] = cards;
  if (!first || !second) throw new Error('the sample has too few card top-ups');
  expect(withReference.some((cells) => cells.includes(first.reference))).toBe(true);
  await expect(page.getByTestId('export-done')).toContainText(`${cards.length} top-ups`);
  await expect(
    page
      .locator(`[data-testid="payouts-grid"] [role="row"]`)
      .filter({ hasText: first.reference })
      .getByTestId('payout-status'),
  ).toHaveText('Exported');

  // The issuer's answer: one paid, one failed, and one row naming a top-up we never made.
  const amount = (minor: number) => minorToDecimalString(minor, 2).replace('.', ',');
  const confirmation = join(dataDir, 'potwierdzenie-2026-09.csv');
  writeFileSync(
    confirmation,
    [
      'Reference;Amount;Status',
      `${first.reference};${amount(first.amountMinor)};OK`,
      `${second.reference};${amount(second.amountMinor)};odrzucono`,
      `LD-2026-09-999999;10,00;OK`,
    ].join('\r\n'),
    'utf8',
  );
  await page.getByTestId('import-confirmation').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByTestId('kind-confirmations').locator('input')).toBeChecked();
  await expect(page.getByTestId('sales-options')).toHaveCount(0);
  await page.getByTestId('import-file-input').setInputFiles(confirmation);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(preview).toContainText('No top-up has the reference LD-2026-09-999999');
  await page.getByTestId('import-commit').click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('stat-created')).toContainText('Paid1');
  await expect(report.getByTestId('stat-updated')).toContainText('Failed1');

  await report.getByTestId('view-payouts').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payouts' })).toBeVisible();
  const grid = page.getByTestId('payouts-grid');
  await expect(
    grid.locator('[role="row"]').filter({ hasText: first.reference }).getByTestId('payout-status'),
  ).toHaveText('Paid');
  await expect(
    grid.locator('[role="row"]').filter({ hasText: second.reference }).getByTestId('payout-status'),
  ).toHaveText('Failed');
  await expect(page.getByTestId('stat-paid')).toContainText(money(first.amountMinor));
  await expect(page.getByTestId('stat-failed')).toContainText(money(second.amountMinor));

  // The budget view counts what was approved and what was paid.
  await page.getByTestId('nav-budget').click();
  const september = page.locator('[data-testid="budget-row"][data-period="2026-09"]');
  await expect(september).toContainText(money(LOW_BUDGET_MINOR));
  await expect(september).toContainText(money(first.amountMinor));
  await expect(page.getByTestId('budget-chart').locator('svg')).toBeVisible();
});

test('exporting again gives the same file rather than a second payment, and voiding a batch needs a reason', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  await openScreen(page, server, 'payouts', 'Payouts');
  await expect(page.getByTestId('approved-banner')).toBeVisible();

  const downloadBytes = async (): Promise<Buffer> => {
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const download = await downloading;
    const path = join(dataDir, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    return readFileSync(path);
  };
  const saveAs = async (bytes: Buffer, name: string) => {
    const path = join(dataDir, `${Date.now()}-${name}`);
    writeFileSync(path, bytes);
    return path;
  };
  const once = await downloadBytes();
  await expect(page.getByTestId('export-done')).toBeVisible();
  const again = await downloadBytes();
  await expect(page.getByTestId('export-reused')).toContainText('No top-up is paid twice.');
  expect(again.equals(once)).toBe(true);
  await expect(page.getByTestId('batch')).toHaveCount(1);

  // The same batch as CSV: the same references, no second batch.
  const asCsv = page.waitForEvent('download');
  await page.getByTestId('batch-download-as').click();
  const csvDownload = await asCsv;
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const csvPath = join(dataDir, `${Date.now()}-${csvDownload.suggestedFilename()}`);
  await csvDownload.saveAs(csvPath);
  const references = (await sheetRows(await saveAs(once, 'once.xlsx')))
    .slice(1)
    .map((r) => r[0])
    .filter((r): r is string => Boolean(r?.startsWith('LD-')));
  expect(references.length).toBeGreaterThan(0);
  for (const reference of references) expect(readFileSync(csvPath, 'utf8')).toContain(reference);
  await expect(page.getByTestId('batch')).toHaveCount(1);

  // Voiding: refused without a reason, then done and marked.
  await page.getByTestId('batch-void').click();
  const dialog = page.getByTestId('void-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('void-confirm').click();
  await expect(page.getByTestId('void-reason-error')).toHaveText('Write the reason: it is kept with the change.');
  await expect(dialog).toBeVisible();
  await page.getByTestId('void-reason').fill('The issuer rejected the whole file: wrong template version.');
  await page.getByTestId('void-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('batch-voided')).toBeVisible();
  await expect(page.getByTestId('payouts-grid').getByTestId('payout-status').first()).toHaveText('Voided');

  // Nothing is left to pay from this period: the points went back to the balances.
  await page.getByTestId('export-xlsx').click();
  await expect(page.getByTestId('export-error')).toContainText(
    'There are no approved top-ups left to put in this file.',
  );
});
