// The Audit screen: the heads of both chains as the file holds them, and the operator log, filterable, in the
// operator's language.
import { ledgerHead } from '../../src-main/core/ledger/append-ledger';
import { sealHead } from '../../src-main/db/record-seals';
import { openDatabaseReadOnly } from '../../src-main/db/open-database';
import { expectNoSeriousViolations } from './axe-check';
import { expect, openScreen, test } from './fixtures';
import { approveSeptemberInCore, seedPayoutsProgram } from './payouts-seed';

test('Audit shows the chain heads and the operator log, filtered by action, words and person', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  const store = openDatabaseReadOnly(dbFile);
  const seal = sealHead(store.sqlite);
  const ledger = ledgerHead(store.sqlite);
  const logged = store.sqlite.prepare('SELECT COUNT(*) FROM operator_log').pluck().get() as number;
  store.close();

  await openScreen(page, server, 'audit', 'Audit');
  await expect(page.getByTestId('audit-seal-head')).toHaveText(seal.hash);
  await expect(page.getByTestId('audit-ledger-head')).toHaveText(ledger.hash);
  await expect(page.getByTestId('log-count')).toHaveText(`Showing ${logged} of ${logged}`);
  const rows = page.getByTestId('log-table').locator('tbody tr');
  await expect(rows).toHaveCount(logged);
  // Newest first: the approval was the last decision.
  await expect(rows.first()).toContainText('Period approved');
  await expect(rows.first()).toContainText('2026-09');
  await expectNoSeriousViolations(page, 'audit');

  await page.getByTestId('log-action').selectOption('import');
  await expect(rows.first()).toContainText('imported');
  for (const text of await rows.locator('td:nth-child(3)').allTextContents()) expect(text).toMatch(/imported$/);
  await page.getByTestId('log-action').selectOption('period.approve');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(logged);

  await page.getByTestId('log-search').fill('no such words anywhere');
  await expect(page.getByTestId('log-empty')).toHaveText('No entry matches these filters.');
  await expect(page.getByTestId('log-count')).toHaveText(`Showing 0 of 0`);
  await page.getByTestId('log-search').fill('');
  await expect(rows).toHaveCount(logged);

  await page.getByTestId('language-select').selectOption('pl');
  await expect(page.getByRole('heading', { name: 'Dziennik operatora' })).toBeVisible();
  await expect(rows.first()).toContainText('Zatwierdzono okres');
  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Журнал оператора' })).toBeVisible();
  await expect(rows.first()).toContainText('Период утверждён');
});
