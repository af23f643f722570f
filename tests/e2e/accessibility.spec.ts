import { join } from 'node:path';
import { expectNoSeriousViolations } from './axe-check';
import { expect, openScreen, samplesDir, seedImportFile, seedParticipantsFile, seedProgram, test } from './fixtures';
import { approveSeptemberInCore, seedPayoutsProgram } from './payouts-seed';
import { seedScoredProgram } from './scoring-seed';
import { SALES_OCTOBER, writeParticipantsWithProblems } from './wizard-files';

// axe reads the whole page in one evaluate: on a loaded 2-core machine a page takes seconds; every case here is slow.
test.describe.configure({ timeout: 135_000 });

test('welcome and create form have no serious accessibility problems', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Loyalty Desk' })).toBeVisible();
  await expect(page.getByText(/^Data file:/)).toBeVisible();
  await expectNoSeriousViolations(page, 'welcome');

  await page.getByTestId('create-program').click();
  await expect(page.getByLabel('Program name')).toHaveValue('Partner Plus');
  await expectNoSeriousViolations(page, 'create form');
});

test('dashboard, import report, participants and settings have no serious accessibility problems', async ({
  page,
  server,
  dbFile,
}) => {
  // Five axe scans and an import: on a shared CI machine with two workers this took 48 s once.
  seedProgram(dbFile);
  await openScreen(page, server, 'dashboard', 'Dashboard');
  await expect(page.getByTestId('program-facts')).toBeVisible();
  await expectNoSeriousViolations(page, 'dashboard');

  await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(join(samplesDir, 'participants.xlsx'));
  await page.getByTestId('import-commit').click({ timeout: 20_000 });
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expectNoSeriousViolations(page, 'import report');

  await page.getByRole('navigation').getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByTestId('participants-count')).toHaveText('12 participants');
  await page.locator('.grid-body [role="row"]').first().click();
  await expect(page.getByTestId('participant-detail').getByRole('heading', { level: 2 })).toHaveText('Barbara Nowicka');
  await expectNoSeriousViolations(page, 'participants with details');

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('data-file')).toBeVisible();
  await expectNoSeriousViolations(page, 'settings');

  await page.getByRole('navigation').getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByTestId('operator-log')).toBeVisible();
  await expectNoSeriousViolations(page, 'audit');
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

test('every step of the import wizard has no serious accessibility problems', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  seedProgram(dbFile);
  await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
  await seedImportFile(dbFile, 'products', join(samplesDir, 'products.xlsx'));
  await seedImportFile(dbFile, 'sales', SALES_OCTOBER);
  await openScreen(page, server, 'import', 'Import');

  // Step 1 with everything a sales file can be told: a month and the import it corrects.
  await page.getByTestId('kind-sales').click();
  await page.getByTestId('period-mode-month').check();
  await page.getByTestId('correction-yes').check();
  await expect(page.getByTestId('replace-batch')).toBeVisible();
  await expectNoSeriousViolations(page, 'import: choose a sales file');

  // Preview with problems: highlighted rows, problems list open.
  await page.getByTestId('kind-participants').click();
  await page.getByTestId('import-file-input').setInputFiles(writeParticipantsWithProblems(dataDir));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await preview.getByTestId('preview-problems').locator(':scope > summary').click();
  await expectNoSeriousViolations(page, 'import: preview');

  // Columns on demand.
  await preview.getByTestId('adjust-columns').click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await expectNoSeriousViolations(page, 'import: adjust columns');
  await page.getByTestId('mapping-back').click();

  // Done.
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expectNoSeriousViolations(page, 'import: report');
});

