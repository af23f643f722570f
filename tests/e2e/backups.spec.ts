// Settings -> Data: back up now (also to a path typed in), the list of backups, a restore that says what it restored;
// and the first screen's word on a data file the check at the start found wrong, with the latest good backup offered.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { takeBackup } from '../../src-main/core/backup/backup-files';
import { openDatabaseReadOnly } from '../../src-main/db/open-database';
import { startWebServer } from '../../src-main/web/web-server';
import { expect, openScreen, rendererDir, samplesDir, seedParticipantsFile, seedProgram, test } from './fixtures';
import { approveSeptemberInCore, exportSeptemberInCore, seedPayoutsProgram } from './payouts-seed';

// A restore closes the core's hosts, restores and starts them again, and the window loads anew: seconds on a quiet
// machine, but up to a minute on one shared with other test runs (seen at a load average of 12 on two cores), so
// these tests get more than the default 45 s.
test.describe.configure({ timeout: 120_000 });

function participants(dbFile: string): number {
  const store = openDatabaseReadOnly(dbFile);
  try {
    return store.sqlite.prepare('SELECT COUNT(*) FROM participants').pluck().get() as number;
  } finally {
    store.close();
  }
}

test('backs up now, lists the backups, restores one and says what it restored', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  seedProgram(dbFile);
  await openScreen(page, server, 'settings', 'Settings');
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();

  const copy = join(dataDir, 'stick', 'loyalty-copy.db');
  await page.getByLabel('Also save a copy to (optional)').fill(copy);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-done')).toContainText(`A copy is saved at ${copy}.`);
  expect(existsSync(copy)).toBe(true);
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Backed up by hand');

  // A change after the backup, which the restore takes back.
  await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
  expect(participants(dbFile)).toBeGreaterThan(0);

  await rows
    .first()
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toContainText('The file in use now is kept aside first');
  await dialog.getByTestId('restore-confirm').click();

  // The window loads again on the restored file (the core's hosts restart around the restore: on a machine shared
  // with other test runs this takes seconds) and says what was restored and where the old file is.
  await expect(page.getByTestId('restored-notice')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('restored-notice')).toContainText(
    /^Restored the backup of .* \(Backed up by hand\)\. /,
  );
  await expect(page.getByTestId('restored-notice')).toContainText(/-restore\.db\.$/);
  expect(participants(dbFile)).toBe(0);
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="backup-row"][data-reason="restore"]')).toContainText(
    'Kept aside by a restore',
  );

  await page.getByTestId('language-select').selectOption('pl');
  await expect(page.getByRole('heading', { name: 'Kopie zapasowe' })).toBeVisible();
  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Резервные копии' })).toBeVisible();
});

test('a restore that goes back past a payout export lists the file and goes ahead only with a reason', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  await seedPayoutsProgram(dbFile, dataDir);
  approveSeptemberInCore(dbFile);
  // The automatic backup an export takes first, then the export.
  const sqlite = new Database(dbFile);
  takeBackup(sqlite, dbFile, 'export', new Date('2026-10-03T07:59:00Z'));
  sqlite.close();
  const batchRef = await exportSeptemberInCore(dbFile, '2026-10-03T08:00:00Z');

  await openScreen(page, server, 'settings', 'Settings');
  const row = page.locator('[data-testid="backup-row"][data-reason="export"]');
  await row.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByTestId('restore-dialog');
  await dialog.getByTestId('restore-confirm').click();

  // Refused: the dialog names the payout file the restored data would not know, and asks why.
  const lost = dialog.getByTestId('restore-lost-exports');
  await expect(lost).toContainText('This backup was taken before a payout file was exported', { timeout: 60_000 });
  await expect(lost).toContainText('Payouts would offer the same top-ups again');
  await expect(dialog.getByTestId('lost-exports')).toContainText(batchRef);
  await expect(dialog.getByTestId('lost-exports')).toContainText('September 2026');
  await expect(dialog.getByTestId('restore-confirm')).toHaveText('Restore anyway');
  await dialog.getByTestId('restore-confirm').click();
  await expect(dialog.getByTestId('restore-lost-reason-error')).toBeVisible();
  await dialog.getByTestId('restore-lost-reason').fill('The September file was never sent to the issuer.');
  await dialog.getByTestId('restore-confirm').click();

  const notice = page.getByTestId('restored-notice');
  await expect(notice).toContainText('(Before a payout export)', { timeout: 60_000 });
  await expect(page.getByTestId('restored-lost-exports')).toHaveText(
    `The restore went back past the payout file ${batchRef}, which the restored file does not know (reason: The September file was never sent to the issuer.).`,
  );
  const check = openDatabaseReadOnly(dbFile);
  try {
    expect(check.sqlite.prepare('SELECT COUNT(*) FROM payout_batches').pluck().get()).toBe(0);
  } finally {
    check.close();
  }
});

