import { describe, expect, it } from 'vitest';
import { scorePeriod } from './score-period';
import { byCode, inputFor, line, participant, product } from '../../../tests/fixtures/scoring-fixtures';

const products = byCode([
  product('DOG-01', 'DRY', true),
  product('CAT-07', 'WET', true, 15),
  product('TOY-3', 'TOYS', false),
]);

describe('the worked example of reference-program.md', () => {
  const input = inputFor('2026-10', {
    participants: byCode([participant('PH-001', '2026-08-15')]),
    products,
    previousVolume: new Map([['PH-001', 26_000_000]]),
    targets: new Map([['PH-001', 100_000]]),
    lines: [
      line('PH-001', '2026-10-03', 'DOG-01', 10, 123_456),
      line('PH-001', '2026-10-10', 'CAT-07', 4, 20_000),
      line('PH-001', '2026-10-12', 'DOG-01', -2, -24_691),
      line('PH-001', '2026-10-20', 'TOY-3', 5, 50_000),
    ],
  });
  const score = scorePeriod(input);

  it('gives every field the document gives', () => {
    expect(score.rows).toHaveLength(1);
    expect(score.rows[0]).toEqual({
      code: 'PH-001',
      name: 'Rep PH-001',
      volumeMinor: 168_765,
      previousVolumeMinor: 26_000_000,
      tier: 'SILVER',
      tierBonusPct: 5,
      base: 1048,
      campaign: 99,
      subtotal: 1147,
      tierBonus: 57,
      promotedMinor: 118_765,
      targetMinor: 100_000,
      attainmentBp: 11_876,
      targetBonusPct: 20,
      targetBonus: 229,
      beforeCap: 1433,
      capCut: 0,
      earned: 1433,
      prize: 0,
      prizes: [],
      total: 1433,
      carry: 0,
      adjustments: 0,
      corrections: 0,
      payablePoints: 1433,
      payoutMinor: 14_330,
      held: null,
      lineCount: 4,
    });
    expect(score.anomalies).toEqual([]);
  });

  it('explains each line as the table does', () => {
    const lines = score.lineScores.get('PH-001')!;
    expect(lines.map((l) => [l.line.sku, l.rule, l.points, l.campaignPoints])).toEqual([
      ['DOG-01', 'baseRate', 1234, 123],
      ['CAT-07', 'productRate', 60, 0],
      ['DOG-01', 'baseRate', -246, -24],
      ['TOY-3', 'notPromoted', 0, 0],
    ]);
    expect(lines[0]!.campaigns).toEqual([{ campaignId: 'AUTUMN-DRY', bonusPct: 10, points: 123 }]);
  });
});

describe('scorePeriod', () => {
  it('raises unknown participants, unknown SKUs and missing targets as anomalies, not dropping them', () => {
    const score = scorePeriod(
      inputFor('2026-10', {
        participants: byCode([participant('A', null)]),
        products,
        lines: [line('A', '2026-10-01', 'NOPE', 1, 10_000, 5), line('ZZ', '2026-10-02', 'DOG-01', 1, 500, 6)],
      }),
    );
    expect(
      score.anomalies.map((a) => [a.code, a.participantCode, a.sku, a.lines.map((l) => l.row), a.netMinor]),
    ).toEqual([
      ['MISSING_TARGET', 'A', null, [], 0],
      ['UNKNOWN_PARTICIPANT', 'ZZ', null, [6], 500],
      ['UNKNOWN_SKU', null, 'NOPE', [5], 10_000],
    ]);
    // The unknown SKU still counts toward volume; the unknown participant's line scores for nobody.
    expect(score.rows.map((r) => [r.code, r.volumeMinor, r.base])).toEqual([['A', 10_000, 0]]);
  });

  it('adds overlapping campaigns, each on the line’s own points', () => {
    const score = scorePeriod(
      inputFor('2026-12', {
        participants: byCode([participant('A', null)]),
        products,
        targets: new Map([['A', 0]]),
        lines: [line('A', '2026-12-12', 'DOG-01', 1, 100_000), line('A', '2026-12-12', 'CAT-07', 2, 1_000)],
      }),
    );
    const [dog, cat] = score.lineScores.get('A')!;
    expect(dog!.campaigns.map((c) => [c.campaignId, c.points])).toEqual([['XMAS-ALL-DRY', 50]]);
    expect(cat!.campaigns.map((c) => [c.campaignId, c.points])).toEqual([['XMAS-WET', 7]]);
    expect(score.rows[0]!.attainmentBp).toBeNull();
  });

  it('caps earned points but not prizes, and holds payouts without a destination or for inactive participants', () => {
    const score = scorePeriod(
      inputFor('2026-10', {
        participants: byCode([
          participant('BIG', '2026-10-02'),
          participant('NOCARD', null, { destination: null }),
          participant('GONE', null, { active: false }),
        ]),
        products,
        lines: [
          line('BIG', '2026-10-20', 'DOG-01', 1, 8_000_000),
          line('NOCARD', '2026-10-20', 'DOG-01', 1, 10_000),
          line('GONE', '2026-10-20', 'DOG-01', 1, 20_000),
        ],
      }),
    );
    const big = score.rows.find((r) => r.code === 'BIG')!;
    expect([big.beforeCap, big.capCut, big.earned, big.prize, big.total, big.payablePoints]).toEqual([
      80_000, 30_000, 50_000, 2000, 52_000, 52_000,
    ]);
    expect(score.rows.filter((r) => r.held).map((r) => [r.code, r.held, r.payablePoints])).toEqual([
      ['GONE', 'inactive', 0],
      ['NOCARD', 'noDestination', 0],
    ]);
    expect([score.totals.heldParticipants, score.totals.heldPoints, score.totals.payoutMinor]).toEqual([
      2, 300, 520_000,
    ]);
  });
});
