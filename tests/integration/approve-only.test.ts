// Approving a selection of participants (`only` in period.approve, `--only` in the CLI): the
// selected are paid, the others keep their payable points in the balance as the next period's
// carry, the budget is judged on the selection, and a code that names nobody is refused.
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import type { CoreContext } from '../../src-main/core/context';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { listPayouts } from '../../src-main/core/payouts/payout-views';
import { payoutProposal } from '../../src-main/core/approval/proposal-view';
import { requireProgram } from '../../src-main/core/program/program-store';
import { updateRules } from '../../src-main/core/program/update-rules';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';

// What 2026-09 of the scenario makes payable (D's 800 points are held: no card, no IBAN).
const PAYABLE_09 = { A: 1000, B: 225, C: 50_000, E: 500 };
const ACCEPT = 'Checked with the client';

const balance = (ctx: CoreContext, code: string) =>
  (
    ctx.store.sqlite
      .prepare('SELECT COALESCE(SUM(points), 0) AS b FROM ledger_entries WHERE participant_code = ?')
      .get(code) as { b: number }
  ).b;
const entries = (ctx: CoreContext, kind: string) =>
  ctx.store.sqlite
    .prepare(
      'SELECT participant_code AS code, SUM(points) AS points FROM ledger_entries WHERE kind = ? GROUP BY participant_code ORDER BY participant_code',
    )
    .raw()
    .all(kind);
const payouts = (ctx: CoreContext, period: string) =>
  listPayouts(ctx, period).map((p) => [p.participantCode, p.points, p.amountMinor, p.status]);

async function september(): Promise<CoreContext> {
  const ctx = openTestContext();
  await seedScenarioMasterData(ctx);
  await importScenarioSales(ctx, '2026-09');
  return ctx;
}

async function cli(ctx: CoreContext, args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  const errors: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  err.on('data', (c: Buffer) => errors.push(c.toString()));
  const code = await runCli([...args, '--db', ctx.store.file], {
    stdout: out,
    stderr: err,
    env: { LOYALTY_ACTOR: 'cli-test' },
  });
  return { code, stdout: chunks.join(''), stderr: errors.join('') };
}

