// The Audit screen: the heads of both chains as the file holds them, and the operator log, filterable, in the
// operator's language.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
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

test('Audit exports the package, verifies the data file and a package brought back, and names a tampered amount', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  await openScreen(page, server, 'audit', 'Audit');

  await page.getByTestId('audit-verify-file').click();
  const ok = page.getByTestId('audit-verify-ok');
  await expect(ok).toContainText('Nothing differs in this data file');
  await expect(ok).toContainText('Approved periods recomputed: 1;');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const zip = join(dataDir, 'audit.zip');
  await download.saveAs(zip);
  await expect(page.getByTestId('audit-export-saved')).toContainText(download.suggestedFilename());
  const entries = unzipSync(readFileSync(zip));
  expect(Object.keys(entries)).toEqual(expect.arrayContaining(['manifest.json', 'tables/ledger_entries.csv']));

  await page.getByTestId('audit-package-input').setInputFiles(zip);
  await expect(page.getByTestId('audit-verify-ok')).toContainText('Nothing differs in the package');
  await expectNoSeriousViolations(page, 'audit after a verification');

  // One earned amount raised by 1,000 points in the ledger's CSV, the manifest left as it was.
  const csv = Buffer.from(entries['tables/ledger_entries.csv']!).toString('utf8').split('\n');
  const header = csv[0]!.split(',');
  const points = header.indexOf('"points"') >= 0 ? header.indexOf('"points"') : header.indexOf('points');
  const kind = header.indexOf('"kind"') >= 0 ? header.indexOf('"kind"') : header.indexOf('kind');
  const at = csv.findIndex((line, i) => i > 0 && line.split(',')[kind] === '"earn"');
  const cells = csv[at]!.split(',');
  cells[points] = String(Number(cells[points]) + 1000);
  csv[at] = cells.join(',');
  entries['tables/ledger_entries.csv'] = strToU8(csv.join('\n'));
  const bad = join(dataDir, 'audit-tampered.zip');
  writeFileSync(bad, zipSync(entries, { level: 1 }));
  await page.getByTestId('audit-package-input').setInputFiles(bad);
  const problems = page.getByTestId('audit-verify-problems');
  await expect(problems).toContainText('problems in the package');
  await expect(problems.getByTestId('audit-problem').filter({ hasText: 'A ledger entry was changed' })).toHaveCount(1);
  await expect(problems).toContainText('A file differs from its SHA-256 in the manifest');
  await expect(problems).toContainText('Recomputed differently');
});
