// The Dashboard on the demo a month on (September and October approved, September's card top-ups exported, a first
// November file with a line under an unknown code): each period's steps, counts and next step, the four charts drawn
// by recharts with their axes and bars, each chart's table holding the figures the file holds, and the navigation's
// counts; then the counts follow a write made in the window.
import Database from 'better-sqlite3';
import type { Locator } from '@playwright/test';
import { formatMoney, formatInteger } from '../../src-main/core/money/minor-units';
import { advanceDemoAMonth, seedDemo } from './dashboard-seed';
import { expectNoSeriousViolations } from './axe-check';
import { join } from 'node:path';
import { expect, openScreen, samplesDir, seedParticipantsFile, seedProgram, test } from './fixtures';

const money = (minor: number) => formatMoney(minor, 'PLN', 2, 'en-US');
const int = (n: number) => formatInteger(n, 'en-US');

function readFile<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The figures the Dashboard should show, read straight from the file. */
function figures(dbFile: string) {
  return readFile(dbFile, (db) => {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const status = `COALESCE((SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1),
                             'approved')`;
    const used = (period: string) =>
      one<{ m: number }>(
        `SELECT COALESCE(SUM(amount_minor), 0) AS m FROM payouts p WHERE period = ? AND ${status} <> 'failed'
           AND ${status} <> 'voided'`,
        period,
      ).m;
    const approval = (period: string) =>
      one<{ id: number; paid: number; payable: number; participants: number; points: number }>(
        `SELECT id, paid_minor AS paid, payout_minor AS payable, participants, earned + prizes AS points
         FROM approved_periods WHERE period = ?`,
        period,
      );
    const october = approval('2026-10');
    const scores = db
      .prepare('SELECT tier, attainment_bp AS bp, total FROM approved_scores WHERE approval_id = ?')
      .all(october.id) as { tier: string | null; bp: number | null; total: number }[];
    return {
      used: { '2026-09': used('2026-09'), '2026-10': used('2026-10'), '2026-11': used('2026-11') },
      october,
      september: approval('2026-09'),
      scores,
      topUps: Object.fromEntries(
        ['2026-09', '2026-10'].map((p) => [
          p,
          one<{ n: number }>('SELECT COUNT(*) AS n FROM payouts WHERE period = ?', p).n,
        ]),
      ),
      waiting: one<{ n: number }>(`SELECT COUNT(*) AS n FROM payouts p WHERE ${status} = 'exported'`).n,
    };
  });
}

async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/** The chart is drawn: its SVG, one bar for each figure that is not zero (recharts draws none for a zero), ticks. */
async function expectDrawn(page: import('@playwright/test').Page, chart: string, bars: number): Promise<void> {
  const drawing = page.getByTestId(`chart-${chart}-drawing`);
  await expect(drawing.locator('svg.recharts-surface')).toHaveCount(1);
  await expect(drawing.locator('.recharts-bar-rectangle path, path.recharts-rectangle')).toHaveCount(bars);
  expect(await drawing.locator('.recharts-cartesian-axis-tick').count(), `${chart} has axis ticks`).toBeGreaterThan(2);
  // The drawing fits its card: no chart runs out of it at this width.
  const [box, card] = await Promise.all([
    drawing.locator('svg.recharts-surface').boundingBox(),
    page.getByTestId(`chart-${chart}`).boundingBox(),
  ]);
  expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width);
}

