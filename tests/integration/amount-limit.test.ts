// One limit for points and amounts (MAX_SAFE_AMOUNT = 99,999,999,999,999) at every point of
// entry, and on the sums the app forms: a value at the limit is taken, one past it is refused
// with a sentence and its code, and nothing is written. Real SQLite files, real importers.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { addManualAdjustment } from '../../src-main/core/decisions/manual-adjustment';
import { MAX_SAFE_AMOUNT } from '../../src-main/core/money/minor-units';
import { exportPayouts } from '../../src-main/core/payouts/export-payouts';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { createProgram, readReferenceTemplate, requireProgram } from '../../src-main/core/program/program-store';
import { updateRules } from '../../src-main/core/program/update-rules';
import { importSales } from '../../src-main/core/sales/import-sales';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { periodResult } from '../../src-main/core/scoring/period-score';
import { importTargets } from '../../src-main/core/import/kinds/import-targets';
import { runCli } from '../../src-main/cli/main';
import { makeTempDir } from '../fixtures/client-files';
import { csvFile, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const LIMIT = MAX_SAFE_AMOUNT;
const LIMIT_TEXT = '99,999,999,999,999';

/** A program where a point is worth one minor unit and there is no budget: points and money meet the limit together. */
async function onePointOneGroszContext(): Promise<CoreContext> {
  const ctx = openTestContext({ withProgram: false });
  const template = readReferenceTemplate();
  createProgram(ctx, { ...template, pointValueMinor: 1, rules: { ...template.rules, budget: null } });
  await seedScenarioMasterData(ctx);
  return ctx;
}

describe('imports', () => {
  it('take amounts and numbers at the limit and refuse the next one, naming row, column and value', async () => {
    const ctx = await onePointOneGroszContext();
    const sales = await importSales(
      ctx,
      csvFile('sales.csv', [
        'Date;Rep code;SKU;Qty;Net value;Invoice',
        '2026-10-01;A;DOG-01;1;999 999 999 999,99;L/1',
        '2026-10-01;A;DOG-01;1;1 000 000 000 000,00;L/2',
        '2026-10-02;B;TOY-3;99999999999999;1,00;L/3',
        '2026-10-02;B;TOY-3;100000000000000;1,00;L/4',
      ]),
      { period: '2026-10' },
    );
    expect(sales.accepted).toBe(2);
    expect(
      sales.problems.filter((p) => p.code === 'AMOUNT_TOO_LARGE').map((p) => [p.row, p.column, p.value, p.reason]),
    ).toEqual([
      [
        3,
        'Net value',
        '1 000 000 000 000,00',
        'Row 3, column "Net value": "1 000 000 000 000,00" is more than 999999999999.99, the largest amount Loyalty Desk counts exactly.',
      ],
      [
        5,
        'Qty',
        '100000000000000',
        `Row 5, column "Qty": "100000000000000" is more than ${LIMIT_TEXT}, the largest number Loyalty Desk counts exactly.`,
      ],
    ]);
    const stored = ctx.store.sqlite
      .prepare('SELECT quantity, net_minor FROM sales_lines ORDER BY source_row')
      .raw()
      .all();
    expect(stored).toEqual([
      [1, LIMIT],
      [LIMIT, 100],
    ]);

    const targets = await importTargets(
      ctx,
      csvFile('targets.csv', [
        'Rep code;Period;Target',
        'A;2026-11;999 999 999 999,99',
        'B;2026-11;1 000 000 000 000,00',
      ]),
    );
    expect(targets.accepted).toBe(1);
    expect(targets.problems.filter((p) => p.code === 'AMOUNT_TOO_LARGE').map((p) => [p.row, p.column])).toEqual([
      [3, 'Target'],
    ]);

    const products = await importProducts(
      ctx,
      csvFile('products.csv', [
        'SKU;Product;Group;Promoted;Points per unit',
        'BIG-1;Big;DRY;yes;99999999999999',
        'BIG-2;Bigger;DRY;yes;100000000000000',
      ]),
    );
    expect(products.accepted).toBe(1);
    expect(products.problems.filter((p) => p.code === 'AMOUNT_TOO_LARGE').map((p) => [p.row, p.column])).toEqual([
      [3, 'Points per unit'],
    ]);
  });
});

describe('manual adjustments', () => {
  it('post the limit, and refuse past it, or past it in the balance, with a sentence and nothing written', async () => {
    const ctx = await onePointOneGroszContext();
    expect(
      addManualAdjustment(ctx, { period: '2026-10', participantCode: 'A', points: LIMIT, reason: 'At the limit' })
        .points,
    ).toBe(LIMIT);
    const before = tableCounts(ctx);

    const inBalance = refusal(() =>
      addManualAdjustment(ctx, { period: '2026-10', participantCode: 'A', points: 1, reason: 'One more' }),
    );
    expect(inBalance.code).toBe('AMOUNT_TOO_LARGE');
    expect(inBalance.message).toBe(
      `With this adjustment the balance of A (${LIMIT} points now) would be more than ${LIMIT_TEXT}, the largest number of points or minor units Loyalty Desk counts exactly; nothing was written.`,
    );

    const past = refusal(() =>
      addManualAdjustment(ctx, {
        period: '2026-10',
        participantCode: 'B',
        points: LIMIT + 1,
        reason: 'Past the limit',
      }),
    );
    expect(past.code).toBe('AMOUNT_TOO_LARGE');
    expect(past.message).toBe(
      `The adjustment of B in 2026-10 is 100000000000000, past ${LIMIT_TEXT}, the largest number of points or minor units Loyalty Desk counts exactly; nothing was written.`,
    );

    const unsafe = refusal(() =>
      addManualAdjustment(ctx, { period: '2026-10', participantCode: 'B', points: 2 ** 53 - 1, reason: 'Unsafe' }),
    );
    expect(unsafe.code).toBe('AMOUNT_TOO_LARGE');
    expect(unsafe.message).toContain('is 9007199254740991, past 99,999,999,999,999');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('are refused by the CLI with the sentence and exit 1, not the generic error', async () => {
    const dir = makeTempDir('loyalty-limit-cli-');
    const ctx = openTestContext({ dir });
    await seedScenarioMasterData(ctx);
    ctx.store.close();
    let stdout = '';
    let stderr = '';
    const sink = (add: (text: string) => void) =>
      new Writable({ write: (chunk: Buffer, _enc, done) => (add(chunk.toString('utf8')), done()) });
    const io = {
      stdout: sink((t) => (stdout += t)),
      stderr: sink((t) => (stderr += t)),
      env: { LOYALTY_ACTOR: 'test' },
    };
    const code = await runCli(
      [
        'adjust',
        '--period',
        '2026-10',
        '--participant',
        'A',
        '--points',
        '9007199254740991',
        '--reason',
        'x',
        '--db',
        join(dir, 'loyalty.db'),
      ],
      io,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `loyalty: --points 9007199254740991 is past ${LIMIT_TEXT}, the largest number of points Loyalty Desk counts exactly; nothing was written.\n`,
    );
  });
});

describe('approval and payout files', () => {
  it('refuses payouts that together pass the limit, with a sentence and nothing written; pays up to it, and the files take it', async () => {
    const ctx = await onePointOneGroszContext();
    addManualAdjustment(ctx, { period: '2026-10', participantCode: 'A', points: 60_000_000_000_000, reason: 'Large' });
    addManualAdjustment(ctx, { period: '2026-10', participantCode: 'B', points: 50_000_000_000_000, reason: 'Large' });
    const before = tableCounts(ctx);
    const refused = refusal(() => approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked' }));
    expect(refused.code).toBe('AMOUNT_TOO_LARGE');
    expect(refused.message).toBe(
      `The points of all participants together in 2026-10 would be more than ${LIMIT_TEXT}, the largest number of points or minor units Loyalty Desk counts exactly; nothing was written.`,
    );
    expect(tableCounts(ctx)).toEqual(before);

    addManualAdjustment(ctx, {
      period: '2026-10',
      participantCode: 'B',
      points: -10_000_000_000_001,
      reason: 'Down to the limit',
    });
    const approved = approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked' });
    expect(approved.totals.payoutMinor).toBe(LIMIT);
    expect(periodResult(ctx, '2026-10').locked).toBe(true);
    const csv = await exportPayouts(ctx, '2026-10', 'csv');
    expect(csv.batch.controlSumMinor).toBe(LIMIT);
    const text = new TextDecoder().decode(csv.bytes);
    expect(text).toContain(';600000000000,00;');
    expect(text).toContain(';399999999999,99;');
  });
});

describe('rules', () => {
  it('take every points and money setting at the limit, and refuse one past it naming the setting', () => {
    const ctx = openTestContext();
    const rules = requireProgram(ctx).rules;
    const atLimit = {
      ...rules,
      budget: { perPeriodMinor: LIMIT },
      capPointsPerPeriod: LIMIT,
      baseRate: { points: LIMIT, perMinor: LIMIT },
    };
    expect(updateRules(ctx, atLimit, 'At the limit').rules.budget).toEqual({ perPeriodMinor: LIMIT });
    const before = tableCounts(ctx);
    const past = refusal(() =>
      updateRules(ctx, { ...atLimit, budget: { perPeriodMinor: LIMIT + 1 } }, 'Past the limit'),
    );
    expect(past.code).toBe('INVALID_RULES');
    expect(past.message).toContain(
      `budget.perPeriodMinor: must be at most ${LIMIT_TEXT}, the largest number of points or minor units Loyalty Desk counts exactly`,
    );
    expect(tableCounts(ctx)).toEqual(before);

    const fresh = openTestContext({ withProgram: false });
    const program = refusal(() => createProgram(fresh, { ...readReferenceTemplate(), pointValueMinor: LIMIT + 1 }));
    expect(program.code).toBe('INVALID_PROGRAM');
    expect(program.message).toContain(`pointValueMinor: must be at most ${LIMIT_TEXT}`);
  });
});
