// Issue 14, item 4 on the demo's files: the findings as a table filtered and grouped, two
// resolved together with one reason, one of those decisions withdrawn, and a standing decision
// ("lines under PH-027 belong to PH-026 from now on") that settles the next month's file when it
// comes, without asking again, until it is ended.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openScreen, repoRoot, seedImportFile, seedParticipantsFile, seedProgram, test } from './fixtures';

const DEMO = join(repoRoot, 'examples', 'demo');

test('findings filtered and grouped, resolved in bulk, withdrawn, and settled by a standing decision', async ({
  page,
  server,
  dbFile,
}) => {
  test.slow();
  seedProgram(dbFile, JSON.parse(readFileSync(join(DEMO, 'demo-program.json'), 'utf8')) as Record<string, unknown>);
  await seedParticipantsFile(dbFile, join(DEMO, 'participants.xlsx'));
  for (const [kind, file] of [
    ['products', 'products.xlsx'],
    ['targets', 'targets.xlsx'],
    ['sales', 'sales-2026-09.xlsx'],
  ] as const)
    await seedImportFile(dbFile, kind, join(DEMO, file));

  await openScreen(page, server, 'verification?period=2026-09', 'Verification');
  const table = page.getByTestId('findings-table');
  const row = (key: string) => table.locator(`[role="row"][data-key="${key}"]`);
  const itemRows = table.locator('.grid-body [role="row"]:not(.is-group)');
  await expect(page.getByTestId('stat-open')).toContainText('10');
  await expect(itemRows).toHaveCount(10);

  // Filtered by kind, by participant (code or name, shown beside the code) and by amount.
  await page.getByTestId('verify-code').selectOption('UNKNOWN_PARTICIPANT');
  await expect(itemRows).toHaveCount(2);
  await page.getByTestId('verify-code').selectOption('all');
  await page.getByTestId('verify-participant').fill('PH-004');
  await expect(itemRows).toHaveCount(1);
  const name = (await row('VOLUME_OUTLIER:PH-004').locator('[data-column="name"]').textContent())!.trim();
  expect(name.length).toBeGreaterThan(3);
  await page.getByTestId('verify-participant').fill(name);
  await expect(row('VOLUME_OUTLIER:PH-004')).toBeVisible();
  await page.getByTestId('verify-participant').fill('');
  await page.getByTestId('verify-amount').fill('99999999');
  await expect(page.getByTestId('verify-no-match')).toBeVisible();
  await page.getByTestId('verify-amount').fill('');

  // Grouped by kind: one heading row per kind, and a box that chooses the group's open findings.
  await page.getByTestId('verify-group').selectOption('kind');
  const outliers = table.locator('[role="row"].is-group', { hasText: 'Unusual volume' });
  await expect(outliers).toContainText('2 findings, 2 open');
  await outliers.getByTestId('findings-choose-group').check();
  const bulk = page.getByTestId('bulk-resolve');
  await expect(bulk).toContainText('2 findings chosen');
  await bulk.getByTestId('bulk-action').selectOption('accept');
  await bulk.getByTestId('bulk-reason').fill('Seasonal orders, confirmed by the client.');
  await bulk.getByTestId('bulk-submit').click();
  await expect(page.getByTestId('verify-confirmation')).toContainText(
    'Resolved 2 findings, each with its own record; they are now in the Resolved list. 8 still open.',
  );
  await expect(page.getByTestId('stat-open')).toContainText('8');
  await page.getByTestId('verify-show-resolved').click();
  for (const key of ['VOLUME_OUTLIER:PH-004', 'VOLUME_OUTLIER:PH-021'])
    await expect(row(key).getByTestId('finding-row-status')).toHaveText('Resolved');

  // One of them withdrawn, with its reason: the decision stays on record, the finding opens again.
  await row('VOLUME_OUTLIER:PH-004').click();
  const card = page.locator('[data-testid="finding"][data-key="VOLUME_OUTLIER:PH-004"]');
  await expect(card.getByTestId('decision')).toContainText('Seasonal orders, confirmed by the client.');
  await card.getByTestId('decision-withdraw').click();
  await card.getByTestId('withdraw-reason').fill('PH-004’s orders were not seasonal after all.');
  await card.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('verify-confirmation')).toContainText('was withdrawn');
  await expect(card.getByTestId('decision')).toHaveAttribute('data-withdrawn', 'true');
  await expect(card.getByTestId('decision-withdrawal')).toContainText('not seasonal after all');
  await expect(card.getByTestId('finding-status')).toHaveText('Open');
  await expect(page.getByTestId('stat-open')).toContainText('9');

  // PH-027's lines belong to PH-026 from now on: a standing decision.
  await page.getByTestId('verify-status-open').click();
  await page.getByTestId('verify-group').selectOption('none');
  await row('UNKNOWN_PARTICIPANT:PH-027').getByTestId('finding-choose').check();
  await bulk.getByTestId('bulk-action').selectOption('assign');
  await bulk.getByTestId('resolve-participant').fill('PH-026');
  await bulk.getByTestId('bulk-reason').fill('Lines under PH-027 belong to PH-026 from now on.');
  await bulk.getByTestId('bulk-standing').check();
  await bulk.getByTestId('bulk-submit').click();
  await expect(page.getByTestId('verify-confirmation')).toContainText('the standing decision below settles it');
  const rule = page.getByTestId('standing-rule');
  await expect(rule).toContainText('the lines go to PH-026');
  await expect(rule).toContainText('Lines under PH-027 belong to PH-026 from now on.');
  await expect(rule.getByTestId('standing-span')).toHaveText('From October 2026, with no end');

  // October's file comes: PH-027's lines there are settled by the rule, without asking again.
  await seedImportFile(dbFile, 'sales', join(DEMO, 'sales-2026-10.xlsx'));
  await page.goto(`${server.url}#/verification?period=2026-10`);
  await expect(page.getByTestId('verify-period')).toHaveValue('2026-10');
  await expect(row('UNKNOWN_PARTICIPANT:PH-027')).toHaveCount(0);
  await page.getByTestId('verify-status-resolved').click();
  await expect(row('UNKNOWN_PARTICIPANT:PH-027').getByTestId('finding-row-status')).toHaveText('Standing');
  await row('UNKNOWN_PARTICIPANT:PH-027').click();
  const settled = page.locator('[data-testid="finding"][data-key="UNKNOWN_PARTICIPANT:PH-027"]');
  await expect(settled.getByTestId('decision')).toContainText('standing decision');
  await expect(settled.getByTestId('decision')).toContainText('Lines under PH-027 belong to PH-026 from now on.');

  // Ended after October: it says so, with its reason.
  await rule.getByTestId('standing-end').click();
  await rule.getByTestId('standing-end-reason').fill('PH-027 is a new representative from November.');
  await rule.getByTestId('standing-end-submit').click();
  await expect(rule.getByTestId('standing-span')).toContainText('From October 2026 to October 2026; ended');
});
