import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openScreen, samplesDir, seedProgram, test } from './fixtures';

/** Drops a file on the drop zone as a browser would, with a DataTransfer holding it. */
async function dropFile(page: Page, path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  // A string, so that the DOM code runs in the page without DOM types in the Node project.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const binary = atob(${JSON.stringify(base64)});
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], ${JSON.stringify(name)}));
    return transfer;
  })()`);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('imports the sample participants file through the wizard and shows them in the table', async ({
  page,
  server,
  dbFile,
}) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'import', 'Import');
  await expect(page.getByTestId('kind-participants').getByRole('radio')).toBeChecked();

  await page.getByTestId('import-file-input').setInputFiles(join(samplesDir, 'participants.xlsx'));

  // The preview first: nothing is written until the operator confirms.
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Check before importing' })).toBeFocused();
  await expect(preview.getByTestId('stat-rows-read')).toContainText('12');
  await expect(preview.getByTestId('stat-accepted')).toContainText('12');
  await expect(preview.getByTestId('stat-rejected')).toContainText('0');
  await expect(preview.getByTestId('import-mapping')).toContainText('Participant code');
  await expect(preview.getByTestId('preview-rows').locator('[role="row"][data-key]')).toHaveCount(12);
  // The card column shows each card by its last four characters until the coordinator asks for them in full.
  const first = preview.getByTestId('preview-rows').locator('[role="row"][data-key]').filter({ hasText: 'R0001' });
  await expect(first).toContainText('•••• 0001');
  await expect(first).not.toContainText('4000-0001');
  await preview.getByTestId('preview-reveal').click();
  await expect(first).toContainText('4000-0001');
  await expect(page.getByText('No file has been imported yet.')).toBeVisible();

  await preview.getByRole('button', { name: 'Import 12 rows' }).click();

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Import report' })).toBeFocused();
  await expect(report.getByTestId('stat-accepted')).toContainText('12');
  await expect(report.getByTestId('stat-created')).toContainText('12');
  await expect(page.getByTestId('import-announcement')).toHaveText('Import finished: 12 rows imported.');
  // The batch is in the history below.
  await expect(page.getByTestId('import-batches')).toContainText('participants.xlsx');

  await report.getByRole('link', { name: 'View participants' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await expect(page.getByTestId('participants-count')).toHaveText('12 participants');
  const rows = page.locator('[data-testid="participants-grid"] .grid-body [role="row"]');
  await expect(rows).toHaveCount(12);
  await expect(rows.first()).toContainText('R0001');
  await expect(rows.last()).toContainText('R0012');

  // A row opens the details: every field, where it came from.
  await rows.nth(2).click();
  const detail = page.getByTestId('participant-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Ольга Петрова');
  await expect(detail).toContainText('r0003@client.example');
  await expect(detail).toContainText('participants.xlsx, row 4');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('a damaged file is refused with one clear sentence and no stack trace', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  seedProgram(dbFile);
  const bad = join(dataDir, 'bad.xlsx');
  writeFileSync(bad, randomBytes(4096));
  await openScreen(page, server, 'import', 'Import');

  await page.getByTestId('import-file-input').setInputFiles(bad);

  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible({ timeout: 20_000 });
  const sentence = (await error.getByTestId('error-sentence').innerText()).trim();
  expect(sentence).toBe('The file could not be read: it is damaged or not what its name says.');
  const everything = await error.innerText();
  expect(everything).not.toMatch(/\bat\s+\S+\s*\(|Error:|\.ts:\d+|node_modules|stack/i);
  expect(everything.split('\n').filter((line) => line.trim()).length).toBe(1);
  // Back at the first step, ready for another file; nothing was imported.
  await expect(page.getByTestId('import-step-choose')).toBeVisible();
  await expect(page.getByText('No file has been imported yet.')).toBeVisible();
});

test('a file dropped on the zone is imported; the same file again is refused', async ({ page, server, dbFile }) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'import', 'Import');
  const sample = join(samplesDir, 'participants.xlsx');

  await dropFile(page, sample, 'participants.xlsx');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-report').getByTestId('stat-accepted')).toContainText('12', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(page.getByTestId('import-file-input')).toBeFocused();
  await dropFile(page, sample, 'participants-copy.xlsx');
  // Refused before anything is read into a preview, back at the first step.
  const refused = page.getByTestId('import-error');
  // It names the earlier import, when and by whom (issue 14: history you can open).
  await expect(refused.getByTestId('error-sentence')).toHaveText(
    /^The same file was imported as import #1 \(participants\.xlsx\) on .+ by e2e; a file is never imported twice\.$/,
  );
  await expect(page.getByTestId('import-batches').locator('tbody tr')).toHaveCount(1);
});
