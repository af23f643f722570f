// Issue 15, item 6, the UI half: the quarter of quarter-cli.test.ts (September to November 2026 of
// the reference program) through the real renderer alone, on a real data file: the create form,
// the import wizard's file input, Verification's bulk accept, Scoring, Payouts' approval and
// downloads, Settings' backup and restore, Rules, Reports and Audit. The core runs at the CLI
// journey's fixed instant, as its operator, so that the two ledgers must come out entry for
// entry the same: the test ends by running the CLI quarter and comparing them.
import type { Locator } from '@playwright/test';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebServerHandle } from '../../src-main/web/web-server';
import { test as base, expect, startTestServer } from '../e2e/fixtures';
import { ledgerDifference, runQuarterInCli } from './quarter-cli-journey';
import {
  CUT_BUDGET_MINOR,
  QUARTER_ACTOR,
  QUARTER_NOW,
  REASONS,
  REFERENCE_PROGRAM,
  readLedger,
  topUpsOfCsv,
  writeConfirmation,
  writeQuarterFiles,
} from './quarter-files';

/** The e2e fixtures' web server, but at the quarter's instant and by its operator, as the CLI journey runs. */
const test = base.extend<{ server: WebServerHandle }>({
  server: async ({ dbFile }, use) => {
    const server = await startTestServer(dbFile, { actor: QUARTER_ACTOR, fixedNow: QUARTER_NOW });
    await use(server);
    await server.close();
  },
});

type ImportKind = 'participants' | 'products' | 'targets' | 'sales' | 'confirmations';

