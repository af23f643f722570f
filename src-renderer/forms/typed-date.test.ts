// Issue 14, item 7: dates in the rules form are shown and typed the locale's way and kept as YYYY-MM-DD.
import { describe, expect, it } from 'vitest';
import type { Rules } from '../../src-main/ipc/contract';
import { draftFromRules, draftToRules } from '../screens/rules/rules-draft';
import { dateInputText, readTypedDate } from './typed-date';

describe('typed dates', () => {
  it('writes a date the locale’s way', () => {
    expect(dateInputText('2026-10-05', 'pl-PL')).toBe('05.10.2026');
    expect(dateInputText('2026-10-05', 'ru-RU')).toBe('05.10.2026');
    expect(dateInputText('2026-10-05', 'en-GB')).toBe('05/10/2026');
    expect(dateInputText('2026-10-05', 'en-US')).toBe('10/05/2026');
  });

  it('reads what the locale writes, and ISO dates, and refuses days no calendar has', () => {
    expect(readTypedDate('05.10.2026', 'pl-PL')).toBe('2026-10-05');
    expect(readTypedDate('5.10.2026 r.', 'pl-PL')).toBe('2026-10-05');
    expect(readTypedDate('05/10/2026', 'en-GB')).toBe('2026-10-05');
    expect(readTypedDate('10/05/2026', 'en-US')).toBe('2026-10-05');
    expect(readTypedDate('2026-10-05', 'ru-RU')).toBe('2026-10-05');
    expect(readTypedDate('31.02.2026', 'pl-PL')).toBeNull();
    expect(readTypedDate('październik', 'pl-PL')).toBeNull();
  });

  it('the rules form shows a campaign’s dates in Polish and reads them back exactly', () => {
    const rules = {
      baseRate: { points: 1, perMinor: 100 },
      productRates: [],
      tiers: [],
      targetBands: [],
      campaigns: [{ id: 'XMAS', productGroup: 'WET', from: '2026-12-01', to: '2026-12-24', bonusPct: 25 }],
      capPointsPerPeriod: null,
      contests: [],
      payout: { requiresDestination: true, requiresActive: true },
      budget: null,
    } satisfies Rules;
    const polish = { minorDigits: 2, locale: 'pl-PL' };
    const draft = draftFromRules(rules, polish);
    expect([draft.campaigns[0]!.from, draft.campaigns[0]!.to]).toEqual(['01.12.2026', '24.12.2026']);
    expect(draftToRules(draft, polish).rules?.campaigns[0]).toMatchObject({ from: '2026-12-01', to: '2026-12-24' });
    const typed = { ...draft, campaigns: [{ ...draft.campaigns[0]!, to: '31.12.2026', from: '30.02.2026' }] };
    expect(draftToRules(typed, polish).problems['campaigns[0].from']).toEqual({
      key: 'validation.dateTyped',
      params: { example: '24.12.2026' },
    });
  });
});
