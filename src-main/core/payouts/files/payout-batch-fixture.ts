// Small batches for the payout file tests (test-only; could move to tests/fixtures/).
import type { PayoutFileBatch, PayoutFileItem } from './payout-file-types';

export function payoutItem(n: number, overrides: Partial<PayoutFileItem> = {}): PayoutFileItem {
  return {
    reference: `LD-2026-10-${String(n).padStart(6, '0')}`,
    participantCode: `P-${String(n).padStart(3, '0')}`,
    participantName: `Participant ${n}`,
    cardRef: `CARD-${String(1000 + n)}`,
    iban: null,
    period: '2026-10',
    points: 100 * n,
    amountMinor: 1000 * n,
    ...overrides,
  };
}

export function payoutBatch(items: PayoutFileItem[], overrides: Partial<PayoutFileBatch> = {}): PayoutFileBatch {
  return {
    batchId: 'PB-2026-10-1',
    createdAt: '2026-11-01T10:00:00.000Z',
    executionDate: '2026-11-03',
    programName: 'Partner Plus',
    currency: { code: 'PLN', minorDigits: 2 },
    items,
    ...overrides,
  };
}

/** Names a spreadsheet would run as formulas if they reached a cell as typed. */
export const FORMULA_NAMES = ['=HYPERLINK("http://x","y")', '+48 600 100 200', '-5+3', '@SUM(1,2)', '=1+2'];