test('scoring, explanation and approval have no serious accessibility problems', async ({ page, server, dbFile }) => {
  // Seven axe scans of a full screen: slower than the other tests by design.
  await seedScoredProgram(dbFile, { budgetMinor: 1_000, october: false });
  await openScreen(page, server, 'scoring', 'Scoring');
  await expect(page.getByTestId('not-calculated')).toBeVisible();
  await expectNoSeriousViolations(page, 'scoring: not calculated');

  await page.getByTestId('calculate').click();
  await expect(page.getByTestId('score-grid')).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'scoring: draft');

  await page.getByTestId('score-grid').locator('[role="row"][data-key]').first().click();
  await expect(page.getByTestId('explanation')).toBeVisible();
  await expectNoSeriousViolations(page, 'scoring: explanation');
  await page.getByTestId('explain-close').click();

  await page.getByTestId('approve').click();
  await expect(page.getByTestId('approve-dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'scoring: approve dialog');
  await page.getByTestId('approve-confirm').click();
  await expect(page.getByTestId('open-findings-dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'scoring: open findings reason');
  await page.getByTestId('override-reason').fill('Findings checked with the client.');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('over-budget-dialog')).toBeVisible();
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-reason-error')).toBeVisible();
  await expectNoSeriousViolations(page, 'scoring: over-budget reason');
  await page.getByTestId('override-reason').fill('Agreed with the client.');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('locked-banner')).toBeVisible();
  await expectNoSeriousViolations(page, 'scoring: locked period');
});

test('participant points, adjustments and rules have no serious accessibility problems', async ({
  page,
  server,
  dbFile,
}) => {
  await seedScoredProgram(dbFile, { october: false });
  await openScreen(page, server, 'participants', 'Participants');
  await page.getByTestId('participants-grid').locator('[role="row"][data-index="0"]').click();
  await expect(page.getByTestId('points-section').getByTestId('explanation')).toBeVisible();
  await page.getByTestId('adjust-submit').click();
  await expect(page.getByTestId('adjust-reason-error')).toBeVisible();
  await expectNoSeriousViolations(page, 'participant points and adjustment errors');

  await page.getByRole('navigation').getByRole('link', { name: 'Rules' }).click();
  await expect(page.getByTestId('what-if-totals')).toBeVisible();
  await page.getByTestId('rule-tiers-0-bonusPct').fill('2000');
  await expect(page.getByTestId('rule-tiers-0-bonusPct-error')).toBeVisible();
  await expectNoSeriousViolations(page, 'rules with a problem');
  await page.getByTestId('rule-tiers-0-bonusPct').fill('10');
  await page.getByTestId('rule-baseRate-points').fill('2');
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('save-rules-dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'rules: save dialog');
});

test('verification, payouts, confirmation import and budget have no serious accessibility problems', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  // Nine axe scans of a full screen: slower than the other tests by design.
  await seedPayoutsProgram(dbFile, dataDir);
  await openScreen(page, server, 'verification', 'Verification');
  await page.getByTestId('findings-table').locator('[role="row"][data-key^="UNKNOWN_PARTICIPANT:"]').click();
  const unknown = page.locator('[data-testid="finding"][data-code="UNKNOWN_PARTICIPANT"]');
  await unknown.getByTestId('evidence-toggle').click();
  await unknown.getByTestId('resolve-open').click();
  await unknown.getByTestId('resolve-lines-chosen').check();
  await unknown.getByTestId('resolve-submit').click();
  await expect(unknown.getByTestId('resolve-reason-error')).toBeVisible();
  await expectNoSeriousViolations(page, 'verification: resolving with errors');
  await page.getByTestId('verify-status-all').click();
  await expectNoSeriousViolations(page, 'verification: all findings');

  await page.getByRole('navigation').getByRole('link', { name: 'Payouts' }).click();
  await expect(page.getByTestId('proposal-grid')).toBeVisible();
  await page.getByTestId('proposal-select').first().uncheck();
  await page.getByTestId('fit-budget').check();
  await expect(page.getByTestId('proposal-within-budget')).toBeVisible();
  await expectNoSeriousViolations(page, 'payouts: proposal fitted to the budget');
  await page.getByTestId('fit-budget').uncheck();
  await page.getByTestId('approve').click();
  await page.getByTestId('approve-confirm').click();
  // The first approval of a window starts the task lane's host process before it is refused: seconds on a loaded
  // two-core CI machine (the test failed there once at 10 s while the dialog came a moment later).
  await expect(page.getByTestId('open-findings-dialog')).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousViolations(page, 'payouts: open findings reason');
  await page.keyboard.press('Escape');

  approveSeptemberInCore(dbFile);
  await page.reload();
  await expect(page.getByTestId('approved-banner')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  await downloading;
  await expect(page.getByTestId('export-done')).toBeVisible();
  await expectNoSeriousViolations(page, 'payouts: approved and exported');
  await page.getByTestId('batch-void').click();
  await page.getByTestId('void-confirm').click();
  await expect(page.getByTestId('void-reason-error')).toBeVisible();
  await expectNoSeriousViolations(page, 'payouts: void dialog');
  await page.keyboard.press('Escape');

  await page.getByTestId('import-confirmation').click();
  await expect(page.getByTestId('kind-confirmations').locator('input')).toBeChecked();
  await expectNoSeriousViolations(page, 'import: choose a confirmation');

  await page.getByRole('navigation').getByRole('link', { name: 'Budget' }).click();
  await expect(page.getByTestId('budget-chart')).toBeVisible();
  await expectNoSeriousViolations(page, 'budget');
});

test('the card issuer’s template editor, with problems and a totals row, has no serious accessibility problems', async ({
  page,
  server,
  dbFile,
}) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'settings?section=payout-template', 'Settings');
  await expect(page.getByTestId('template-kind')).toHaveText('Built-in template');
  await expectNoSeriousViolations(page, 'settings: the built-in template');

  await page.getByTestId('template-columns-1-header').fill('');
  await page.getByTestId('template-csvSeparator-comma').click();
  await page.getByTestId('template-totals').check();
  await page.getByTestId('template-totalsLabel').fill('');
  await expect(page.getByTestId('template-status')).toHaveText('3 fields need attention before saving.');
  await expect(page.getByTestId('template-preview-totals')).toBeVisible();
  await expectNoSeriousViolations(page, 'settings: template with problems');
});
