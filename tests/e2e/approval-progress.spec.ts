// An approval of a big period shows where it is, and Stop ends it with nothing written: the
// period stays open, the ledger empty, and the dialog says so.
import Database from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/open-database';
import { seedBigProgram } from '../fixtures/big-program';
import { expect, openScreen, test } from './fixtures';

const PERIOD = '2026-01';

function seedBig(dbFile: string): void {
  const store = openDatabase(dbFile);
  try {
    seedBigProgram(
      { store, actor: 'e2e', now: () => new Date('2026-02-02T08:00:00Z') },
      { firstPeriod: PERIOD, periods: 1, lines: 60_000, participants: 1500 },
    );
  } finally {
    store.close();
  }
}

/** What an approval writes: ledger entries, the decisions accepting the open findings, the approval itself. */
function written(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      ledger: count('ledger_entries'),
      decisions: count('verification_decisions'),
      approvals: count('approved_periods'),
    };
  } finally {
    db.close();
  }
}

test('an approval shows its progress, and Stop leaves the period open with nothing written', async ({
  page,
  server,
  dbFile,
}) => {
  test.setTimeout(120_000);
  seedBig(dbFile);
  await openScreen(page, server, 'scoring', 'Scoring');
  await expect(page.getByTestId('scoring-period')).toHaveValue(PERIOD);
  await page.getByTestId('calculate').click();
  await expect(page.getByTestId('score-grid')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('approve').click();
  await page.getByTestId('approve-confirm').click();
  // The big period has open findings and passes the budget: each asks for its reason first (the
  // approval runs, and shows its progress, for each refusal too).
  for (const dialog of ['open-findings-dialog', 'over-budget-dialog']) {
    const shown = page.getByTestId(dialog);
    await expect(shown).toBeVisible({ timeout: 60_000 });
    await shown.getByRole('textbox').fill('Progress test');
    await page.getByTestId('override-confirm').click();
  }

  // Stopped while it runs (it is accepting 2,666 findings, then scoring 60,000 lines, in its
  // transaction): how far a counted phase is gets shown too, proved in task-cancel.test.ts.
  const progress = page.getByTestId('task-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('task-progress-phase')).toHaveText(
    /Checking the period and its findings|Scoring every sales line/,
  );
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await page.getByTestId('task-progress-stop').click();

  await expect(page.getByTestId('approve-cancelled')).toHaveText(
    'The approval was stopped before it finished: nothing of it was written, and January 2026 is still open.',
  );
  await expect(page.getByTestId('task-progress')).toHaveCount(0);
  expect(written(dbFile)).toEqual({ ledger: 0, decisions: 0, approvals: 0 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('period-state')).toHaveText('Calculated');
});
