// Issue 14, item 7: a Polish decimal typed in the rules form is saved as the right integer, the save is confirmed
// with its version and note, and the difference between two versions reads field by field in the operator's words.
import { requireProgram } from '../../src-main/core/program/program-store';
import { openDatabase } from '../../src-main/db/open-database';
import { expect, openScreen, test } from './fixtures';
import { seedScoredProgram } from './scoring-seed';

function savedRules(dbFile: string) {
  const store = openDatabase(dbFile);
  try {
    return requireProgram({ store, actor: 'e2e', now: () => new Date() });
  } finally {
    store.close();
  }
}

test('a Polish decimal is saved exactly, the save is confirmed, and two versions compare side by side', async ({
  page,
  server,
  dbFile,
}) => {
  test.slow();
  await seedScoredProgram(dbFile);
  expect(savedRules(dbFile).rules.baseRate).toEqual({ points: 1, perMinor: 100 });
  await openScreen(page, server, 'rules', 'Rules');
  await page.getByTestId('language-select').selectOption('pl');
  await expect(page.getByTestId('rules-version')).toHaveText('Wersja zasad 1');

  // "0,10" zł: ten grosze, typed the Polish way.
  await page.getByTestId('rule-baseRate-perMinor').fill('0,10');
  await page.getByTestId('rule-tiers-1-bonusPct').fill('7');
  await page.getByTestId('rules-save').click();
  const dialog = page.getByTestId('save-rules-dialog');
  await dialog.getByTestId('rules-note').fill('Punkt za każde 10 groszy od grudnia');
  await dialog.getByTestId('rules-save-confirm').click();
  await expect(page.getByTestId('rules-version')).toHaveText('Wersja zasad 2');
  await expect(page.getByTestId('rules-saved')).toHaveText(
    /Zapisano jako wersję 2: „Punkt za każde 10 groszy od grudnia”/,
  );
  const program = savedRules(dbFile);
  expect(program.rulesVersion).toBe(2);
  expect(program.rules.baseRate).toEqual({ points: 1, perMinor: 10 });
  await expect(page.getByTestId('rule-baseRate-perMinor')).toHaveValue('0,10');

  // The history: both versions with their notes; the difference of 1 and 2, in Polish words and numbers.
  const history = page.getByTestId('rules-history');
  await expect(history.locator('[data-testid="rules-versions"] tr[data-version="2"]')).toContainText(
    'Punkt za każde 10 groszy od grudnia',
  );
  await expect(history.locator('[data-testid="rules-versions"] tr[data-version="2"]')).toContainText('Obowiązuje');
  const diff = history.getByTestId('rules-diff');
  const base = diff.locator('tr[data-section="baseRate"]');
  await expect(base).toContainText('Stawka bazowa');
  await expect(base.locator('.rules-diff-before')).toHaveText(/^1 punkt za 1,00\szł$/);
  await expect(base.locator('.rules-diff-after')).toHaveText(/^1 punkt za 0,10\szł$/);
  const tier = diff.locator('tr[data-section="tiers"]');
  await expect(tier).toContainText('Poziom Silver');
  await expect(tier).toContainText('Premia');
  await expect(tier.locator('.rules-diff-before')).toHaveText('5%');
  await expect(tier.locator('.rules-diff-after')).toHaveText('7%');

  // The same difference in English, and a version compared with itself has none.
  await page.getByTestId('language-select').selectOption('en');
  await expect(history.getByTestId('rules-diff').locator('tr[data-section="baseRate"]')).toContainText(
    /Base rate\s*1 point per PLN\s1\.00\s*1 point per PLN\s0\.10/,
  );
  await history.getByTestId('rules-diff-from').selectOption('2');
  await expect(history.getByTestId('rules-diff-none')).toHaveText('Versions 2 and 2 have the same rules.');
});
