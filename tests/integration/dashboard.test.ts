// The Dashboard's month at a glance on the scenario's real SQLite file, stage by stage: each pipeline count is the
// tables' own, the budget used is the money approved for payment, the step it waits for follows the period along,
// and the navigation's counts are the verification queue's open findings and the top-ups waiting for confirmation.
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { dashboardOverview, nextStepOf } from '../../src-main/core/reports/dashboard';
import { navigationCounts } from '../../src-main/core/reports/navigation-counts';
import { bandOf } from '../../src-main/core/reports/period-report';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod, periodResult } from '../../src-main/core/scoring/period-score';
import { resolveFinding, verificationQueue } from '../../src-main/core/verification/verification-queue';
import { importScenarioSales } from '../fixtures/scoring-scenario';
import { caseOpener } from '../fixtures/staged-database';
import { openTestContext } from '../fixtures/test-database';
import {
  septemberApproved,
  septemberClosed,
  septemberConfirmed,
  septemberExported,
  septemberImported,
  septemberResolved,
  septemberVoided,
} from '../fixtures/september-payout-stages';

const at = caseOpener();

const one = <T>(ctx: CoreContext, sql: string, ...params: unknown[]): T =>
  ctx.store.sqlite.prepare(sql).get(...params) as T;

/** What the tables say of a period's imports: its current sales batches, their lines and rejected rows. */
function importedOf(ctx: CoreContext, period: string) {
  return one<{ batches: number; lines: number; rejectedRows: number }>(
    ctx,
    `SELECT COUNT(*) AS batches, (SELECT COUNT(*) FROM sales_lines l JOIN import_batches b ON b.id = l.batch_id
       WHERE b.period = ? AND b.superseded_by IS NULL) AS lines, SUM(rejected) AS rejectedRows
     FROM import_batches WHERE kind = 'sales' AND period = ? AND superseded_by IS NULL`,
    period,
    period,
  );
}

