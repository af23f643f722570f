// A volume-outlier finding names the test that raised it, with that test's numbers: the
// participant's own history (3 x their median) or the spread of all participants (Tukey's
// far-out fence). A volume below the participant's own median is never called "more than
// three times" it in the core's sentence (what the CLI prints); finding-text.test.ts proves the
// verification screen's wording of the same facts.
import { describe, expect, it } from 'vitest';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importSales } from '../../src-main/core/sales/import-sales';
import { verificationQueue } from '../../src-main/core/verification/verification-queue';
import { csvFile, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';
import { encodeFindingKey } from '../../src-main/core/decisions/finding-key';

describe('volume outliers', () => {
  it('words each finding by the test that raised it, with that test’s numbers only', async () => {
    const ctx = openTestContext();
    const steady = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];
    const codes = [...steady, 'HIGH', 'OWN'];
    await importParticipants(
      ctx,
      csvFile('p.csv', ['Rep code;Name;Card;Status', ...codes.map((c) => `${c};Rep ${c};CARD-${c};active`)]),
    );
    await seedScenarioMasterData(ctx);
    const month = (period: string, volume: (code: string) => string) =>
      importSales(
        ctx,
        csvFile(`s-${period}.csv`, [
          SALES_HEADER,
          ...codes.map((c, i) => `${period}-10;${c};TOY-3;1;${volume(c)};${period}/${i}`),
        ]),
        { period },
      );
    // P1..P8 sell 1000..8000 both months. HIGH sold 900000 before and 300000 now: below their
    // own median, far past everyone's. OWN sold 100 before and 500 now: five times their own
    // median, well inside everyone's spread.
    const steadyVolume = (c: string) => `${Number(c.slice(1)) * 1000},00`;
    await month('2026-09', (c) => (c === 'HIGH' ? '900000,00' : c === 'OWN' ? '100,00' : steadyVolume(c)));
    await month('2026-10', (c) => (c === 'HIGH' ? '300000,00' : c === 'OWN' ? '500,00' : steadyVolume(c)));

    const items = verificationQueue(ctx, '2026-10').items.filter((i) => i.code === 'VOLUME_OUTLIER');
    // The volumes of 2026-10 sorted: 500, 1000, ..., 8000, 300000; quartiles 2000 and 6000, fence 6000 + 3 x 4000.
    expect(items.map((i) => [encodeFindingKey(i.key), i.facts])).toEqual([
      [
        'VOLUME_OUTLIER:HIGH',
        {
          test: 'spread',
          volumeMinor: 30_000_000,
          fenceMinor: 1_800_000,
          q1Minor: 200_000,
          q3Minor: 600_000,
          fenceFactor: 3,
        },
      ],
      ['VOLUME_OUTLIER:OWN', { test: 'ownHistory', volumeMinor: 50_000, ownMedianMinor: 10_000, ownFactor: 3 }],
    ]);
    const [high, own] = items;
    expect(high!.message).toBe(
      "HIGH sold 300000.00 PLN in 2026-10, past the far-out fence of all participants' volumes this period, 18000.00 PLN (the upper quartile 6000.00 PLN plus 3 times the distance between the quartiles 2000.00 PLN and 6000.00 PLN).",
    );
    expect(own!.message).toBe(
      'OWN sold 500.00 PLN in 2026-10, more than 3 times their own median of 100.00 PLN over the periods before.',
    );
  });
});
