import { expect, openScreen, seedProgram, test } from './fixtures';

test('the language switch translates the app and is kept after a reload', async ({ page, server, dbFile }) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'dashboard', 'Dashboard');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Participants' })).toBeVisible();

  await page.getByTestId('language-select').selectOption('pl');
  await expect(nav.getByRole('link', { name: 'Uczestnicy' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Ustawienia' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pulpit');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  // Money in the Polish way.
  await expect(page.getByTestId('fact-budget')).toContainText('150 000,00 zł');

  await page.getByTestId('language-select').selectOption('ru');
  await expect(nav.getByRole('link', { name: 'Участники' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Настройки' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Начисление баллов' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Обзор');
  await expect(nav.getByRole('link', { name: 'Участники' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  // And from Settings, back to English.
  await nav.getByRole('link', { name: 'Настройки' }).click();
  await page.getByTestId('settings-language').getByText('English').click();
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
});
