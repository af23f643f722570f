// Rules as data: a change is a new version, checked before it is kept, and a period can be
// compared under the current and the edited rules before anything is saved.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { periodEvents } from '../../src-main/core/periods/period-states';
import { requireProgram } from '../../src-main/core/program/program-store';
import { updateRules } from '../../src-main/core/program/update-rules';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod, periodResult } from '../../src-main/core/scoring/period-score';
import { whatIf } from '../../src-main/core/scoring/what-if';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';

describe('rules versions and what-if', () => {
  let ctx: CoreContext;
  beforeAll(async () => {
    ctx = openTestContext();
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    await importScenarioSales(ctx, '2026-10');
  });

  it('refuses invalid rules with a sentence naming the field, writing nothing', () => {
    const counts = tableCounts(ctx);
    const rules = requireProgram(ctx).rules;
    const error = refusal(() => updateRules(ctx, { ...rules, tiers: [{ ...rules.tiers[0], bonusPct: -5 }] }, 'Try'));
    expect(error.code).toBe('INVALID_RULES');
    expect(error.message).toBe('The rules are not valid: rules.tiers[0].bonusPct: must not be negative.');
    expect(refusal(() => updateRules(ctx, { ...rules, capPointsPerPeriod: 1.5 }, 'Try')).message).toMatch(
      /rules\.capPointsPerPeriod: must be a whole number/,
    );
    expect(refusal(() => updateRules(ctx, { ...rules, bonus: 1 }, 'Try')).message).toMatch(
      /has unknown setting "bonus"/,
    );
    expect(refusal(() => updateRules(ctx, { ...rules, capPointsPerPeriod: 100 }, ' ')).code).toBe('REASON_REQUIRED');
    expect(refusal(() => whatIf(ctx, '2026-09', { ...rules, baseRate: { points: 1, perMinor: 0 } })).message).toMatch(
      /rules\.baseRate\.perMinor: must be at least 1/,
    );
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('shows each participant’s total and the payout under both rules, saving nothing', () => {
    const program = requireProgram(ctx);
    const counts = tableCounts(ctx);
    const doubled = { ...program.rules, baseRate: { points: 2, perMinor: 100 } };
    const result = whatIf(ctx, '2026-09', doubled);
    const a = result.rows.find((r) => r.code === 'A')!;
    expect(a.before).toEqual({ total: 1000, payablePoints: 1000, payoutMinor: 10_000 });
    expect(a.after).toEqual({ total: 2000, payablePoints: 2000, payoutMinor: 20_000 });
    // C is capped either way; D holds no card either way.
    expect(result.rows.find((r) => r.code === 'C')!.after.total).toBe(50_000);
    expect(result.rows.find((r) => r.code === 'D')!.after.payoutMinor).toBe(0);
    expect(result.totals).toEqual({
      before: { total: 52_525, payoutMinor: 517_250 },
      after: { total: 54_825, payoutMinor: 532_250 },
    });
    expect(result.changedParticipants).toBe(3);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('keeps the version a calculated and an approved period used, and scores open periods with the new one', () => {
    expect(calculatePeriod(ctx, '2026-09').rulesVersion).toBe(1);
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
    const program = updateRules(
      ctx,
      { ...requireProgram(ctx).rules, baseRate: { points: 2, perMinor: 100 } },
      'Double points for the autumn push',
    );
    expect(program.rulesVersion).toBe(2);
    expect(periodResult(ctx, '2026-09')).toMatchObject({ rulesVersion: 1, locked: true });
    expect(periodResult(ctx, '2026-09').rows.find((r) => r.code === 'A')!.total).toBe(1000);
    const october = calculatePeriod(ctx, '2026-10');
    expect(october.rulesVersion).toBe(2);
    expect(october.rows.find((r) => r.code === 'F')!.earned).toBe(800);
    const program2 = ctx.store.sqlite
      .prepare('SELECT version, note, created_by AS by FROM rule_versions ORDER BY version')
      .all();
    expect(program2).toEqual([
      { version: 1, note: 'Program created', by: 'test' },
      { version: 2, note: 'Double points for the autumn push', by: 'test' },
    ]);
    expect(periodEvents(ctx, program.id, '2026-10').map((e) => [e.state, e.ruleVersion])).toEqual([['calculated', 2]]);
  });
});
