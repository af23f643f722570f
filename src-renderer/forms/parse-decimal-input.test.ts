import { describe, expect, it } from 'vitest';
import { parseDecimalInput, parseWholeInput } from './parse-decimal-input';

describe('parseDecimalInput', () => {
  it('reads money as typed in Polish, with spaces and a comma', () => {
    expect(parseDecimalInput('150 000,00', 2, 'pl-PL')).toEqual({ ok: true, value: 15_000_000 });
    expect(parseDecimalInput('1\u00a0234,5', 2, 'pl-PL')).toEqual({ ok: true, value: 123_450 });
    expect(parseDecimalInput('0,10', 2, 'pl-PL')).toEqual({ ok: true, value: 10 });
  });

  it('reads money as typed in English, with commas grouping thousands', () => {
    expect(parseDecimalInput('1,500.50', 2, 'en-GB')).toEqual({ ok: true, value: 150_050 });
    expect(parseDecimalInput('1,500', 2, 'en-GB')).toEqual({ ok: true, value: 150_000 });
    expect(parseDecimalInput('12.5', 2, 'en-GB')).toEqual({ ok: true, value: 1250 });
  });

  it('takes a lone separator before one or two digits as the decimal point in any locale', () => {
    expect(parseDecimalInput('2.5', 2, 'pl-PL')).toEqual({ ok: true, value: 250 });
    expect(parseDecimalInput('1.234,56', 2, 'pl-PL')).toEqual({ ok: true, value: 123_456 });
  });

  it('is exact where a float is not: 0.29 * 100 is 28.999999999999996', () => {
    expect(parseDecimalInput('0.29', 2, 'en-GB')).toEqual({ ok: true, value: 29 });
    expect(parseDecimalInput('1234567.89', 2, 'en-GB')).toEqual({ ok: true, value: 123_456_789 });
  });

  it('refuses more decimals than the scale, text, negatives and huge numbers', () => {
    expect(parseDecimalInput('1,234', 2, 'pl-PL')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseDecimalInput('1.234', 2, 'pl-PL')).toEqual({ ok: true, value: 123_400 });
    expect(parseDecimalInput('abc', 2, 'en-GB')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseDecimalInput('1,2,3', 2, 'en-GB')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseDecimalInput('', 2, 'en-GB')).toEqual({ ok: false, problem: 'empty' });
    expect(parseDecimalInput('-5', 2, 'en-GB')).toEqual({ ok: false, problem: 'negative' });
    expect(parseDecimalInput('99999999999999999', 2, 'en-GB')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('takes amounts and points up to the core’s one limit, and calls the next one too large', () => {
    expect(parseDecimalInput('999 999 999 999,99', 2, 'pl-PL')).toEqual({ ok: true, value: 99_999_999_999_999 });
    expect(parseDecimalInput('1 000 000 000 000,00', 2, 'pl-PL')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseWholeInput('99999999999999', 'en-GB')).toEqual({ ok: true, value: 99_999_999_999_999 });
    expect(parseWholeInput('-100000000000000', 'en-GB', { allowNegative: true })).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('reads percentages into basis points', () => {
    expect(parseDecimalInput('120', 2, 'en-GB')).toEqual({ ok: true, value: 12_000 });
    expect(parseDecimalInput('99,5', 2, 'pl-PL')).toEqual({ ok: true, value: 9950 });
  });
});

describe('parseWholeInput', () => {
  it('reads points, negative only when allowed', () => {
    expect(parseWholeInput('-250', 'pl-PL', { allowNegative: true })).toEqual({ ok: true, value: -250 });
    expect(parseWholeInput('\u22125', 'pl-PL', { allowNegative: true })).toEqual({ ok: true, value: -5 });
    expect(parseWholeInput('50 000', 'pl-PL')).toEqual({ ok: true, value: 50_000 });
    expect(parseWholeInput('2.5', 'en-GB')).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });
});
