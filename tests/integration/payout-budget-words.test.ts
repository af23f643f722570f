// Issue 11, words that are true: the budget to date counts a failed top-up that is approved
// again once, and fitting to the budget says that it lands on the budget to the point value.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import type { CoreContext } from '../../src-main/core/context';
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { importConfirmations } from '../../src-main/core/payouts/import-confirmations';
import { budgetView, listPayouts } from '../../src-main/core/payouts/payout-views';
import { payoutProposal } from '../../src-main/core/approval/proposal-view';
import { requireProgram } from '../../src-main/core/program/program-store';
import { updateRules } from '../../src-main/core/program/update-rules';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { csvFile, importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

/** What the ledger says was sent to be paid: redemptions less the reversals of failed or voided top-ups. */
function redeemedPoints(ctx: CoreContext): number {
  const row = ctx.store.sqlite
    .prepare(
      "SELECT COALESCE(SUM(points), 0) AS p FROM ledger_entries WHERE kind = 'redemption' OR (kind = 'reversal' AND rule = 'payout')",
    )
    .get() as { p: number };
  return -row.p;
}

describe('the budget to date', () => {
  it('counts a failed top-up that is approved again once, not twice', async () => {
    const ctx = openTestContext();
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked' });
    await exportPayouts(ctx, '2026-09', 'xlsx');
    const a = listPayouts(ctx, '2026-09').find((p) => p.participantCode === 'A')!;
    await importConfirmations(
      ctx,
      csvFile('failed.csv', [
        'Reference;Amount;Status',
        `${a.reference};${minorToDecimalString(a.amountMinor, 2)};failed`,
      ]),
    );
    await importScenarioSales(ctx, '2026-10');
    approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked' });
    const againA = listPayouts(ctx, '2026-10').find((p) => p.participantCode === 'A')!;
    // A's failed points came back to the balance and are paid again in October, as a new top-up.
    expect(againA.points).toBeGreaterThanOrEqual(a.points);

    const view = budgetView(ctx);
    const pointValue = requireProgram(ctx).pointValueMinor;
    expect(view.toDate.approvedMinor).toBe(redeemedPoints(ctx) * pointValue);
    const september = view.periods.find((p) => p.period === '2026-09')!;
    expect(september.failedMinor).toBe(a.amountMinor);
    expect(september.approvedMinor).toBe(
      listPayouts(ctx, '2026-09')
        .filter((p) => p.status !== 'failed')
        .reduce((s, p) => s + p.amountMinor, 0),
    );
  });
});

describe('fitting to the budget', () => {
  it('lands on the budget to the point value, and the CLI says what stays unpaid', async () => {
    const ctx = openTestContext();
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    const program = requireProgram(ctx);
    expect(program.pointValueMinor).toBe(10);
    updateRules(
      ctx,
      { ...program.rules, budget: { perPeriodMinor: 200_005 } },
      'A budget that is not a whole number of points',
    );
    const fitted = payoutProposal(ctx, '2026-09', { fitBudget: true });
    expect(fitted.totals).toMatchObject({ fitted: true, points: 20_000, amountMinor: 200_000, budgetMinor: 200_005 });

    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await runCli(['payouts', '--period', '2026-09', '--fit-budget', '--db', ctx.store.file], {
      stdout: out,
      stderr: new PassThrough(),
      env: { LOYALTY_ACTOR: 'test' },
    });
    expect(code).toBe(0);
    expect(text).toContain(
      'fitted to the budget to the point value (0.05 PLN of the budget is less than one point and stays unpaid)',
    );
  });
});
