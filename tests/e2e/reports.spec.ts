// The Reports screen hands the client's report of an approved period to the coordinator as a workbook, and says
// what to do first when no period is approved.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './axe-check';
import { expect, openScreen, test } from './fixtures';
import { approveSeptemberInCore, seedPayoutsProgram } from './payouts-seed';

test('an approved period’s client report downloads as a workbook with its four sheets', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  await openScreen(page, server, 'reports', 'Reports');
  const row = page.getByTestId('report-2026-09');
  await expect(row).toContainText('September 2026');
  await expect(row).toContainText('Approved');
  await expectNoSeriousViolations(page, 'reports');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-download-2026-09').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('report-2026-09.xlsx');
  const path = join(dataDir, 'report.xlsx');
  await download.saveAs(path);
  await expect(page.getByTestId('report-saved')).toHaveText(
    'Saved report-2026-09.xlsx: the client report of September 2026.',
  );
  // The program is Polish: its client reads Polish sheets.
  const titles = execFileSync(
    '/usr/bin/python3',
    ['-c', 'import sys, openpyxl; print(",".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))', path],
    { encoding: 'utf8' },
  ).trim();
  expect(titles).toBe('Podsumowanie,Ranking,Uczestnicy,Ustalenia');

  // The program-to-date report covers every approved period; here the one.
  await expect(page.getByTestId('report-program')).toContainText('September 2026 – September 2026');
  const toDate = page.waitForEvent('download');
  await page.getByTestId('report-download-program').click();
  expect((await toDate).suggestedFilename()).toBe('report-to-2026-09.xlsx');
  await expect(page.getByTestId('report-saved')).toHaveText(
    'Saved report-to-2026-09.xlsx: the program-to-date report.',
  );
});

test('with no approved period, Reports says why and leads to Scoring', async ({ page, server, dbFile, dataDir }) => {
  await seedPayoutsProgram(dbFile, dataDir);
  await openScreen(page, server, 'reports', 'Reports');
  await expect(page.getByTestId('reports-none')).toContainText('No approved period yet');
  await page.getByRole('link', { name: 'Go to Scoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring' })).toBeVisible();
});
