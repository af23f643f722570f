// The Reports screen publishes each participant's statement of an approved period and hands them over as one zip of
// PDFs, and gives the program's rules as a PDF; both read back as a participant would read them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { openDatabaseReadOnly } from '../../src-main/db/open-database';
import { expectNoSeriousViolations } from './axe-check';
import { expect, openScreen, test } from './fixtures';
import { approveSeptemberInCore, seedPayoutsProgram } from './payouts-seed';

test('statements are published once, downloaded as a zip of PDFs, and the rules come as a PDF', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  const store = openDatabaseReadOnly(dbFile);
  const people = store.sqlite
    .prepare(
      `SELECT s.participant_code AS code, p.name, s.total FROM approved_scores s
         JOIN approved_periods a ON a.id = s.approval_id JOIN participants p ON p.code = s.participant_code
        WHERE a.period = '2026-09' ORDER BY s.total DESC`,
    )
    .all() as { code: string; name: string; total: number }[];
  store.close();
  expect(people.length).toBeGreaterThan(1);

  await openScreen(page, server, 'reports', 'Reports');
  const card = page.getByTestId('statements-card');
  await expect(card.getByTestId('statements-2026-09')).toContainText('September 2026');
  await expectNoSeriousViolations(page, 'reports with statements');

  await page.getByTestId('statements-publish-2026-09').click();
  await expect(page.getByTestId('statements-counts')).toHaveText(
    `September 2026: ${people.length} published, 0 replaced, 0 unchanged.`,
  );
  // Publishing again with nothing changed publishes nothing.
  await page.getByTestId('statements-publish-2026-09').click();
  await expect(page.getByTestId('statements-counts')).toHaveText(
    `September 2026: 0 published, 0 replaced, ${people.length} unchanged.`,
  );

  const downloading = page.waitForEvent('download');
  await page.getByTestId('statements-download-2026-09').click();
  const download = await downloading;
  const zipPath = join(dataDir, 'statements.zip');
  await download.saveAs(zipPath);
  await expect(page.getByTestId('statements-saved')).toContainText(`${people.length} statements of September 2026`);
  const entries = unzipSync(readFileSync(zipPath));
  const pdfs = Object.keys(entries).filter((name) => name.endsWith('.pdf'));
  expect(pdfs).toHaveLength(people.length);
  const top = people[0]!;
  const name = pdfs.find((n) => n.includes(top.code))!;
  expect(name, `a PDF named after ${top.code}`).toBeDefined();
  const pdf = join(dataDir, 'top.pdf');
  writeFileSync(pdf, entries[name]!);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(top.name);

  const rules = page.waitForEvent('download');
  await page.getByTestId('rules-document-download').click();
  const rulesPath = join(dataDir, 'rules.pdf');
  await (await rules).saveAs(rulesPath);
  await expect(page.getByTestId('rules-document-saved')).toBeVisible();
  const rulesText = execFileSync('pdftotext', ['-enc', 'UTF-8', rulesPath, '-'], { encoding: 'utf8' });
  expect(rulesText.length).toBeGreaterThan(500);
});
