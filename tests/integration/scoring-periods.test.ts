// Scoring over three periods on a real SQLite file, through the real importers: every field of
// every participant compared with values worked out by hand from reference-program.md.
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { addManualAdjustment } from '../../src-main/core/decisions/manual-adjustment';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { listPeriods } from '../../src-main/core/scoring/list-periods';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { explainParticipant } from '../../src-main/core/scoring/explain';
import { calculatePeriod, periodResult } from '../../src-main/core/scoring/period-score';
import type { ScoreRow } from '../../src-main/core/scoring/score-types';
import { importSales } from '../../src-main/core/sales/import-sales';
import { csvFile, importScenarioSales, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { refusalAsync as refusal } from '../fixtures/refusal';
import { caseOpener, stage, type Stage } from '../fixtures/staged-database';
import { tableCounts } from '../fixtures/test-database';

const NAMES: Record<string, string> = {
  A: 'Anna Adamska',
  B: 'Bartosz Bąk',
  C: 'Celina Czajka',
  D: 'Dmitrij Dudin',
  E: 'Ewa Ekiert',
  F: 'Filip Frankowski',
  G: 'Grażyna Górska',
  H: 'Henryk Hoffmann',
};

/** A full row: every field is written out, the ones not given are zero or null. */
function row(code: string, fields: Partial<ScoreRow>): ScoreRow {
  return {
    code,
    name: NAMES[code]!,
    volumeMinor: 0,
    previousVolumeMinor: null,
    tier: null,
    tierBonusPct: 0,
    base: 0,
    campaign: 0,
    subtotal: 0,
    tierBonus: 0,
    promotedMinor: 0,
    targetMinor: null,
    attainmentBp: null,
    targetBonusPct: 0,
    targetBonus: 0,
    beforeCap: 0,
    capCut: 0,
    earned: 0,
    prize: 0,
    prizes: [],
    total: 0,
    carry: 0,
    adjustments: 0,
    corrections: 0,
    payablePoints: 0,
    payoutMinor: 0,
    held: null,
    lineCount: 0,
    ...fields,
  };
}

/** The scenario's three months imported, then approved one by one. */
const imported = stage(null, async (ctx) => {
  await seedScenarioMasterData(ctx);
  for (const period of ['2026-09', '2026-10', '2026-11']) await importScenarioSales(ctx, period);
});
const septemberApproved = stage(imported, (ctx) => {
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
});
const octoberApproved = stage(septemberApproved, (ctx) => {
  approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
});

const tradeFairDuty = { period: '2026-11', participantCode: 'B', points: 50, reason: 'Trade fair stand duty' };

/** A return of one DOG-01 by A, dated in October and sent after October was approved. */
const lateReturn = (ctx: CoreContext) =>
  importSales(ctx, csvFile('late-return-2026-10.csv', [SALES_HEADER, '2026-10-25;A;DOG-01;-1;-100,00;O/99']), {
    period: '2026-10',
  });

describe('three periods of the scenario', () => {
  // Each case starts on its own database from the periods it needs approved, so it runs alone and in any order.
  const open = caseOpener();
  const at = async (from: Stage) => (await open(from)).ctx;

  it('2026-09, the first period: no tiers, a capped participant, a participant without a card', async () => {
    const ctx = await at(imported);
    const result = calculatePeriod(ctx, '2026-09');
    expect(result.rows).toEqual([
      row('A', {
        volumeMinor: 30_100_000,
        base: 1000,
        subtotal: 1000,
        promotedMinor: 100_000,
        targetMinor: 200_000,
        attainmentBp: 5000,
        beforeCap: 1000,
        earned: 1000,
        total: 1000,
        payablePoints: 1000,
        payoutMinor: 10_000,
        lineCount: 2,
      }),
      row('B', {
        volumeMinor: 55_050_000,
        base: 150,
        subtotal: 150,
        promotedMinor: 50_000,
        targetMinor: 40_000,
        attainmentBp: 12_500,
        targetBonusPct: 50,
        targetBonus: 75,
        beforeCap: 225,
        earned: 225,
        total: 225,
        payablePoints: 225,
        payoutMinor: 2250,
        lineCount: 2,
      }),
      row('C', {
        volumeMinor: 6_000_000,
        base: 60_000,
        subtotal: 60_000,
        promotedMinor: 6_000_000,
        targetMinor: 5_000_000,
        attainmentBp: 12_000,
        targetBonusPct: 50,
        targetBonus: 30_000,
        beforeCap: 90_000,
        capCut: 40_000,
        earned: 50_000,
        total: 50_000,
        payablePoints: 50_000,
        payoutMinor: 500_000,
        lineCount: 1,
      }),
      row('D', {
        volumeMinor: 80_000,
        base: 800,
        subtotal: 800,
        promotedMinor: 80_000,
        beforeCap: 800,
        earned: 800,
        total: 800,
        held: 'noDestination',
        lineCount: 1,
      }),
      row('E', {
        volumeMinor: 50_000,
        base: 500,
        subtotal: 500,
        promotedMinor: 50_000,
        targetMinor: 100_000,
        attainmentBp: 5000,
        beforeCap: 500,
        earned: 500,
        total: 500,
        payablePoints: 500,
        payoutMinor: 5000,
        lineCount: 1,
      }),
    ]);
    expect(result.anomalies.map((a) => [a.code, a.participantCode])).toEqual([['MISSING_TARGET', 'D']]);
    expect(result.totals).toEqual({
      participants: 5,
      lines: 7,
      earned: 52_525,
      prizes: 0,
      payablePoints: 51_725,
      payoutMinor: 517_250,
      heldParticipants: 1,
      heldPoints: 800,
      budgetMinor: 15_000_000,
    });
    expect(result.state).toBe('calculated');
  });

  it('refuses to approve 2026-10 before 2026-09', async () => {
    const ctx = await at(imported);
    const error = await refusal(() => approvePeriod(ctx, '2026-10'));
    expect(error.code).toBe('EARLIER_PERIOD_OPEN');
    expect(error.message).toContain('2026-09');
  });

  it('2026-10: tiers from September, a campaign, a return, a contest tie broken by join date then code', async () => {
    const ctx = await at(imported);
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
    const result = calculatePeriod(ctx, '2026-10');
    expect(result.rows).toEqual([
      row('A', {
        volumeMinor: 60_200_000,
        previousVolumeMinor: 30_100_000,
        tier: 'SILVER',
        tierBonusPct: 5,
        base: 2000,
        campaign: 200,
        subtotal: 2200,
        tierBonus: 110,
        promotedMinor: 200_000,
        targetMinor: 200_000,
        attainmentBp: 10_000,
        targetBonusPct: 20,
        targetBonus: 440,
        beforeCap: 2750,
        earned: 2750,
        total: 2750,
        payablePoints: 2750,
        payoutMinor: 27_500,
        lineCount: 2,
      }),
      row('B', {
        volumeMinor: 12_000_000,
        previousVolumeMinor: 55_050_000,
        tier: 'GOLD',
        tierBonusPct: 10,
        base: 300,
        subtotal: 300,
        tierBonus: 30,
        promotedMinor: 100_000,
        beforeCap: 330,
        earned: 330,
        total: 330,
        payablePoints: 330,
        payoutMinor: 3300,
        lineCount: 2,
      }),
      row('C', {
        volumeMinor: 1000,
        previousVolumeMinor: 6_000_000,
        base: 10,
        campaign: 1,
        subtotal: 11,
        promotedMinor: 1000,
        targetMinor: 1000,
        attainmentBp: 10_000,
        targetBonusPct: 20,
        targetBonus: 2,
        beforeCap: 13,
        earned: 13,
        total: 13,
        payablePoints: 13,
        payoutMinor: 130,
        lineCount: 1,
      }),
      row('D', { previousVolumeMinor: 80_000, carry: 800, held: 'noDestination' }),
      row('E', {
        volumeMinor: -70_000,
        previousVolumeMinor: 50_000,
        base: -700,
        subtotal: -700,
        promotedMinor: -70_000,
        targetMinor: 100_000,
        attainmentBp: -7000,
        beforeCap: -700,
        earned: -700,
        total: -700,
        lineCount: 1,
      }),
      row('F', {
        volumeMinor: 40_000,
        base: 400,
        subtotal: 400,
        promotedMinor: 40_000,
        targetMinor: 1_000_000,
        attainmentBp: 400,
        beforeCap: 400,
        earned: 400,
        prize: 500,
        prizes: [{ contestId: 'TURBOBOOST', place: 3, points: 500 }],
        total: 900,
        payablePoints: 900,
        payoutMinor: 9000,
        lineCount: 1,
      }),
      row('G', {
        volumeMinor: 40_000,
        base: 400,
        subtotal: 400,
        promotedMinor: 40_000,
        targetMinor: 1_000_000,
        attainmentBp: 400,
        beforeCap: 400,
        earned: 400,
        prize: 2000,
        prizes: [{ contestId: 'TURBOBOOST', place: 1, points: 2000 }],
        total: 2400,
        payablePoints: 2400,
        payoutMinor: 24_000,
        lineCount: 1,
      }),
      row('H', {
        volumeMinor: 40_000,
        base: 400,
        subtotal: 400,
        promotedMinor: 40_000,
        targetMinor: 1_000_000,
        attainmentBp: 400,
        beforeCap: 400,
        earned: 400,
        prize: 1000,
        prizes: [{ contestId: 'TURBOBOOST', place: 2, points: 1000 }],
        total: 1400,
        payablePoints: 1400,
        payoutMinor: 14_000,
        lineCount: 1,
      }),
    ]);
    expect(result.anomalies.map((a) => [a.code, a.participantCode])).toEqual([['MISSING_TARGET', 'B']]);
    expect(result.totals.payoutMinor).toBe(77_930);
  });

  it('2026-11: tiers move up (A to Gold) and down (B to Bronze), a negative carry pays nothing, held points stay', async () => {
    const ctx = await at(septemberApproved);
    approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
    const result = calculatePeriod(ctx, '2026-11');
    expect(result.rows).toEqual([
      row('A', {
        volumeMinor: 10_000,
        previousVolumeMinor: 60_200_000,
        tier: 'GOLD',
        tierBonusPct: 10,
        base: 100,
        subtotal: 100,
        tierBonus: 10,
        promotedMinor: 10_000,
        beforeCap: 110,
        earned: 110,
        total: 110,
        payablePoints: 110,
        payoutMinor: 1100,
        lineCount: 1,
      }),
      row('B', {
        volumeMinor: 100_000,
        previousVolumeMinor: 12_000_000,
        tier: 'BRONZE',
        tierBonusPct: 3,
        base: 1000,
        subtotal: 1000,
        tierBonus: 30,
        promotedMinor: 100_000,
        beforeCap: 1030,
        earned: 1030,
        total: 1030,
        payablePoints: 1030,
        payoutMinor: 10_300,
        lineCount: 1,
      }),
      row('D', { carry: 800, held: 'noDestination' }),
      row('E', {
        volumeMinor: 30_000,
        previousVolumeMinor: -70_000,
        base: 300,
        subtotal: 300,
        promotedMinor: 30_000,
        beforeCap: 300,
        earned: 300,
        total: 300,
        carry: -700,
        lineCount: 1,
      }),
    ]);
    expect(listPeriods(ctx).map((p) => [p.period, p.state])).toEqual([
      ['2026-11', 'calculated'],
      ['2026-10', 'approved'],
      ['2026-09', 'approved'],
    ]);
  });

  it('a locked period shows what was posted and refuses a second approval', async () => {
    const ctx = await at(octoberApproved);
    const before = periodResult(ctx, '2026-10');
    expect(before.locked).toBe(true);
    expect(before.rows.find((r) => r.code === 'G')!.total).toBe(2400);
    const error = await refusal(() => approvePeriod(ctx, '2026-10'));
    expect(error.code).toBe('PERIOD_LOCKED');
  });

  it('a manual adjustment needs a reason, goes only into an open period, and shows in the draft and in explain', async () => {
    const ctx = await at(octoberApproved);
    const counts = tableCounts(ctx);
    expect(
      (
        await refusal(() =>
          addManualAdjustment(ctx, { period: '2026-11', participantCode: 'B', points: 50, reason: '  ' }),
        )
      ).code,
    ).toBe('REASON_REQUIRED');
    expect(
      (
        await refusal(() =>
          addManualAdjustment(ctx, { period: '2026-10', participantCode: 'B', points: 50, reason: 'x' }),
        )
      ).code,
    ).toBe('PERIOD_LOCKED');
    expect(
      (
        await refusal(() =>
          addManualAdjustment(ctx, { period: '2026-11', participantCode: 'NOPE', points: 50, reason: 'x' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(tableCounts(ctx)).toEqual(counts);

    addManualAdjustment(ctx, tradeFairDuty);
    const b = calculatePeriod(ctx, '2026-11').rows.find((r) => r.code === 'B')!;
    expect([b.adjustments, b.total, b.payablePoints, b.payoutMinor]).toEqual([50, 1030, 1080, 10_800]);
    const explained = explainParticipant(ctx, '2026-11', 'B');
    expect(explained.adjustments.map((a) => [a.points, a.note, a.actor])).toEqual([
      [50, 'Trade fair stand duty', 'test'],
    ]);
  });

  it('a late return for a locked period is settled in the open one, pointing to what it corrects', async () => {
    const ctx = await at(octoberApproved);
    await lateReturn(ctx);
    // October itself does not change.
    expect(periodResult(ctx, '2026-10').rows.find((r) => r.code === 'A')!.total).toBe(2750);
    const november = calculatePeriod(ctx, '2026-11');
    // October recomputed: base 1900, campaign 200, subtotal 2100, Silver +105, attainment 95.00% (no band) -> 2205;
    // posted 2750.
    expect(november.corrections.map((c) => [c.correctsPeriod, c.participantCode, c.points])).toEqual([
      ['2026-10', 'A', -545],
    ]);
    const a = november.rows.find((r) => r.code === 'A')!;
    expect([a.corrections, a.total, a.payablePoints]).toEqual([-545, 110, 0]);

    approvePeriod(ctx, '2026-11', { acceptOpenAnomalies: 'Checked with the client' });
    const entries = ctx.store.sqlite
      .prepare(
        "SELECT period, kind, points, corrects_period AS c FROM ledger_entries WHERE participant_code = 'A' AND kind = 'adjustment'",
      )
      .all();
    expect(entries).toEqual([{ period: '2026-11', kind: 'adjustment', points: -545, c: '2026-10' }]);
    const balance = ctx.store.sqlite
      .prepare("SELECT SUM(points) AS b FROM ledger_entries WHERE participant_code = 'A'")
      .get() as { b: number };
    expect(balance.b).toBe(110 - 545);
    // Settled once: the next period has nothing more to correct.
    expect(calculatePeriod(ctx, '2026-12').corrections).toEqual([]);
    expect(calculatePeriod(ctx, '2026-12').rows.find((r) => r.code === 'A')!.carry).toBe(-435);
  });

  it('leaves a ledger whose chain verifies, with every balance a sum of entries', async () => {
    // The whole story: three approvals, the last with a manual adjustment and a correction of October.
    const ctx = await at(octoberApproved);
    addManualAdjustment(ctx, tradeFairDuty);
    await lateReturn(ctx);
    approvePeriod(ctx, '2026-11', { acceptOpenAnomalies: 'Checked with the client' });
    const verification = verifyLedger(ctx.store.sqlite);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.anchorsChecked).toBe(3);
    const d = ctx.store.sqlite
      .prepare("SELECT SUM(points) AS b FROM ledger_entries WHERE participant_code = 'D'")
      .get() as { b: number };
    expect(d.b).toBe(800);
  });
});
