// A payout held for a missing card is fixed from the hold itself, then approved: the fix is a participant's new
// version with its reason, and the top-up goes to the card that was added.
import { expect, openScreen, test } from './fixtures';
import { payoutsFromCore, seedPayoutsProgram } from './payouts-seed';

test('a held payout is fixed from the hold (card added with a reason) and approved to that card', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);
  await openScreen(page, server, 'payouts', 'Payouts');
  const held = page.getByTestId('held-payouts');
  await expect(held).toContainText('R0005');
  await expect(held).toContainText('No card or IBAN');

  await held.getByTestId('held-fix-R0005').click();
  const form = page.getByTestId('participant-edit-form');
  await expect(form).toBeVisible();
  // The field the hold is about has the focus.
  await expect(page.getByTestId('edit-cardRef')).toBeFocused();
  await page.getByTestId('edit-cardRef').fill('CARD-5555-0005');
  // A mistyped IBAN is refused beside its field before anything is saved.
  await page.getByTestId('edit-iban').fill('PL61109010140000071219812875');
  await page.getByTestId('participant-edit-save').click();
  await expect(page.getByTestId('edit-reason-error')).toBeVisible();
  await page.getByTestId('edit-reason').fill('The client sent R0005’s card number by e-mail on 2 October.');
  await page.getByTestId('participant-edit-save').click();
  await expect(page.getByTestId('edit-iban-error')).toContainText('not a valid IBAN');
  await page.getByTestId('edit-iban').fill('');
  await page.getByTestId('participant-edit-save').click();

  // The hold is gone and R0005 is in the proposal, to the card just added.
  await expect(page.getByTestId('held-fixed')).toBeVisible();
  await expect(held).not.toContainText('R0005');
  const row = page.getByTestId('proposal-grid').locator('[role="row"][data-key="R0005"]');
  await expect(row).toContainText('0005');

  await page.getByTestId('approve').click();
  await page.getByTestId('approve-confirm').click();
  for (const dialog of ['open-findings-dialog', 'over-budget-dialog']) {
    const shown = page.getByTestId(dialog);
    await expect(shown).toBeVisible({ timeout: 30_000 });
    await shown.getByRole('textbox').fill('Agreed with the client.');
    await page.getByTestId('override-confirm').click();
  }
  await expect(page.getByTestId('period-state')).toHaveText('Approved');
  const r0005 = payoutsFromCore(dbFile, '2026-09').filter((p) => p.participantCode === 'R0005');
  expect(r0005).toHaveLength(1);
  expect(r0005[0]).toMatchObject({ method: 'card' });

  // The participant's history shows the correction with who made it and why.
  await openScreen(page, server, 'participants', 'Participants');
  await page.getByTestId('participants-search').fill('R0005');
  await expect(page.getByTestId('participants-count')).toHaveText('1 participant');
  await page.locator('[role="row"][data-index="0"]').click();
  // The card shows by its last four characters until asked for in full.
  await expect(page.getByTestId('participant-history')).toContainText('•••• 0005');
  await expect(page.getByTestId('participant-history')).not.toContainText('CARD-5555-0005');
  await expect(page.getByTestId('detail-cardRef')).toHaveText('•••• 0005');
  await page.getByTestId('detail-reveal').click();
  await expect(page.getByTestId('participant-history')).toContainText('CARD-5555-0005');
  await expect(page.getByTestId('detail-cardRef')).toHaveText('CARD-5555-0005');
  await expect(page.getByTestId('history-edit-reason')).toContainText(
    'Corrected in the app by e2e: The client sent R0005’s card number by e-mail on 2 October.',
  );
});