/** Top-ups of a period by the status of their latest event. */
function statusesOf(ctx: CoreContext, period: string): Record<string, number> {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT COALESCE((SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1),
                       'approved') AS status, COUNT(*) AS n FROM payouts p WHERE p.period = ? GROUP BY status`,
    )
    .all(period) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

function september(ctx: CoreContext) {
  const overview = dashboardOverview(ctx)!;
  const period = overview.periods.find((p) => p.period === '2026-09');
  expect(period, 'the Dashboard shows 2026-09').toBeDefined();
  return { overview, period: period! };
}

describe('the Dashboard', () => {
  it('has nothing to show without a program, and no period card before anything is imported', () => {
    expect(dashboardOverview(openTestContext({ withProgram: false }))).toBeNull();
    const ctx = openTestContext();
    expect(dashboardOverview(ctx)).toMatchObject({ periods: [], budgetSeries: [], basis: null, movers: null });
    expect(navigationCounts(ctx)).toEqual({ openFindings: 0, waitingTopUps: 0 });
  });

  it("counts an open period's imports, draft and findings as the tables and the verification queue do", async () => {
    const { ctx } = await at(septemberImported);
    const { period, overview } = september(ctx);
    const draft = periodResult(ctx, '2026-09');
    const queue = verificationQueue(ctx, '2026-09');
    expect(period.state).toBe('open');
    expect(period.imported).toEqual(importedOf(ctx, '2026-09'));
    expect(period.imported).toMatchObject({ batches: 2, lines: 8 });
    expect(period.scored).toEqual({
      calculated: false,
      participants: draft.totals.participants,
      points: draft.totals.earned + draft.totals.prizes,
    });
    expect(period.findings).toEqual({ open: queue.open, resolved: queue.resolved, acceptedAtApproval: 0 });
    expect(queue.open).toBe(5);
    expect(period.approved).toBeNull();
    expect(period.next).toEqual({ step: 'score', screen: 'scoring' });
    expect(navigationCounts(ctx)).toEqual({ openFindings: 5, waitingTopUps: 0 });
    // Nothing approved yet: the charts are of the draft, with every participant in one attainment band.
    expect(overview.basis).toEqual({ period: '2026-09', approved: false });
    expect(overview.attainment.reduce((s, b) => s + b.participants, 0)).toBe(draft.rows.length);
    expect(overview.movers).toBeNull();
  });

  it('waits for the findings once scored, for the approval once none is open, and counts again after each write', async () => {
    const { ctx } = await at(septemberResolved);
    calculatePeriod(ctx, '2026-09');
    let { period } = september(ctx);
    expect(period.state).toBe('calculated');
    expect(period.scored?.calculated).toBe(true);
    expect(period.findings).toMatchObject({ open: 3, resolved: 2 });
    expect(period.next).toEqual({ step: 'resolveFindings', screen: 'verification' });
    expect(navigationCounts(ctx).openFindings).toBe(3);

    for (const item of verificationQueue(ctx, '2026-09').items.filter((i) => i.status === 'open'))
      resolveFinding(ctx, { period: '2026-09', key: item.key, action: 'accept', reason: 'Checked with the client' });
    ({ period } = september(ctx));
    expect(period.findings).toMatchObject({ open: 0, resolved: 5 });
    expect(period.next).toEqual({ step: 'approve', screen: 'payouts' });
    expect(navigationCounts(ctx).openFindings).toBe(0);
  });

  it('reads an approved period from its approval: budget used is the money approved for payment', async () => {
    const { ctx } = await at(septemberApproved);
    const { period, overview } = september(ctx);
    const approval = one<{ participants: number; earned: number; prizes: number; budget: number; paid: number }>(
      ctx,
      `SELECT participants, earned, prizes, budget_minor AS budget, paid_minor AS paid
       FROM approved_periods WHERE period = '2026-09'`,
    );
    const payouts = one<{ n: number; money: number }>(
      ctx,
      "SELECT COUNT(*) AS n, SUM(amount_minor) AS money FROM payouts WHERE period = '2026-09'",
    );
    expect(period.state).toBe('approved');
    expect(period.scored).toEqual({
      calculated: true,
      participants: approval.participants,
      points: approval.earned + approval.prizes,
    });
    expect(period.findings).toMatchObject({ open: 0 });
    expect(period.approved).toMatchObject({ paidMinor: approval.paid, topUps: payouts.n });
    expect(period.budget).toEqual({
      budgetMinor: 200_000,
      usedMinor: payouts.money,
      leftMinor: 200_000 - payouts.money,
    });
    expect(payouts.money).toBe(approval.paid);
    expect(overview.budgetSeries).toEqual([{ period: '2026-09', usedMinor: payouts.money, budgetMinor: 200_000 }]);
    expect(period.payouts).toEqual({ notExported: 4, waiting: 0, paid: 0, failed: 0, voided: 0, batches: 0 });
    expect(period.next).toEqual({ step: 'export', screen: 'payouts' });

    // The charts are of the approval: its participants by tier and by attainment band.
    const rows = ctx.store.sqlite
      .prepare('SELECT tier, attainment_bp AS bp, total FROM approved_scores ORDER BY id')
      .all() as { tier: string | null; bp: number | null; total: number }[];
    expect(overview.basis).toEqual({ period: '2026-09', approved: true });
    expect(overview.tiers.reduce((s, t) => s + t.points, 0)).toBe(rows.reduce((s, r) => s + r.total, 0));
    for (const band of overview.attainment)
      expect(band.participants, band.band).toBe(rows.filter((r) => bandOf(r.bp) === band.band).length);
  });

  it('follows the top-ups: exported and waiting, confirmed paid or failed, voided, then closed', async () => {
    let { ctx } = await at(septemberExported);
    let { period } = september(ctx);
    expect(period.state).toBe('exported');
    expect(period.payouts).toMatchObject({ notExported: 0, waiting: 4, batches: 2 });
    expect(statusesOf(ctx, '2026-09')).toEqual({ exported: 4 });
    expect(period.next).toEqual({ step: 'confirm', screen: 'import' });
    expect(navigationCounts(ctx)).toEqual({ openFindings: 0, waitingTopUps: 4 });

    ({ ctx } = await at(septemberConfirmed));
    ({ period } = september(ctx));
    expect(statusesOf(ctx, '2026-09')).toEqual({ exported: 2, paid: 1, failed: 1 });
    expect(period.payouts).toMatchObject({ waiting: 2, paid: 1, failed: 1 });
    // A failed top-up went back to the balance: it no longer uses the budget.
    const used = one<{ money: number }>(
      ctx,
      `SELECT SUM(amount_minor) AS money FROM payouts p WHERE period = '2026-09' AND
         (SELECT e.event FROM payout_events e WHERE e.payout_id = p.id ORDER BY e.id DESC LIMIT 1) <> 'failed'`,
    );
    expect(period.budget.usedMinor).toBe(used.money);
    expect(navigationCounts(ctx).waitingTopUps).toBe(2);

    ({ ctx } = await at(septemberVoided));
    ({ period } = september(ctx));
    expect(period.payouts).toMatchObject({ waiting: 1, paid: 1, failed: 1, voided: 1 });
    expect(period.next.step).toBe('confirm');

    ({ ctx } = await at(septemberClosed));
    ({ period } = september(ctx));
    expect(period.state).toBe('closed');
    expect(period.payouts).toMatchObject({ waiting: 0, paid: 2, failed: 1, voided: 1 });
    expect(period.next).toEqual({ step: 'nothing', screen: null });
    expect(navigationCounts(ctx)).toEqual({ openFindings: 0, waitingTopUps: 0 });
  });

  it('asks to close a period whose top-ups are all confirmed, and to import a period with nothing in it', () => {
    const none = { notExported: 0, waiting: 0, paid: 2, failed: 0, voided: 0, batches: 1 };
    const imported = { batches: 1, lines: 3, rejectedRows: 0 };
    expect(nextStepOf({ state: 'exported', imported, findings: null, payouts: none })).toBe('close');
    expect(
      nextStepOf({ state: 'open', imported: { batches: 0, lines: 0, rejectedRows: 0 }, findings: null, payouts: none }),
    ).toBe('import');
  });

  it("ranks the top movers against the previous period's approved points", async () => {
    const { ctx } = await at(septemberClosed);
    await importScenarioSales(ctx, '2026-10');
    approvePeriod(ctx, '2026-10', { overrideBudget: 'test', acceptOpenAnomalies: 'test' });
    const overview = dashboardOverview(ctx)!;
    expect(overview.periods.map((p) => p.period)).toEqual(['2026-10', '2026-09']);
    expect(overview.basis).toEqual({ period: '2026-10', approved: true });
    const totals = (period: string) =>
      new Map(
        (
          ctx.store.sqlite
            .prepare(
              `SELECT s.participant_code AS code, s.total FROM approved_scores s
               JOIN approved_periods a ON a.id = s.approval_id WHERE a.period = ?`,
            )
            .all(period) as { code: string; total: number }[]
        ).map((r) => [r.code, r.total]),
      );
    const now = totals('2026-10');
    const before = totals('2026-09');
    const changes = [...new Set([...now.keys(), ...before.keys()])]
      .map((code) => ({ code, change: (now.get(code) ?? 0) - (before.get(code) ?? 0) }))
      .filter((c) => c.change !== 0);
    const up = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change);
    const down = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change);
    expect(overview.movers?.previousPeriod).toBe('2026-09');
    expect(overview.movers?.up.map((m) => [m.code, m.change])).toEqual(up.slice(0, 5).map((c) => [c.code, c.change]));
    expect(overview.movers?.down.map((m) => [m.code, m.change])).toEqual(
      down.slice(0, 5).map((c) => [c.code, c.change]),
    );
    expect(overview.movers!.up.length + overview.movers!.down.length).toBeGreaterThan(0);
    expect(overview.budgetSeries.map((b) => b.period)).toEqual(['2026-09', '2026-10']);
  });
});