test('the Dashboard shows each period on its way, the charts with their figures, and the counts', async ({
  page,
  server,
  dbFile,
  dataDir,
}) => {
  test.setTimeout(90_000);
  await seedDemo(dbFile);
  await advanceDemoAMonth(dbFile, dataDir);
  const f = figures(dbFile);
  await openScreen(page, server, 'dashboard', 'Dashboard');

  // November: imported, a draft with the unknown code's finding open, waiting to be scored.
  const november = page.getByTestId('pipeline-2026-11');
  await expect(november.getByTestId('period-state')).toHaveText('Open');
  await expect(november.getByTestId('step-imported')).toHaveAttribute('data-state', 'done');
  await expect(november.getByTestId('step-imported-detail')).toHaveText('2 lines · 1 file');
  await expect(november.getByTestId('step-scored')).toHaveAttribute('data-state', 'next');
  await expect(november.getByTestId('step-findings')).toHaveAttribute('data-state', 'attention');
  await expect(november.getByTestId('pipeline-waiting')).toHaveAttribute('data-step', 'score');
  await expect(november.getByTestId('pipeline-action')).toHaveAttribute('href', '#/scoring?period=2026-11');

  // October: approved, its figures the approval's, its top-ups not exported yet.
  const october = page.getByTestId('pipeline-2026-10');
  await expect(october.getByTestId('period-state')).toHaveText('Approved');
  for (const step of ['imported', 'scored', 'findings', 'approved'])
    await expect(october.getByTestId(`step-${step}`)).toHaveAttribute('data-state', 'done');
  await expect(october.getByTestId('step-scored-detail')).toHaveText(
    `${int(f.october.participants)} participants, ${int(f.october.points)} points`,
  );
  await expect(october.getByTestId('step-approved-detail')).toContainText(
    `${money(f.october.paid)} approved for payment of ${money(f.october.payable)} payable`,
  );
  await expect(october.getByTestId('step-exported')).toHaveAttribute('data-state', 'next');
  await expect(october.getByTestId('step-exported-detail')).toHaveText(
    `0 of ${int(f.topUps['2026-10']!)} top-ups exported`,
  );
  await expect(october.getByTestId('pipeline-waiting')).toHaveAttribute('data-step', 'export');
  await expect(october.getByTestId('pipeline-budget')).toContainText(
    `Used ${money(f.used['2026-10'])} of ${money(15_000_000)}`,
  );
  await expect(october.getByTestId('pipeline-budget')).toContainText(`${money(15_000_000 - f.used['2026-10'])} left`);

  // September: the card top-ups are in a file and wait for the issuer; the transfer is not exported yet.
  const september = page.getByTestId('pipeline-2026-09');
  await expect(september.getByTestId('step-exported-detail')).toHaveText(
    `${int(f.waiting)} of ${int(f.topUps['2026-09']!)} top-ups exported · 1 file`,
  );
  await expect(september.getByTestId('step-confirmed-detail')).toHaveText(
    `0 paid, 0 failed, ${int(f.waiting)} waiting`,
  );

  // The navigation's counts: the findings open in November, the top-ups waiting for confirmation.
  const nav = page.getByRole('navigation');
  const novemberOpen = Number(
    (await november.getByTestId('step-findings-detail').textContent())!.match(/^(\d+) open/)![1],
  );
  expect(novemberOpen).toBeGreaterThan(0);
  await expect(nav.getByTestId('nav-count-verification')).toContainText(String(novemberOpen));
  await expect(nav.getByRole('link', { name: `Verification ${novemberOpen} open findings` })).toBeVisible();
  await expect(nav.getByTestId('nav-count-payouts')).toContainText(int(f.waiting));

  // The charts: recharts' SVG with a bar for each figure and ticks on the axes; the tables hold the file's figures.
  await expectDrawn(page, 'budget', Object.values(f.used).filter((m) => m > 0).length);
  expect(await tableRows(page.getByTestId('chart-budget-table'))).toEqual([
    ['September 2026', money(f.used['2026-09']), money(15_000_000)],
    ['October 2026', money(f.used['2026-10']), money(15_000_000)],
    ['November 2026', money(0), money(15_000_000)],
  ]);
  await expect(page.getByTestId('chart-budget-drawing').locator('.recharts-reference-line')).toHaveCount(1);

  const tiers = new Map<string, { participants: number; points: number }>();
  for (const s of f.scores) {
    const name = s.tier === null ? 'No tier' : s.tier[0] + s.tier.slice(1).toLowerCase();
    const t = tiers.get(name) ?? { participants: 0, points: 0 };
    tiers.set(name, { participants: t.participants + 1, points: t.points + s.total });
  }
  await expectDrawn(page, 'tiers', tiers.size);
  const tierRows = await tableRows(page.getByTestId('chart-tiers-table'));
  expect(new Map(tierRows.map(([name, participants, points]) => [name, [participants, points]]))).toEqual(
    new Map([...tiers].map(([name, t]) => [name, [int(t.participants), int(t.points)]])),
  );
  // The values written on the bars are the table's.
  const barValues = async (chart: string) =>
    page.getByTestId(`chart-${chart}-drawing`).locator('.recharts-label-list text').allTextContents();
  expect(await barValues('tiers')).toEqual(tierRows.map((r) => r[2]));

  const band = (bp: number | null) =>
    bp === null
      ? 'No target'
      : bp < 8000
        ? 'Below 80%'
        : bp < 10000
          ? '80–99%'
          : bp < 12000
            ? '100–119%'
            : '120% or more';
  const bands = ['No target', 'Below 80%', '80–99%', '100–119%', '120% or more'];
  const attainmentRows = await tableRows(page.getByTestId('chart-attainment-table'));
  await expectDrawn(page, 'attainment', attainmentRows.filter((r) => r[1] !== '0').length);
  expect(attainmentRows).toEqual(bands.map((b) => [b, int(f.scores.filter((s) => band(s.bp) === b).length)]));
  expect(await barValues('attainment')).toEqual(attainmentRows.map((r) => r[1]));

  const moverRows = await tableRows(page.getByTestId('chart-movers-table'));
  expect(moverRows.length).toBeGreaterThan(0);
  expect(moverRows.length).toBeLessThanOrEqual(10);
  await expectDrawn(page, 'movers', moverRows.length);
  for (const [, before, now, change] of moverRows) {
    const n = (text: string) => Number(text.replace(/[^\d-]/g, ''));
    expect(n(change!), `${now} - ${before}`).toBe(n(now!) - n(before!));
  }
  expect(await barValues('movers')).toEqual(moverRows.map((r) => r[3]));

  await expectNoSeriousViolations(page, 'dashboard with charts');

  // A finding resolved in the window: the Verification count follows without a reload.
  await page.goto(`${server.url}#/verification?period=2026-11`);
  await expect(page.getByRole('heading', { level: 1, name: 'Verification' })).toBeVisible();
  await page.getByTestId('findings-table').locator('[role="row"][data-key="UNKNOWN_PARTICIPANT:PH-999"]').click();
  const finding = page.locator('[data-testid="finding"][data-key="UNKNOWN_PARTICIPANT:PH-999"]');
  await finding.getByTestId('resolve-open').click();
  await finding.getByTestId('resolve-action-accept').click();
  await finding.getByTestId('resolve-reason').fill('Checked with the client.');
  await finding.getByTestId('resolve-submit').click();
  await expect(page.getByTestId('verify-announcement')).toContainText('is resolved');
  await expect(nav.getByTestId('nav-count-verification')).toContainText(String(novemberOpen - 1));
});

