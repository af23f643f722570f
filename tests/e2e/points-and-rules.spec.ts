// A participant's points on their page (ledger, explanation, manual adjustment) and the rules
// screen's what-if and saving.
import { expect, openScreen, test } from './fixtures';
import { seedScoredProgram } from './scoring-seed';

test('an adjustment needs a reason, then shows in the ledger and in the explanation', async ({
  page,
  server,
  dbFile,
}) => {
  await seedScoredProgram(dbFile);
  await openScreen(page, server, 'participants', 'Participants');
  await page.getByTestId('participants-grid').locator('[role="row"][data-index="1"]').click();
  const detail = page.getByTestId('participant-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Jakub Malinowski');
  const points = detail.getByTestId('points-section');
  await expect(points.getByTestId('points-balance')).toContainText('0');
  await expect(points.getByTestId('explanation')).toBeVisible();
  await expect(points.getByTestId('adjust-period')).toHaveValue('2026-10');

  await points.getByTestId('adjust-points').fill('250');
  await points.getByTestId('adjust-submit').click();
  await expect(points.getByTestId('adjust-reason-error')).toHaveText('Write the reason: it is kept with the change.');
  await expect(points.getByTestId('ledger-entry')).toHaveCount(0);

  await points.getByTestId('adjust-reason').fill('Display stand bonus agreed with the client');
  await points.getByTestId('adjust-submit').click();
  await expect(points.getByTestId('adjust-done')).toHaveText('+250 points added for October 2026.');

  const entry = points.getByTestId('ledger-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Manual adjustment');
  await expect(entry).toContainText('Display stand bonus agreed with the client');
  await expect(entry).toContainText('+250');
  await expect(points.getByTestId('points-balance')).toContainText('250');

  const explanation = points.getByTestId('explanation');
  await expect(explanation.getByTestId('step-adjustments')).toContainText('+250');
  await expect(explanation.getByTestId('explain-adjustments')).toContainText(
    'Display stand bonus agreed with the client',
  );
});

test('an adjustment in a locked period is refused with a clear message', async ({ page, server, dbFile }) => {
  test.slow();
  await seedScoredProgram(dbFile, { october: false });
  // Approve September through the UI (within the reference budget).
  await openScreen(page, server, 'scoring', 'Scoring');
  await page.getByTestId('calculate').click();
  await page.getByTestId('approve').click({ timeout: 60_000 });
  await page.getByTestId('approve-confirm').click();
  await expect(page.getByTestId('open-findings-dialog')).toBeVisible();
  await page.getByTestId('override-reason').fill('Findings checked with the client.');
  await page.getByTestId('override-confirm').click();
  // The approval takes a backup of the file first, then posts: seconds on a loaded machine.
  await expect(page.getByTestId('locked-banner')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('navigation').getByRole('link', { name: 'Participants' }).click();
  await page.getByTestId('participants-grid').locator('[role="row"][data-index="0"]').click();
  const points = page.getByTestId('points-section');
  await expect(points.getByTestId('ledger-entry').first()).toBeVisible();
  await points.getByTestId('adjust-period').selectOption('2026-09');
  await points.getByTestId('adjust-points').fill('-20');
  await points.getByTestId('adjust-reason').fill('Late return');
  await points.getByTestId('adjust-submit').click();
  await expect(points.getByTestId('adjust-period-error')).toContainText('approved and locked');
});

test('the what-if shows totals under the current and the edited base rate, and the rules save as a new version', async ({
  page,
  server,
  dbFile,
}) => {
  await seedScoredProgram(dbFile);
  await openScreen(page, server, 'rules', 'Rules');
  await expect(page.getByTestId('rules-version')).toHaveText('Rules version 1');
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf.getByTestId('what-if-period')).toHaveValue('2026-10');
  const before = whatIf.getByTestId('what-if-points-before');
  const after = whatIf.getByTestId('what-if-points-after');
  await expect(after).toHaveText(/\d/);
  const pointsNow = await before.innerText();
  await expect(after).toHaveText(pointsNow);

  await page.getByLabel('Points', { exact: true }).fill('2');
  await expect(page.getByTestId('rules-dirty')).toBeVisible();
  await expect(after).not.toHaveText(pointsNow);
  await expect(before).toHaveText(pointsNow);
  await expect(whatIf.getByTestId('what-if-payout-after')).not.toHaveText(
    await whatIf.getByTestId('what-if-payout-before').innerText(),
  );
  await expect(whatIf.getByTestId('what-if-changed')).toContainText(/points change/);
  await expect(whatIf.getByTestId('what-if-grid').locator('.before-after').first()).toBeVisible();

  // A value out of range is shown beside its field, and the what-if waits for a valid one.
  await page.getByTestId('rule-tiers-0-bonusPct').fill('2000');
  await expect(page.getByTestId('rule-tiers-0-bonusPct-error')).toHaveText('Enter a whole percentage from 0 to 1000.');
  await expect(page.getByTestId('rules-save')).toBeDisabled();
  await page.getByTestId('rule-tiers-0-bonusPct').fill('10');

  await page.getByTestId('rules-save').click();
  const dialog = page.getByTestId('save-rules-dialog');
  await dialog.getByTestId('rules-save-confirm').click();
  await expect(dialog.getByTestId('rules-note-error')).toBeVisible();
  await dialog.getByTestId('rules-note').fill('Double points for the autumn push');
  await dialog.getByTestId('rules-save-confirm').click();
  await expect(page.getByTestId('rules-version')).toHaveText('Rules version 2');
  await expect(page.getByTestId('rules-dirty')).toHaveCount(0);
  await expect(page.getByLabel('Points', { exact: true })).toHaveValue('2');

  // An id longer than the core takes: the core's problem (INVALID_RULES of the what-if) lands beside the field, in
  // Polish and Russian.
  const id = page.getByTestId('rule-tiers-0-id');
  await page.getByTestId('language-select').selectOption('pl');
  await id.fill('T'.repeat(41));
  await expect(page.getByTestId('rule-tiers-0-id-error')).toHaveText('Użyj najwyżej 40 znaków.');
  // A new language opens the screen afresh, with the saved rules: the id is typed again.
  await page.getByTestId('language-select').selectOption('ru');
  await id.fill('T'.repeat(41));
  await expect(page.getByTestId('rule-tiers-0-id-error')).toHaveText('Не более 40 символов.');
});
