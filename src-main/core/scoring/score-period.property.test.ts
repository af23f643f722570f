// Properties of the engine over generated programs and lines: a sale and its full return net
// to zero, and the order of the lines never changes a result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePeriod } from './score-period';
import { byCode, inputFor, participant, product } from '../../../tests/fixtures/scoring-fixtures';
import type { ScoringLine } from '../sales/scoring-line';

const products = byCode([
  product('DOG-01', 'DRY', true),
  product('DOG-02', 'DRY', true, 7),
  product('CAT-07', 'WET', true, 15),
  product('TOY-3', 'TOYS', false),
]);
const skus = ['DOG-01', 'DOG-02', 'CAT-07', 'TOY-3', 'UNKNOWN-9'];
const codes = ['P1', 'P2', 'P3', 'P4', 'NOBODY'];
const participants = byCode([
  participant('P1', '2026-12-03'),
  participant('P2', '2026-12-03'),
  participant('P3', '2026-01-01', { destination: null }),
  participant('P4', null, { active: false }),
]);

// December has two overlapping campaigns on DRY and one on WET in the reference program.
const day = fc.integer({ min: 1, max: 31 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
const saleArb = fc.record({
  participantCode: fc.constantFrom(...codes),
  sku: fc.constantFrom(...skus),
  quantity: fc.integer({ min: 1, max: 5000 }),
  netMinor: fc.integer({ min: 1, max: 5_000_000_000 }),
  date: day,
});

function toLines(
  sales: { participantCode: string; sku: string; quantity: number; netMinor: number; date: string }[],
  sign = 1,
  firstId = 1,
): ScoringLine[] {
  return sales.map((s, i) => ({
    id: firstId + i,
    batchId: 1,
    row: firstId + i + 1,
    ...s,
    quantity: sign * s.quantity,
    netMinor: sign * s.netMinor,
  }));
}

const context = {
  participants,
  products,
  previousVolume: new Map([
    ['P1', 60_000_000],
    ['P2', 12_000_000],
  ]),
  targets: new Map([
    ['P1', 100_000],
    ['P2', 5_000_000],
  ]),
};

describe('scorePeriod properties', () => {
  it('a sale followed by its full return nets to zero points, line by line and per participant', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { minLength: 1, maxLength: 30 }), (sales) => {
        const lines = [...toLines(sales), ...toLines(sales, -1, 1000)];
        const score = scorePeriod(inputFor('2026-12', { ...context, lines }));
        for (const row of score.rows) {
          expect([
            row.code,
            row.base,
            row.campaign,
            row.subtotal,
            row.tierBonus,
            row.targetBonus,
            row.earned,
            row.volumeMinor,
          ]).toEqual([row.code, 0, 0, 0, 0, 0, 0, 0]);
        }
        for (const list of score.lineScores.values()) {
          const byId = new Map(list.map((l) => [l.line.id, l]));
          for (const l of list) {
            if (l.line.id >= 1000) continue;
            const back = byId.get(l.line.id + 999)!;
            expect(back.points + l.points).toBe(0);
            expect(back.campaignPoints + l.campaignPoints).toBe(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result whatever the order of the lines', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.record({ sale: saleArb, sign: fc.constantFrom(1, 1, 1, -1) }), { minLength: 1, maxLength: 60 })
          .chain((items) =>
            fc.tuple(
              fc.constant(items),
              fc.shuffledSubarray(
                items.map((_, i) => i),
                { minLength: items.length, maxLength: items.length },
              ),
            ),
          ),
        ([items, order]) => {
          const lines = items.map((it, i) => toLines([it.sale], it.sign, i + 1)[0]!);
          const shuffled = order.map((i) => lines[i]!);
          const a = scorePeriod(inputFor('2026-12', { ...context, lines }));
          const b = scorePeriod(inputFor('2026-12', { ...context, lines: shuffled }));
          expect(b.rows).toEqual(a.rows);
          expect(b.anomalies).toEqual(a.anomalies);
          expect([...b.lineScores]).toEqual([...a.lineScores]);
          expect(b.totals).toEqual(a.totals);
        },
      ),
      { numRuns: 200 },
    );
  });
});