/** The rows besides the ledger that both journeys must agree on. */
function recordsOf(dbFile: string): Record<string, unknown[]> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      rules: all('SELECT version, rules_json, note, created_by FROM rule_versions ORDER BY id'),
      batches: all(
        'SELECT id, kind, file_name, period, rows_read, accepted, superseded_by FROM import_batches ORDER BY id',
      ),
      decisions: all('SELECT period, anomaly_key, action, reason FROM verification_decisions ORDER BY id'),
      payouts: all('SELECT period, participant_code, reference, amount_minor FROM payouts ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

test('the whole quarter through the real UI ends with the same ledger as through the CLI', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.slow();
  const started = Date.now();
  const files = writeQuarterFiles(dataDir);
  const program = JSON.parse(readFileSync(REFERENCE_PROGRAM, 'utf8')) as { name: string; client: string };

  /** Clicks what makes the window hand over a file and saves it as `name` in the test's folder. */
  async function download(click: Locator, name: string): Promise<string> {
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await click.click();
    const path = join(dataDir, name);
    await (await downloading).saveAs(path);
    return path;
  }

  /** A screen opened from the sidebar, as the coordinator does (no reload of the window). */
  async function go(screen: string, title: string): Promise<void> {
    await page.getByTestId(`nav-${screen}`).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** One client file through the wizard: kind, the file input, the preview, the commit. Returns the report. */
  async function importFile(kind: ImportKind, file: string, replaceBatch?: number): Promise<Locator> {
    await go('import', 'Import');
    // Still on the report of the file before: the wizard starts again.
    if (await page.getByTestId('import-report').isVisible())
      await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId(`kind-${kind}`).click();
    await expect(page.getByTestId(`kind-${kind}`).locator('input')).toBeChecked();
    if (replaceBatch !== undefined) {
      await page.getByTestId('correction-yes').check();
      await page.getByTestId('replace-batch').selectOption(String(replaceBatch));
    } else if (kind === 'sales') await expect(page.getByTestId('correction-yes')).not.toBeChecked();
    await page.getByTestId('import-file-input').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await expect(preview.getByTestId('stat-rejected').locator('.stat-value')).toHaveText('0');
    await preview.getByTestId('import-commit').click();
    const report = page.getByTestId('import-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(report.getByTestId('stat-rejected').locator('.stat-value')).toHaveText('0');
    return report;
  }

  /** Every open finding of the period ticked and accepted with the one reason: a decision each, as `verify resolve`. */
  async function acceptAllFindings(period: string): Promise<void> {
    await go('verification', 'Verification');
    await page.getByTestId('verify-period').selectOption(period);
    await expect(page.getByTestId('stat-open')).toBeVisible();
    const open = Number(await page.getByTestId('stat-open').locator('.stat-value').innerText());
    expect(open, `${period} has findings to resolve`).toBeGreaterThan(0);
    await page.getByTestId('findings-choose-all').check();
    const bulk = page.getByTestId('bulk-resolve');
    await expect(bulk).toContainText(`${open} finding${open === 1 ? '' : 's'} chosen`);
    await bulk.getByTestId('bulk-action').selectOption('accept');
    await bulk.getByTestId('bulk-reason').fill(REASONS.accept);
    await bulk.getByTestId('bulk-submit').click();
    await expect(page.getByTestId('verify-confirmation')).toContainText(
      `Resolved ${open} finding${open === 1 ? '' : 's'}, each with its own record`,
    );
    await expect(page.getByTestId('verify-all-resolved')).toBeVisible();
  }

  /** Scoring: the period's draft calculated (and noted as calculated). */
  async function calculate(period: string): Promise<void> {
    await go('scoring', 'Scoring');
    await page.getByTestId('scoring-period').selectOption(period);
    await page.getByTestId('calculate').click();
    await expect(page.getByTestId('draft-banner')).toBeVisible({ timeout: 60_000 });
  }

  /** Payouts: the whole proposal approved; over the budget only with the reason given. */
  async function approve(period: string, overBudgetReason?: string): Promise<void> {
    await go('payouts', 'Payouts');
    await page.getByTestId('payouts-period').selectOption(period);
    await expect(page.getByTestId('open-findings')).toHaveCount(0);
    await expect(page.getByTestId(overBudgetReason ? 'proposal-over-budget' : 'proposal-within-budget')).toBeVisible({
      timeout: 60_000,
    });
    await page.getByTestId('approve').click();
    await page.getByTestId('approve-confirm').click();
    if (overBudgetReason) {
      const dialog = page.getByTestId('over-budget-dialog');
      await expect(dialog).toBeVisible({ timeout: 60_000 });
      await expect(dialog).toContainText('PLN 1,000.00');
      await dialog.getByTestId('override-reason').fill(overBudgetReason);
      await dialog.getByTestId('override-confirm').click();
    }
    await expect(page.getByTestId('approved-banner')).toBeVisible({ timeout: 60_000 });
    if (overBudgetReason) await expect(page.getByTestId('approval-reason')).toContainText(overBudgetReason);
  }

  /** The card csv downloaded from Payouts, and the issuer's answer to it imported (one top-up refused, if named). */
  async function exportAndConfirm(period: string, failedReference?: string): Promise<void> {
    const csv = await download(page.getByTestId('export-csv'), `payouts-${period}.csv`);
    await expect(page.getByTestId('export-done')).toBeVisible();
    const topUps = topUpsOfCsv(csv);
    expect(topUps.length, `the payout file of ${period}`).toBeGreaterThan(5);
    const confirmation = writeConfirmation(csv, join(dataDir, `confirmation-${period}.csv`), failedReference);

    await page.getByTestId('import-confirmation').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await expect(page.getByTestId('kind-confirmations').locator('input')).toBeChecked();
    await page.getByTestId('import-file-input').setInputFiles(confirmation);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await preview.getByTestId('import-commit').click();
    const report = page.getByTestId('import-report');
    const failed = failedReference ? 1 : 0;
    await expect(report.getByTestId('stat-created').locator('.stat-value')).toHaveText(String(topUps.length - failed));
    await expect(report.getByTestId('stat-updated').locator('.stat-value')).toHaveText(String(failed));
    await expect(report.getByTestId('stat-rejected').locator('.stat-value')).toHaveText('0');
  }

  await test.step('create the program from the form, prefilled from examples/reference-program.json', async () => {
    await page.goto(server.url);
    await page.getByTestId('create-program').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a program' })).toBeVisible();
    await expect(page.getByLabel('Program name')).toHaveValue(program.name);
    await expect(page.getByLabel('Client', { exact: true })).toHaveValue(program.client);
    await expect(page.getByTestId('create-point-value')).toHaveValue('0.10');
    await expect(page.getByLabel('First period')).toHaveValue('2026-09');
    // Accepted unchanged, so that it is the program `program init --config` makes.
    await page.getByTestId('create-submit').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByTestId('fact-budget')).toContainText('PLN 150,000.00');
  });

  await test.step('import participants, products and targets', async () => {
    await expect((await importFile('participants', files.participants)).getByTestId('stat-created')).toContainText(
      '12',
    );
    await importFile('products', files.products);
    await importFile('targets', files.targets);
  });

  await test.step('September: sales, findings, scoring, approval, paid but for one refused top-up', async () => {
    const report = await importFile('sales', files.salesSeptember);
    await expect(report.getByTestId('report-period')).toHaveText('Period: September 2026');
    await acceptAllFindings('2026-09');
    await calculate('2026-09');
    await approve('2026-09');
    await exportAndConfirm('2026-09', 'LD-2026-09-000002');
    await page.getByTestId('import-report').getByTestId('view-payouts').click();
    await expect(
      page
        .getByTestId('payouts-grid')
        .locator('[role="row"]', { hasText: 'LD-2026-09-000002' })
        .getByTestId('payout-status'),
    ).toHaveText('Failed');
  });

  await test.step('October: sales, then September corrected after its approval, settled in October', async () => {
    await importFile('sales', files.salesOctober);
    const report = await importFile('sales', files.salesSeptemberCorrected, 4);
    await expect(report.getByTestId('report-period')).toHaveText('Period: September 2026');
    await expect(
      page.getByTestId('import-batches').locator('tr[data-batch="4"]').getByTestId('superseded-mark'),
    ).toHaveText('Superseded by #7');

    await calculate('2026-10');
    const late = page.getByTestId('late-corrections').locator('tbody tr');
    await expect(late).toHaveCount(1);
    await expect(late).toContainText('R0001');
    await expect(late).toContainText('September 2026');
    await expect(late).toContainText('+536');

    await acceptAllFindings('2026-10');
    await approve('2026-10');
    await exportAndConfirm('2026-10');
  });

  await test.step('Settings → Data: back up now, then restore that backup', async () => {
    await go('settings', 'Settings');
    const copy = join(dataDir, 'after-october.db');
    await page.getByLabel('Also save a copy to (optional)').fill(copy);
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-done')).toContainText(`A copy is saved at ${copy}.`, { timeout: 60_000 });
    const manual = page.locator('[data-testid="backup-row"][data-reason="manual"]');
    await expect(manual).toHaveCount(1);
    await manual.getByRole('button', { name: /^Restore the backup of / }).click();
    const dialog = page.getByTestId('restore-dialog');
    await expect(dialog).toContainText('The file in use now is kept aside first');
    await dialog.getByTestId('restore-confirm').click();
    const notice = page.getByTestId('restored-notice');
    await expect(notice).toContainText(/^Restored the backup of .* \(Backed up by hand\)\. /, { timeout: 60_000 });
    await expect(notice).toContainText(/-restore\.db\.$/);
  });

  await test.step('November: budget cut in Rules, targets, sales, approved over budget with a reason', async () => {
    await go('rules', 'Rules');
    await expect(page.getByTestId('rules-version')).toHaveText('Rules version 1');
    await expect(page.getByTestId('budget-enabled')).toBeChecked();
    await expect(page.getByTestId('rule-budget-perPeriodMinor')).toHaveValue('150000.00');
    await page.getByTestId('rule-budget-perPeriodMinor').fill((CUT_BUDGET_MINOR / 100).toFixed(2));
    await expect(page.getByTestId('rules-dirty')).toBeVisible();
    await page.getByTestId('rules-save').click();
    const dialog = page.getByTestId('save-rules-dialog');
    await dialog.getByTestId('rules-note').fill(REASONS.rules);
    await dialog.getByTestId('rules-save-confirm').click();
    await expect(page.getByTestId('rules-version')).toHaveText('Rules version 2');
    await expect(page.getByTestId('rules-saved')).toContainText(REASONS.rules);

    await importFile('targets', files.targetsNovember);
    const report = await importFile('sales', files.salesNovember);
    await expect(report.getByTestId('report-period')).toHaveText('Period: November 2026');
    await acceptAllFindings('2026-11');
    await calculate('2026-11');
    await approve('2026-11', REASONS.overBudget);
    await exportAndConfirm('2026-11');
  });

  await test.step('Reports: November’s client report and the program-to-date report', async () => {
    await go('reports', 'Reports');
    const period = await download(page.getByTestId('report-download-2026-11'), 'report-2026-11.xlsx');
    await expect(page.getByTestId('report-saved')).toHaveText(
      'Saved report-2026-11.xlsx: the client report of November 2026.',
    );
    await expect(page.getByTestId('report-program')).toContainText('September 2026 – November 2026');
    const toDate = await download(page.getByTestId('report-download-program'), 'report-program.xlsx');
    await expect(page.getByTestId('report-saved')).toHaveText(
      'Saved report-to-2026-11.xlsx: the program-to-date report.',
    );
    for (const path of [period, toDate])
      expect(readFileSync(path).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  await test.step('Statements: November’s published and downloaded as PDFs', async () => {
    // On the Reports screen still, below the client reports.
    await page.getByTestId('statements-publish-2026-11').click();
    const counts = page.getByTestId('statements-counts');
    await expect(counts).toHaveText(/^November 2026: \d+ published, 0 replaced, 0 unchanged\.$/);
    const published = Number(/(\d+) published/.exec(await counts.innerText())?.[1]);
    expect(published).toBeGreaterThan(5);
    const zip = await download(page.getByTestId('statements-download-2026-11'), 'statements-2026-11.zip');
    await expect(page.getByTestId('statements-saved')).toContainText(`${published} statements of November 2026`);
    const pdfs = Object.keys(unzipSync(readFileSync(zip))).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(published);
  });

  await test.step('Audit: the package exported and verified clean', async () => {
    await go('audit', 'Audit');
    const zip = await download(page.getByTestId('audit-export'), 'audit.zip');
    await expect(page.getByTestId('audit-export-saved')).toBeVisible();
    await page.getByTestId('audit-package-input').setInputFiles(zip);
    const ok = page.getByTestId('audit-verify-ok');
    await expect(ok).toContainText('Nothing differs in the package', { timeout: 120_000 });
    await expect(ok).toContainText('Approved periods recomputed: 3;');
    await expect(page.getByTestId('audit-verify-problems')).toHaveCount(0);
  });

  await test.step('the same quarter through the CLI alone leaves the same ledger', async () => {
    const cliDir = join(dataDir, 'cli');
    mkdirSync(cliDir);
    const cli = await runQuarterInCli(cliDir);
    const ui = readLedger(dbFile);
    expect(ui.entries.length).toBe(cli.ledger.entries.length);
    expect(ledgerDifference(ui, cli.ledger)).toBeNull();
    expect(ui.head).toBe(cli.ledger.head);
    // What the ledger rests on: the same rules versions (the budget cut saved as the same document), batches,
    // decisions and top-ups.
    expect(recordsOf(dbFile)).toEqual(recordsOf(cli.dbFile));
  });

  console.log(`The quarter through the UI and the CLI took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
});
