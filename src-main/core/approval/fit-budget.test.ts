import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitToBudget } from './fit-budget';

describe('fitToBudget', () => {
  it('scales pro rata, rounds down and hands out the rest by largest remainder', () => {
    // 100 points of budget over 50 + 30 + 20 + 3 = 103: shares 48.54, 29.12, 19.41, 2.91.
    const fitted = fitToBudget(
      [
        { code: 'A', points: 50 },
        { code: 'B', points: 30 },
        { code: 'C', points: 20 },
        { code: 'D', points: 3 },
      ],
      100,
    );
    expect(Object.fromEntries(fitted)).toEqual({ A: 49, B: 29, C: 19, D: 3 });
  });

  it('leaves amounts alone within the budget', () => {
    expect(Object.fromEntries(fitToBudget([{ code: 'A', points: 5 }], 10))).toEqual({ A: 5 });
  });

  it('lands exactly on the budget, never pays anyone more than payable, stays within one point of the exact share, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            code: fc.string({ minLength: 1, maxLength: 6 }),
            points: fc.integer({ min: 0, max: 5_000_000 }),
          }),
          { selector: (i) => i.code, minLength: 1, maxLength: 60 },
        ),
        fc.integer({ min: 0, max: 10_000_000 }),
        (items, budget) => {
          const total = items.reduce((s, i) => s + i.points, 0);
          const fitted = fitToBudget(items, budget);
          const sum = [...fitted.values()].reduce((s, v) => s + v, 0);
          expect(sum).toBe(Math.min(total, budget));
          for (const i of items) {
            const got = fitted.get(i.code)!;
            expect(got).toBeLessThanOrEqual(i.points);
            if (total > budget) {
              const exact = (i.points * budget) / total;
              expect(Math.abs(got - exact)).toBeLessThan(1.000001);
            }
          }
          expect(fitToBudget([...items].reverse(), budget)).toEqual(fitted);
        },
      ),
      { numRuns: 300 },
    );
  });
});
