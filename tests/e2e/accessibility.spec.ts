import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, openScreen, samplesDir, seedProgram, test } from './fixtures';

/** Serious and critical findings only: those block a keyboard or screen-reader user. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${where}`).toEqual([]);
}

test('welcome and create form have no serious accessibility problems', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Loyalty Desk' })).toBeVisible();
  await expect(page.getByText(/^Data file:/)).toBeVisible();
  await expectNoSeriousViolations(page, 'welcome');

  await page.getByTestId('create-program').click();
  await expect(page.getByLabel('Program name')).toHaveValue('Partner Plus');
  await expectNoSeriousViolations(page, 'create form');
});

test('dashboard, import report, participants and settings have no serious accessibility problems', async ({ page, server, dbFile }) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'dashboard', 'Dashboard');
  await expect(page.getByTestId('program-facts')).toBeVisible();
  await expectNoSeriousViolations(page, 'dashboard');

  await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(join(samplesDir, 'participants.xlsx'));
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousViolations(page, 'import report');

  await page.getByRole('navigation').getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByTestId('participants-count')).toHaveText('12 participants');
  await page.locator('.grid-body [role="row"]').first().click();
  await expect(page.getByTestId('participant-detail').getByRole('heading', { level: 2 })).toHaveText('Barbara Nowicka');
  await expectNoSeriousViolations(page, 'participants with details');

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('data-file')).toBeVisible();
  await expectNoSeriousViolations(page, 'settings');

  await page.getByRole('navigation').getByRole('link', { name: 'Payouts' }).click();
  await expect(page.getByTestId('coming-next')).toBeVisible();
  await expectNoSeriousViolations(page, 'a screen of a later version');
});

test('the keyboard reaches the content: skip link, navigation, focus rings', async ({ page, server, dbFile }) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'dashboard', 'Dashboard');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Through the navigation with Tab, and a visible ring on the focused link.
  await page.getByTestId('nav-import').focus();
  await expect(page.getByTestId('nav-import')).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeFocused();
});
