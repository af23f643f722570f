// The verification screen's wording of the findings about lines and who is paid (repeated lines,
// a return without a sale, an inactive participant), in English, Polish and Russian. Items are
// built as the core's verification queue sends them (tests/integration/verify-line-findings).
import { describe, expect, it } from 'vitest';
import type { VerificationItem } from '../../../src-main/ipc/contract';
import { createTranslator } from '../../i18n/i18n';
import { findingLabel, findingSubject, findingText } from './finding-text';

const PLN = { code: 'PLN', minorDigits: 2 };

function item(
  code: VerificationItem['code'],
  key: VerificationItem['key'],
  who: Partial<VerificationItem>,
  facts: VerificationItem['facts'],
): VerificationItem {
  return {
    key,
    code,
    participantCode: null,
    sku: null,
    message: 'core sentence',
    facts,
    amountMinor: null,
    lineCount: 0,
    status: 'open',
    decisions: [],
    actions: ['accept'],
    ...who,
  };
}

const duplicate = item('DUPLICATE_LINE', { code: 'DUPLICATE_LINE', batchId: 12 }, {}, { batchId: 12, lines: 3 });
const returned = item(
  'RETURN_WITHOUT_SALE',
  { code: 'RETURN_WITHOUT_SALE', lineId: 77 },
  { participantCode: 'P2', sku: 'CAT-07', actions: ['exclude', 'accept'] },
  { quantity: -2, netMinor: -10_000, points: -30, since: '2026-06' },
);
const inactive = item(
  'INACTIVE',
  { code: 'INACTIVE', participantCode: 'P3' },
  { participantCode: 'P3' },
  { heldPoints: 1400 },
);

const WORDED = {
  en: [
    [
      'Repeated lines',
      'import #12',
      '3 lines of import #12 repeat a line given before and were not counted. Check with the client that they really are repeats.',
    ],
    [
      'Return without a sale',
      'P2 · CAT-07',
      'P2 returns 2 × CAT-07 (-PLN 100.00) with no sale of it since June 2026; the return takes 30 points back.',
    ],
    ['Inactive', 'P3', 'P3 is inactive: 1,400 points stay in the balance instead of being paid.'],
  ],
  pl: [
    [
      'Powtórzone wiersze',
      'import nr 12',
      '3 wiersze importu nr 12 powtarzają wcześniejsze i nie zostały policzone. Sprawdź z klientem, czy to naprawdę powtórzenia.',
    ],
    [
      'Zwrot bez sprzedaży',
      'P2 · CAT-07',
      // The month after "od" in the genitive, small: "od czerwca 2026", never "od Czerwiec 2026".
      'P2 zwraca 2 × CAT-07 (-100,00 zł), choć nie sprzedał go od czerwca 2026; zwrot odbiera 30 pkt.',
    ],
    ['Nieaktywny', 'P3', 'P3 jest nieaktywny: 1 400 pkt zostaje na saldzie zamiast wypłaty.'],
  ],
  ru: [
    [
      'Повторённые строки',
      'импорт №12',
      '3 строки импорта №12 повторяют более ранние и не учтены. Уточните у клиента, действительно ли это повторы.',
    ],
    [
      'Возврат без продажи',
      'P2 · CAT-07',
      'P2 возвращает 2 × CAT-07 (-100,00 PLN), хотя не продавал его с июня 2026 г.; возврат отнимает 30 баллов.',
    ],
    ['Неактивен', 'P3', 'P3 неактивен: 1 400 баллов остаются на балансе вместо выплаты.'],
  ],
};

describe('finding text of repeated lines, returns without a sale and inactive participants', () => {
  for (const language of ['en', 'pl', 'ru'] as const) {
    it(`words each from its facts in ${language}: how many lines, the points taken back, the points held`, () => {
      const i18n = createTranslator(language);
      const shown = [duplicate, returned, inactive].map((i) => [
        findingLabel(i.code, i18n),
        findingSubject(i, i18n),
        findingText(i, '2026-09', PLN, i18n).replace(/[\u00a0\u202f]/g, ' '),
      ]);
      expect(shown).toEqual(WORDED[language]);
    });
  }

  it('counts one repeated line in the singular', () => {
    expect(
      findingText({ ...duplicate, facts: { batchId: 12, lines: 1 } }, '2026-09', PLN, createTranslator('en')),
    ).toMatch(/^1 line of import #12 repeats a line given before and was not counted\./);
  });

  it('falls back to the core’s sentence when a fact it needs is missing, and says when a decision settled the finding', () => {
    const en = createTranslator('en');
    expect(findingText({ ...inactive, facts: { other: 1 } }, '2026-09', PLN, en)).toBe('core sentence');
    expect(findingText({ ...returned, facts: {}, status: 'resolved' }, '2026-09', PLN, en)).toBe(
      'The decision below settled it: the finding no longer shows in the scores.',
    );
  });
});