describe('approve --only', () => {
  let ctx: CoreContext;
  beforeEach(async () => {
    ctx = await september();
  });

  it('pays only the selected participants and posts everyone’s points to the ledger', () => {
    approvePeriod(ctx, '2026-09', { only: ['A', 'C'], acceptOpenAnomalies: ACCEPT });
    expect(payouts(ctx, '2026-09')).toEqual([
      ['A', 1000, 10_000, 'approved'],
      ['C', 50_000, 500_000, 'approved'],
    ]);
    // Every participant's earnings are posted, selected or not; only the paid are redeemed.
    expect(entries(ctx, 'redemption')).toEqual([
      ['A', -1000],
      ['C', -50_000],
    ]);
    expect((entries(ctx, 'earn') as [string, number][]).map(([code]) => code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Each top-up points at its own participant's redemption of its own points.
    const links = ctx.store.sqlite
      .prepare(
        'SELECT p.participant_code AS code, p.points, l.participant_code AS entryCode, l.kind, l.points AS entryPoints FROM payouts p JOIN ledger_entries l ON l.id = p.ledger_entry_id ORDER BY p.id',
      )
      .all();
    expect(links).toEqual([
      { code: 'A', points: 1000, entryCode: 'A', kind: 'redemption', entryPoints: -1000 },
      { code: 'C', points: 50_000, entryCode: 'C', kind: 'redemption', entryPoints: -50_000 },
    ]);
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
    const logged = ctx.store.sqlite
      .prepare("SELECT details_json AS d FROM operator_log WHERE action = 'period.approve'")
      .get() as { d: string };
    expect(JSON.parse(logged.d)).toMatchObject({ only: ['A', 'C'], payoutMinor: 510_000 });
  });

  it('leaves the payable points of those not selected in their balances, shown as unpaid in the approved proposal', () => {
    approvePeriod(ctx, '2026-09', { only: ['A', 'C'], acceptOpenAnomalies: ACCEPT });
    expect([balance(ctx, 'A'), balance(ctx, 'B'), balance(ctx, 'C'), balance(ctx, 'E')]).toEqual([
      0,
      PAYABLE_09.B,
      0,
      PAYABLE_09.E,
    ]);
    const approved = payoutProposal(ctx, '2026-09');
    expect(approved.locked).toBe(true);
    expect(approved.rows.map((r) => [r.code, r.selected, r.points, r.unpaidPoints])).toEqual([
      ['A', true, 1000, 0],
      ['B', false, 0, PAYABLE_09.B],
      ['C', true, 50_000, 0],
      ['E', false, 0, PAYABLE_09.E],
    ]);
    expect(approved.totals).toMatchObject({ points: 51_000, amountMinor: 510_000, payablePoints: 51_725 });
  });

  it('carries what was not selected into the next period, where a later approval pays it once', async () => {
    approvePeriod(ctx, '2026-09', { only: ['A', 'C'], acceptOpenAnomalies: ACCEPT });
    await importScenarioSales(ctx, '2026-10');
    const october = calculatePeriod(ctx, '2026-10');
    const row = (code: string) => october.rows.find((r) => r.code === code)!;
    expect([row('A').carry, row('B').carry, row('C').carry, row('E').carry]).toEqual([
      0,
      PAYABLE_09.B,
      0,
      PAYABLE_09.E,
    ]);
    expect(row('B').payablePoints).toBe(PAYABLE_09.B + row('B').total);

    approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: ACCEPT, overrideBudget: 'Big month, agreed' });
    const paidB = listPayouts(ctx).filter((p) => p.participantCode === 'B');
    expect(paidB.map((p) => [p.period, p.points])).toEqual([['2026-10', PAYABLE_09.B + row('B').total]]);
    // A was paid in 2026-09: October pays only October's points, nothing of September again.
    const paidA = listPayouts(ctx).filter((p) => p.participantCode === 'A');
    expect(paidA.map((p) => [p.period, p.points])).toEqual([
      ['2026-09', 1000],
      ['2026-10', row('A').total],
    ]);
    for (const code of ['A', 'B', 'C']) expect(balance(ctx, code)).toBe(0);
  });

  it('judges the budget against the selection: a selection within it is approved without an override', () => {
    const program = requireProgram(ctx);
    // 51,725 points payable are 5,172.50 PLN; the budget is 1,500.00 PLN, which A and E (1,500 points) fit exactly.
    updateRules(ctx, { ...program.rules, budget: { perPeriodMinor: 15_000 } }, 'A small budget for the test');
    expect(payoutProposal(ctx, '2026-09').totals.overBudget).toBe(true);
    expect(payoutProposal(ctx, '2026-09', { only: ['A', 'E'] }).totals).toMatchObject({
      points: 1500,
      amountMinor: 15_000,
      overBudget: false,
    });
    // Nothing to fit: the selection is within the budget, so asking to fit changes nothing.
    expect(payoutProposal(ctx, '2026-09', { only: ['A', 'E'], fitBudget: true }).totals).toMatchObject({
      points: 1500,
      fitted: false,
    });
    approvePeriod(ctx, '2026-09', { only: ['A', 'E'], acceptOpenAnomalies: ACCEPT });
    expect(payouts(ctx, '2026-09')).toEqual([
      ['A', 1000, 10_000, 'approved'],
      ['E', 500, 5000, 'approved'],
    ]);
  });

  it('refuses a selection over the budget, writing nothing', () => {
    const program = requireProgram(ctx);
    updateRules(ctx, { ...program.rules, budget: { perPeriodMinor: 15_000 } }, 'A small budget for the test');
    const counts = tableCounts(ctx);
    const error = refusal(() => approvePeriod(ctx, '2026-09', { only: ['A', 'B', 'E'], acceptOpenAnomalies: ACCEPT }));
    expect(error.code).toBe('OVER_BUDGET');
    expect(error.details).toEqual({ payoutMinor: 17_250, budgetMinor: 15_000 });
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('fits the selection alone to the budget; those not selected get nothing of it', () => {
    const program = requireProgram(ctx);
    updateRules(ctx, { ...program.rules, budget: { perPeriodMinor: 15_000 } }, 'A small budget for the test');
    approvePeriod(ctx, '2026-09', { only: ['A', 'B', 'E'], fitBudget: true, acceptOpenAnomalies: ACCEPT });
    const paid = listPayouts(ctx, '2026-09');
    expect(paid.map((p) => p.participantCode)).toEqual(['A', 'B', 'E']);
    expect(paid.reduce((s, p) => s + p.points, 0)).toBe(1500);
    expect(balance(ctx, 'C')).toBe(PAYABLE_09.C);
  });

  it('refuses a selection naming a code that is no participant, naming it, writing nothing', () => {
    const counts = tableCounts(ctx);
    const error = refusal(() => approvePeriod(ctx, '2026-09', { only: ['A', 'ZZ9'], acceptOpenAnomalies: ACCEPT }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('ZZ9');
    expect(error.details).toMatchObject({ codes: ['ZZ9'] });
    expect(tableCounts(ctx)).toEqual(counts);
    expect(calculatePeriod(ctx, '2026-09').locked).toBe(false);
  });

  it('refuses an empty selection, which would lock the period paying nobody, writing nothing', () => {
    const counts = tableCounts(ctx);
    const error = refusal(() => approvePeriod(ctx, '2026-09', { only: [], acceptOpenAnomalies: ACCEPT }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('refuses the same unknown code in the proposal the approval would make', () => {
    expect(refusal(() => payoutProposal(ctx, '2026-09', { only: ['ZZ9'] })).code).toBe('NOT_FOUND');
  });

  it('says after a CLI approval which top-ups it made and what stays in the balances, not only the payable scores', async () => {
    const program = requireProgram(ctx);
    updateRules(ctx, { ...program.rules, budget: { perPeriodMinor: 15_000 } }, 'A small budget for the test');
    const run = await cli(ctx, ['approve', '--period', '2026-09', '--accept-open-anomalies', ACCEPT, '--only', 'A,E']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Top-ups approved: A 1000 points = 100.00 PLN, E 500 points = 50.00 PLN; total 1500 points = 150.00 PLN of a budget of 150.00 PLN.\n',
    );
    expect(run.stdout).toContain('Not selected, staying in the balances: B 225, C 50000 points.');
    expect(run.stdout).not.toContain('Fitted to the budget');
    const json = await cli(ctx, ['payouts', '--period', '2026-09', '--json']);
    expect((JSON.parse(json.stdout) as { totals: { amountMinor: number } }).totals.amountMinor).toBe(15_000);
  });

  it('says after a CLI approval fitted to the budget what each selected participant keeps in the balance', async () => {
    const program = requireProgram(ctx);
    updateRules(ctx, { ...program.rules, budget: { perPeriodMinor: 15_000 } }, 'A small budget for the test');
    const run = await cli(ctx, [
      'approve',
      '--period',
      '2026-09',
      '--accept-open-anomalies',
      ACCEPT,
      '--only',
      'A,B,E',
      '--fit-budget',
    ]);
    expect(run.code).toBe(0);
    const kept = listPayouts(ctx, '2026-09').map(
      (p) => `${p.participantCode} ${PAYABLE_09[p.participantCode as 'A' | 'B' | 'E'] - p.points}`,
    );
    expect(run.stdout).toContain(`Fitted to the budget, staying in the balances: ${kept.join(', ')} points.`);
    expect(run.stdout).toContain('Not selected, staying in the balances: C 50000 points.');
  });

  it('takes --only from the CLI: the selected are paid, a code that names nobody is refused with exit 1', async () => {
    const wrong = await cli(ctx, [
      'approve',
      '--period',
      '2026-09',
      '--accept-open-anomalies',
      ACCEPT,
      '--only',
      'A,ZZ9',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^loyalty: .*ZZ9/);
    expect(listPayouts(ctx, '2026-09')).toEqual([]);
    // An empty value (a shell variable left unset) selects nobody: refused, not a period locked with no top-ups.
    const empty = await cli(ctx, [
      'approve',
      '--period',
      '2026-09',
      '--accept-open-anomalies',
      ACCEPT,
      '--only',
      ' , ',
    ]);
    expect(empty.code).toBe(1);
    expect(calculatePeriod(ctx, '2026-09').locked).toBe(false);

    const run = await cli(ctx, [
      'approve',
      '--period',
      '2026-09',
      '--accept-open-anomalies',
      ACCEPT,
      '--only',
      'A, E',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { locked: boolean }).locked).toBe(true);
    expect(payouts(ctx, '2026-09')).toEqual([
      ['A', 1000, 10_000, 'approved'],
      ['E', 500, 5000, 'approved'],
    ]);
  });
});
