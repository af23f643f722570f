// The scoring screen, the explanation of a participant's points and approving a period,
// checked against what the core itself computes for the same data.
import { formatInteger, formatMoney } from '../../src-main/core/money/minor-units';
import { expect, openScreen, test } from './fixtures';
import { scoreFromCore, seedScoredProgram } from './scoring-seed';

const money = (minor: number) => formatMoney(minor, 'PLN', 2, 'en-US');
const points = (n: number) => formatInteger(n, 'en-US');

test('the scoring screen calculates the newest open period and shows its rows and totals', async ({
  page,
  server,
  dbFile,
}) => {
  await seedScoredProgram(dbFile);
  await openScreen(page, server, 'scoring', 'Scoring');

  // October is the newest period with sales: open, so not calculated until asked.
  await expect(page.getByTestId('scoring-period')).toHaveValue('2026-10');
  await expect(page.getByTestId('period-state')).toHaveText('Open');
  await page.getByTestId('calculate').click();
  // The first calculation starts the core's task host: on a loaded machine that takes seconds.
  await expect(page.getByTestId('score-grid')).toBeVisible({ timeout: 60_000 });
  // Pressing Calculate, an explicit action, notes the period as calculated (viewing alone writes nothing).
  await expect(page.getByTestId('period-state')).toHaveText('Calculated');

  const expected = scoreFromCore(dbFile, '2026-10');
  const rows = page.getByTestId('score-grid').locator('[role="row"][data-key]');
  await expect(rows).toHaveCount(expected.rows.length);
  const first = expected.rows[0];
  if (!first) throw new Error('the sample October has no rows');
  const firstRow = rows.filter({ has: page.locator(`text=${first.code}`) });
  await expect(firstRow).toContainText(first.name);
  await expect(firstRow).toContainText(points(first.payablePoints));
  await expect(firstRow).toContainText(money(first.payoutMinor));

  const totals = page.getByTestId('period-totals');
  await expect(totals.getByTestId('stat-participants')).toContainText(points(expected.totals.participants));
  await expect(totals.getByTestId('stat-earned')).toContainText(points(expected.totals.earned));
  await expect(totals.getByTestId('stat-payable')).toContainText(points(expected.totals.payablePoints));
  await expect(page.getByTestId('total-payout')).toHaveText(money(expected.totals.payoutMinor));
  await expect(page.getByTestId('within-budget')).toBeVisible();
  await expect(page.getByTestId('anomalies')).toBeVisible();
  await expect(page.getByTestId('late-corrections')).toContainText('No late corrections.');
});

test('explaining a participant shows its sales lines and the payable amount of its row', async ({
  page,
  server,
  dbFile,
}) => {
  await seedScoredProgram(dbFile);
  const expected = scoreFromCore(dbFile, '2026-10');
  const row = expected.rows.find((r) => r.lineCount > 0 && r.payablePoints > 0);
  if (!row) throw new Error('no participant with sales and points in October');

  await openScreen(page, server, 'scoring', 'Scoring');
  await page.getByTestId('score-grid').locator(`[role="row"][data-key="${row.code}"]`).click();
  const panel = page.getByTestId('explain-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(row.name);
  await expect(panel.getByTestId('explain-line')).toHaveCount(row.lineCount);
  await expect(panel.getByTestId('explain-line').first()).toContainText(/sales-2026-10\.csv, row \d+/);
  await expect(panel.getByTestId('step-base')).toContainText(points(row.base));
  await expect(panel.getByTestId('step-earned')).toContainText(points(row.earned));
  await expect(panel.getByTestId('step-payable')).toContainText(points(row.payablePoints));
  await expect(panel.getByTestId('step-payable')).toContainText(money(row.payoutMinor));

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('approving a period over budget asks for a reason, then shows it locked', async ({ page, server, dbFile }) => {
  await seedScoredProgram(dbFile, { budgetMinor: 1_000, october: false });
  await openScreen(page, server, 'scoring', 'Scoring');
  await expect(page.getByTestId('scoring-period')).toHaveValue('2026-09');
  await page.getByTestId('calculate').click();
  await expect(page.getByTestId('over-budget')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('approve').click();
  await expect(page.getByTestId('approve-dialog')).toBeVisible();
  await page.getByTestId('approve-confirm').click();

  // The sample has verification findings (a participant without a card): accepted with a reason.
  const findings = page.getByTestId('open-findings-dialog');
  await expect(findings).toBeVisible();
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-reason-error')).toHaveText('Write the reason: it is kept with the change.');
  await page.getByTestId('override-reason').fill('Checked with the client: the card of R0010 comes next month.');
  await page.getByTestId('override-confirm').click();

  const reasonDialog = page.getByTestId('over-budget-dialog');
  await expect(reasonDialog).toBeVisible();
  await expect(reasonDialog).toContainText(money(1_000));
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-reason-error')).toHaveText('Write the reason: it is kept with the change.');
  await page.getByTestId('override-reason').fill('Agreed with the client by phone on 3 October.');
  await page.getByTestId('override-confirm').click();

  await expect(page.getByTestId('locked-banner')).toBeVisible();
  await expect(page.getByTestId('period-state')).toHaveText('Approved');
  await expect(page.getByTestId('approve')).toHaveCount(0);
  await expect(page.getByTestId('recalculate')).toHaveCount(0);
  await expect(page.getByTestId('score-grid')).toBeVisible();

  // After a reload the period is still locked, and shows what was posted.
  await page.reload();
  await expect(page.getByTestId('locked-banner')).toBeVisible();
  await expect(page.getByTestId('period-state')).toHaveText('Approved');
});
