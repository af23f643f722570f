// The forms read a typed amount with the core's own parser: for every locale the UI or a
// program uses, what the coordinator types is the amount the core (and the import) reads. The
// renderer's earlier parser took its separators from Intl and grouped with any space, and
// disagreed with the core on the cases named below.
import { describe, expect, it } from 'vitest';
import { parseDecimalToMinor } from '../../src-main/core/money/parse-decimal';
import { decimalInputText } from './format-figures';
import { readTypedAmount, readTypedWhole } from './typed-amount';

const LOCALES = ['en-GB', 'en-US', 'pl-PL', 'ru-RU', 'nb-NO', 'de-DE', 'de-CH', 'en-ZA', 'es-MX'];
const TYPED = [
  '1500',
  '1 500,50',
  '1\u00a0500,5',
  '1,500.50',
  '1.500,50',
  '1,500',
  '1.500',
  '1,5',
  '2.5',
  '0,10',
  '0.123',
  '0,123',
  '12 34',
  "1'500.50",
  '12,30 zł',
  '1234.567',
  '1,2,3',
  'abc',
  '-5',
  '999 999 999 999,99',
  '1 000 000 000 000,00',
];

describe('a typed amount', () => {
  it.each(LOCALES)(
    '%s: is read as the core reads it, to the minor unit, or refused where the core refuses it',
    (locale) => {
      for (const text of TYPED) {
        const core = parseDecimalToMinor(text, 2, locale);
        const form = readTypedAmount(text, 2, locale, { allowNegative: true });
        expect([text, form.ok ? form.value : 'refused']).toEqual([text, core.ok ? core.minor : 'refused']);
      }
    },
  );

  it.each([
    ['de-CH', '1.500', 150_000],
    ['en-ZA', '1,500', 150_000],
    ['es-MX', '1.500', 150_000],
  ])(
    '%s "%s": the separator is the core\'s for the language (Intl said otherwise), so it is %i',
    (locale, text, minor) => {
      expect(readTypedAmount(text, 2, locale)).toEqual({ ok: true, value: minor });
    },
  );

  it.each([
    ['pl-PL', '0.123', 'tooManyDecimals'],
    ['pl-PL', '12 34', 'notANumber'],
    ['de-CH', "1'500.50", 'notANumber'],
  ])('%s "%s": refused as the core refuses it (%s), not read as a grouped number', (locale, text, problem) => {
    expect(readTypedAmount(text, 2, locale)).toEqual({ ok: false, problem });
  });

  it('pl-PL "12,30 zł" and "(12,30)": a currency mark and an accountant\'s minus, as the import reads them', () => {
    expect(readTypedAmount('12,30 zł', 2, 'pl-PL')).toEqual({ ok: true, value: 1230 });
    expect(readTypedAmount('(12,30)', 2, 'pl-PL', { allowNegative: true })).toEqual({ ok: true, value: -1230 });
  });

  it('what a form shows for editing reads back as the same amount in every locale', () => {
    for (const locale of LOCALES)
      for (const minor of [0, 10, 15_000_000, 99_999_999_999_999])
        expect(readTypedAmount(decimalInputText(minor, 2, locale), 2, locale)).toEqual({ ok: true, value: minor });
  });

  it('reads money as typed in Polish and English, exactly', () => {
    expect(readTypedAmount('150 000,00', 2, 'pl-PL')).toEqual({ ok: true, value: 15_000_000 });
    expect(readTypedAmount('1\u00a0234,5', 2, 'pl-PL')).toEqual({ ok: true, value: 123_450 });
    expect(readTypedAmount('1,500.50', 2, 'en-GB')).toEqual({ ok: true, value: 150_050 });
    expect(readTypedAmount('1.234', 2, 'pl-PL')).toEqual({ ok: true, value: 123_400 });
    expect(readTypedAmount('0.29', 2, 'en-GB')).toEqual({ ok: true, value: 29 });
    expect(readTypedAmount('99,5', 2, 'pl-PL')).toEqual({ ok: true, value: 9950 });
  });

  it('refuses more decimals than the scale, text, negatives and past the one limit', () => {
    expect(readTypedAmount('1,234', 2, 'pl-PL')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(readTypedAmount('abc', 2, 'en-GB')).toEqual({ ok: false, problem: 'notANumber' });
    expect(readTypedAmount('', 2, 'en-GB')).toEqual({ ok: false, problem: 'empty' });
    expect(readTypedAmount('-5', 2, 'en-GB')).toEqual({ ok: false, problem: 'negative' });
    expect(readTypedAmount('999 999 999 999,99', 2, 'pl-PL')).toEqual({ ok: true, value: 99_999_999_999_999 });
    expect(readTypedAmount('1 000 000 000 000,00', 2, 'pl-PL')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(readTypedAmount('99999999999999999', 2, 'en-GB')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('reads points, negative only when allowed', () => {
    expect(readTypedWhole('-250', 'pl-PL', { allowNegative: true })).toEqual({ ok: true, value: -250 });
    expect(readTypedWhole('\u22125', 'pl-PL', { allowNegative: true })).toEqual({ ok: true, value: -5 });
    expect(readTypedWhole('50 000', 'pl-PL')).toEqual({ ok: true, value: 50_000 });
    expect(readTypedWhole('2.5', 'en-GB')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(readTypedWhole('99999999999999', 'en-GB')).toEqual({ ok: true, value: 99_999_999_999_999 });
    expect(readTypedWhole('-100000000000000', 'en-GB', { allowNegative: true })).toEqual({
      ok: false,
      problem: 'tooLarge',
    });
  });
});