test('the first screen says a safeguard is missing, offers the latest good backup and restores it', async ({
  page,
  dbFile,
}) => {
  seedProgram(dbFile);
  const sqlite = new Database(dbFile);
  takeBackup(sqlite, dbFile, 'approval', new Date('2026-09-30T12:00:00Z'));
  sqlite.exec('DROP TRIGGER ledger_entries_no_update');
  sqlite.close();

  const server = await startWebServer({ dbFile, rendererDir, actor: 'e2e', coreHost: 'built' });
  try {
    await page.goto(server.url);
    const notice = page.getByTestId('start-check');
    await expect(notice).toContainText('Something is wrong with the data file');
    await expect(notice).toContainText(
      'A safeguard was removed from the data file: the trigger ledger_entries_no_update, which keeps the table ledger_entries append-only, is missing or was replaced.',
    );
    await expect(page.getByTestId('start-check-backup')).toContainText('Before an approval');
    await page.getByTestId('start-check-restore').click();
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByTestId('restored-notice')).toContainText('(Before an approval)', { timeout: 60_000 });
    await expect(page.getByTestId('start-check')).toHaveCount(0);
  } finally {
    await server.close();
  }
});

test('a file that is not a Loyalty Desk database is refused on the first screen, in the operator’s words', async ({
  page,
  dbFile,
}) => {
  const other = new Database(dbFile);
  other.exec('CREATE TABLE recipes (name TEXT)');
  other.close();
  const server = await startWebServer({ dbFile, rendererDir, actor: 'e2e', coreHost: 'built' });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('start-check')).toContainText('Loyalty Desk did not open the data file');
    await expect(page.getByTestId('start-check')).toContainText(
      'This file is not a Loyalty Desk data file (it is another kind of file, or another program’s database); it was not changed.',
    );
    await expect(page.getByTestId('start-check')).toContainText('There is no good backup to restore.');
  } finally {
    await server.close();
  }
});

test('a file another program holds is refused without offering a backup, and opens on "Try again" once let go', async ({
  page,
  dbFile,
}) => {
  seedProgram(dbFile);
  const holder = new Database(dbFile);
  holder.pragma('locking_mode = EXCLUSIVE');
  holder.exec('BEGIN EXCLUSIVE');
  const busyBefore = process.env.LOYALTY_BUSY_TIMEOUT_MS;
  // The core's hosts wait this long for the file rather than 5 s.
  process.env.LOYALTY_BUSY_TIMEOUT_MS = '200';
  const server = await startWebServer({ dbFile, rendererDir, actor: 'e2e', coreHost: 'built' });
  try {
    await page.goto(server.url);
    const notice = page.getByTestId('start-check');
    await expect(notice).toHaveAttribute('data-code', 'DATABASE_BUSY');
    await expect(notice).toContainText('Close the other Loyalty Desk window, command or program');
    // Nothing is wrong with the file: no backup is offered in its place.
    await expect(page.getByTestId('start-check-restore')).toHaveCount(0);

    // Still held: the window loads again with the same answer.
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('start-check-retry').click();
    await reloaded;
    await expect(page.getByTestId('start-check')).toHaveAttribute('data-code', 'DATABASE_BUSY');
    await expect(page.getByTestId('start-check-retry')).toBeEnabled();

    holder.exec('ROLLBACK');
    holder.close();
    await page.getByTestId('start-check-retry').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('start-check')).toHaveCount(0);
  } finally {
    if (holder.open) holder.close();
    if (busyBefore === undefined) delete process.env.LOYALTY_BUSY_TIMEOUT_MS;
    else process.env.LOYALTY_BUSY_TIMEOUT_MS = busyBefore;
    await server.close();
  }
});
