import { describe, expect, it } from 'vitest';
import { checkPayoutBatch, payoutFileName } from './check-payout-batch';
import { payoutBatch, payoutItem } from '../../../../tests/fixtures/payout-batch-fixture';
import { MAX_SAFE_AMOUNT } from '../../money/minor-units';

describe('checkPayoutBatch', () => {
  it('counts rows and sums amounts as integers', () => {
    expect(
      checkPayoutBatch(
        payoutBatch([payoutItem(1, { amountMinor: 1 }), payoutItem(2, { amountMinor: MAX_SAFE_AMOUNT - 1 })]),
      ),
    ).toEqual({ rowCount: 2, controlSumMinor: MAX_SAFE_AMOUNT });
  });

  it('takes every amount and points up to the one limit, and refuses past it with a sentence', () => {
    expect(
      checkPayoutBatch(payoutBatch([payoutItem(1, { amountMinor: MAX_SAFE_AMOUNT, points: MAX_SAFE_AMOUNT })])),
    ).toEqual({ rowCount: 1, controlSumMinor: MAX_SAFE_AMOUNT });
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1, { amountMinor: MAX_SAFE_AMOUNT + 1 })]))).toThrow(
      /amount of 100000000000000 minor units, more than 99,999,999,999,999/,
    );
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1, { points: MAX_SAFE_AMOUNT + 1 })]))).toThrow(
      /100000000000000 points, more than 99,999,999,999,999/,
    );
  });

  it('refuses a control sum past the limit', () => {
    const items = [1, 2].map((n) => payoutItem(n, { amountMinor: 50_000_000_000_000 }));
    expect(() => checkPayoutBatch(payoutBatch(items))).toThrow(
      /add up to more than can be counted exactly \(more than 99,999,999,999,999 minor units\)/,
    );
  });

  it('refuses bad batch fields with a sentence', () => {
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1)], { createdAt: '1 Nov 2026' }))).toThrow(
      /creation time "1 Nov 2026"/,
    );
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1)], { executionDate: '2026-13-01' }))).toThrow(
      /execution date/,
    );
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1)], { currency: { code: 'zł', minorDigits: 2 } }))).toThrow(
      /three-letter/,
    );
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1, { period: '2026-1' })]))).toThrow(/period "2026-1"/);
    expect(() => checkPayoutBatch(payoutBatch([payoutItem(1, { points: 1.5 })]))).toThrow(/1.5 points/);
  });
});

describe('payoutFileName', () => {
  it('names the period when the batch has one, and keeps the name safe for a file system', () => {
    expect(payoutFileName(payoutBatch([payoutItem(1)]), 'csv')).toBe('payouts-2026-10-PB-2026-10-1.csv');
    expect(
      payoutFileName(
        payoutBatch([payoutItem(1), payoutItem(2, { period: '2026-09' })], { batchId: 'PB 2026/10:1' }),
        'xml',
      ),
    ).toBe('payouts-PB-2026-10-1.xml');
  });
});