test('before any approval the Dashboard shows the drafts and says that nothing is approved', async ({
  page,
  server,
  dbFile,
}) => {
  test.setTimeout(90_000);
  await seedDemo(dbFile);
  await openScreen(page, server, 'dashboard', 'Dashboard');
  // Nothing approved yet: the charts are of the newest draft, and the Dashboard says so and leads to Scoring.
  await expect(page.getByTestId('dashboard-nothing-approved')).toBeVisible();
  await expect(page.getByTestId('pipeline-2026-10').getByTestId('pipeline-waiting')).toHaveAttribute(
    'data-step',
    'score',
  );
  await expect(page.getByTestId('chart-movers')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'dashboard of the demo');
});

test('with participants but no sales yet the Dashboard leads to the sales import', async ({ page, server, dbFile }) => {
  seedProgram(dbFile);
  await seedParticipantsFile(dbFile, join(samplesDir, 'participants.xlsx'));
  await openScreen(page, server, 'dashboard', 'Dashboard');
  const empty = page.getByTestId('dashboard-no-periods');
  await expect(empty).toContainText('No sales imported yet');
  await expect(empty.getByRole('link', { name: 'Import sales' })).toHaveAttribute('href', '#/import?kind=sales');
  await expect(page.getByTestId('dashboard-pipeline')).toHaveCount(0);
  await expect(page.getByTestId('dashboard-charts')).toHaveCount(0);
  await expect(page.getByRole('navigation').getByTestId('nav-count-verification')).toHaveCount(0);
});
