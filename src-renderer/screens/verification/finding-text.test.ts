// The verification screen's wording of a volume outlier: the test that raised it, with its own
// numbers. The facts are those detect-anomalies gives (tests/integration/volume-outlier-words).
import { describe, expect, it } from 'vitest';
import type { VerificationItem } from '../../../src-main/ipc/contract';
import { createTranslator } from '../../i18n/i18n';
import { findingText } from './finding-text';

const PLN = { code: 'PLN', minorDigits: 2 };

function outlier(code: string, facts: VerificationItem['facts'], message: string): VerificationItem {
  return {
    key: `VOLUME_OUTLIER:${code}`,
    code: 'VOLUME_OUTLIER',
    participantCode: code,
    sku: null,
    message,
    facts,
    lineIds: [],
    actions: ['exclude', 'accept'],
    status: 'open',
  } as unknown as VerificationItem;
}

// Below their own median of 900000.00, far past the fence of everyone's volumes.
const high = outlier(
  'HIGH',
  {
    test: 'spread',
    volumeMinor: 30_000_000,
    fenceMinor: 1_800_000,
    q1Minor: 200_000,
    q3Minor: 600_000,
    fenceFactor: 3,
  },
  'core sentence',
);
// Five times their own median, inside everyone's spread.
const own = outlier(
  'OWN',
  { test: 'ownHistory', volumeMinor: 50_000, ownMedianMinor: 10_000, ownFactor: 3 },
  'core sentence',
);

describe('volume outlier wording', () => {
  it('says the spread of all participants with its quartiles and fence, or the own median, in every language', () => {
    for (const language of ['en', 'pl', 'ru'] as const) {
      const i18n = createTranslator(language);
      const money = (minor: number) => i18n.formatMoney(minor, PLN);
      const highText = findingText(high, '2026-10', PLN, i18n);
      const ownText = findingText(own, '2026-10', PLN, i18n);
      expect(highText).not.toBe('core sentence');
      for (const figure of [30_000_000, 1_800_000, 200_000, 600_000]) expect(highText).toContain(money(figure));
      expect(ownText).not.toBe('core sentence');
      for (const figure of [50_000, 10_000]) expect(ownText).toContain(money(figure));
      expect(ownText).not.toContain(money(1_800_000));
    }
    const en = createTranslator('en');
    expect(findingText(high, '2026-10', PLN, en)).toMatch(/past the far-out fence of all participants’ volumes/);
    expect(findingText(high, '2026-10', PLN, en)).not.toMatch(/median/);
    expect(findingText(own, '2026-10', PLN, en)).toMatch(/more than three times their own median of/);
    expect(findingText(own, '2026-10', PLN, en)).not.toMatch(/fence|everyone/);
  });

  it('judges a finding kept without its test by its own numbers, never claiming a median it is below', () => {
    const en = createTranslator('en');
    const old = outlier(
      'OLD',
      { volumeMinor: 30_000_000, ownMedianMinor: 90_000_000, fenceMinor: 1_800_000 },
      'OLD sold 300000.00 PLN in 2026-10, far above everyone else.',
    );
    expect(findingText(old, '2026-10', PLN, en)).not.toMatch(/median/);
  });
});

describe('a return worth no points', () => {
  it('takes 0 points back, never "-0", in every language', () => {
    const item = {
      key: { code: 'RETURN_WITHOUT_SALE', lineId: 7 },
      code: 'RETURN_WITHOUT_SALE',
      participantCode: 'PH-001',
      sku: 'FREE-1',
      message: 'core sentence',
      facts: { quantity: -2, netMinor: -100, points: 0, since: '2026-07' },
      amountMinor: -100,
      lineCount: 1,
      decisions: [],
      actions: ['exclude', 'accept'],
      status: 'open',
    } as unknown as VerificationItem;
    for (const language of ['en', 'pl', 'ru'] as const) {
      const i18n = createTranslator(language);
      const text = findingText(item, '2026-09', PLN, i18n);
      expect(text).not.toBe('core sentence');
      expect(text).not.toMatch(/[-−]0(?![\d,.])/);
      expect(i18n.formatInteger(-0)).toBe('0');
    }
  });
});
