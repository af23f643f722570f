import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decimalFromNumber,
  decimalSeparatorOf,
  decimalToMinor,
  parseDecimalText,
  parseDecimalToMinor,
  parseWholeNumber,
} from './parse-decimal';
import { MAX_SAFE_AMOUNT, minorToDecimalString } from './minor-units';

const minor = (input: string | number, locale = 'pl-PL', digits = 2) => {
  const r = parseDecimalToMinor(input, digits, locale);
  return r.ok ? r.minor : r.code;
};

describe('decimalSeparatorOf', () => {
  it('knows which locales write a decimal comma', () => {
    expect(decimalSeparatorOf('pl-PL')).toBe(',');
    expect(decimalSeparatorOf('ru-RU')).toBe(',');
    expect(decimalSeparatorOf('nb-NO')).toBe(',');
    expect(decimalSeparatorOf('en-GB')).toBe('.');
    expect(decimalSeparatorOf('en_US')).toBe('.');
    expect(decimalSeparatorOf('EN')).toBe('.');
  });
});

describe('parseDecimalToMinor on text', () => {
  it.each([
    ['1 234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1234,5', 123450],
    ['1234', 123400],
    ['0,05', 5],
    [',5', 50],
    ['.5', 50],
    ['1\u00A0234,56', 123456],
    ['1\u202F234,56', 123456],
    ['1\u2009234,56', 123456],
    ['12 345 678,90', 1234567890],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['1.234.567,8', 123456780],
    ['1,234,567.89', 123456789],
    ['  42  ', 4200],
    ['007,10', 710],
    ['1 234.56', 123456],
  ])('%s -> %d', (text, expected) => {
    expect(minor(text)).toBe(expected);
  });

  it.each([
    ['12,30 zł', 1230],
    ['12,30zł', 1230],
    ['12,30 ZŁ', 1230],
    ['PLN 12,30', 1230],
    ['12,30 PLN', 1230],
    ['1 234,56 ₽', 123456],
    ['1 234,56 руб.', 123456],
    ['1 234,56 руб', 123456],
    ['1 234,56 kr', 123456],
    ['kr 1 234,56', 123456],
    ['€12.30', 1230],
  ])('reads currency marks: %s -> %d', (text, expected) => {
    expect(minor(text)).toBe(expected);
  });

  it.each([
    ['-12,30', -1230],
    ['\u221212,30', -1230],
    ['(12,30)', -1230],
    ['( 12,30 zł )', -1230],
    ['-12,30 zł', -1230],
    ['zł -12,30', -1230],
    ['12,30-', -1230],
    ['+12,30', 1230],
    ['-0,00', 0],
  ])('reads negatives: %s -> %d', (text, expected) => {
    const r = minor(text);
    expect(r).toBe(expected);
    if (expected === 0) expect(Object.is(r, -0)).toBe(false);
  });

  it.each([
    '',
    '   ',
    'abc',
    '12,30,5',
    '1,2,3',
    '12.',
    '12,',
    '1 23,45',
    '12 3456',
    '--5',
    '-(5)',
    '1e3',
    '1.234,567.8',
    '12a',
    '-',
    'zł',
    '1,23.45',
  ])('refuses %j as BAD_NUMBER', (text) => {
    expect(minor(text)).toBe('BAD_NUMBER');
  });

  it('refuses more decimals than the currency has, naming the counts', () => {
    const r = parseDecimalToMinor('12,345', 2, 'en-GB');
    expect(r.ok).toBe(true); // en: "12,345" is twelve thousand...
    const pl = parseDecimalToMinor('12,345', 2, 'pl-PL');
    expect(pl).toEqual({
      ok: false,
      code: 'TOO_MANY_DECIMALS',
      message: 'has 3 decimals, but the currency has 2',
      params: { decimals: 3, allowed: 2 },
    });
    expect(minor('1,2345')).toBe('TOO_MANY_DECIMALS');
    expect(minor('10,50', 'pl-PL', 0)).toBe('TOO_MANY_DECIMALS');
    expect(minor('10,00', 'pl-PL', 0)).toBe(10);
    expect(minor('1,230', 'pl-PL', 2)).toBe(123); // trailing zeros are not decimals that matter
  });

  it('reads the ambiguous "1,234" by the locale and says so', () => {
    expect(parseDecimalToMinor('1,234', 3, 'pl-PL')).toEqual({
      ok: true,
      minor: 1234,
      ambiguous: { separator: ',', readAs: 'decimal' },
    });
    expect(parseDecimalToMinor('1,234', 2, 'en-GB')).toEqual({
      ok: true,
      minor: 123400,
      ambiguous: { separator: ',', readAs: 'thousands' },
    });
    expect(parseDecimalToMinor('1.234', 2, 'pl-PL')).toEqual({
      ok: true,
      minor: 123400,
      ambiguous: { separator: '.', readAs: 'thousands' },
    });
    expect(parseDecimalToMinor('1.234', 3, 'en-GB')).toEqual({
      ok: true,
      minor: 1234,
      ambiguous: { separator: '.', readAs: 'decimal' },
    });
    expect(parseDecimalToMinor('1,234', 2, 'pl-PL')).toMatchObject({ ok: false, code: 'TOO_MANY_DECIMALS' });
  });

  it('does not call unambiguous texts ambiguous', () => {
    for (const text of ['0,123', '1234,567', '12,30', '1,234.5', '1 234', '1.234.567']) {
      const r = parseDecimalToMinor(text, 3, 'pl-PL');
      expect(r.ok && r.ambiguous, text).toBe(null);
    }
  });

  it('keeps amounts up to the one limit and refuses the next one with its own code', () => {
    expect(minor('999 999 999 999,99')).toBe(MAX_SAFE_AMOUNT);
    expect(minor('-999 999 999 999,99')).toBe(-MAX_SAFE_AMOUNT);
    expect(minor('1 000 000 000 000,00')).toBe('AMOUNT_TOO_LARGE');
    expect(minor('22 517 998 136 852,48')).toBe('AMOUNT_TOO_LARGE');
    expect(minor(999999999999.99)).toBe(MAX_SAFE_AMOUNT);
    expect(minor(1e12)).toBe('AMOUNT_TOO_LARGE');
    expect(minor('99 999 999 999 999', 'pl-PL', 0)).toBe(MAX_SAFE_AMOUNT);
    expect(minor('99 999 999 999,999', 'pl-PL', 3)).toBe(MAX_SAFE_AMOUNT);
    expect(parseDecimalToMinor('1000000000000', 2, 'pl-PL')).toMatchObject({
      ok: false,
      message: 'is more than 999999999999.99, the largest amount Loyalty Desk counts exactly',
    });
  });
});

describe('parseDecimalToMinor on spreadsheet numbers', () => {
  it.each([
    [1158.6, 115860],
    [963.72, 96372],
    [0.1, 10],
    [1360, 136000],
    [-12.3, -1230],
    [0.29, 29],
    [1.005, 'TOO_MANY_DECIMALS'],
    [0.1 + 0.2, 30],
    [1234.5600000000002, 123456],
    [Number.NaN, 'BAD_NUMBER'],
    [Number.POSITIVE_INFINITY, 'BAD_NUMBER'],
    [1e300, 'AMOUNT_TOO_LARGE'],
  ])('%d -> %s', (value, expected) => {
    expect(minor(value)).toBe(expected);
  });

  it('never loses a cent on any two-decimal amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (cents) => {
        // What a spreadsheet stores for a typed amount: the double nearest to its decimal text.
        const text = minorToDecimalString(cents, 2);
        const asStored = Number(text);
        expect(minor(asStored)).toBe(cents === 0 ? 0 : cents);
        expect(minor(text.replace('.', ','))).toBe(cents === 0 ? 0 : cents);
      }),
    );
  });
});

describe('decimalFromNumber', () => {
  it('expands exponents exactly', () => {
    expect(decimalFromNumber(1.5e-7)).toEqual({
      ok: true,
      value: { negative: false, whole: '0', fraction: '00000015' },
      ambiguous: null,
    });
    expect(decimalFromNumber(1e21)).toEqual({
      ok: true,
      value: { negative: false, whole: '1' + '0'.repeat(21), fraction: '' },
      ambiguous: null,
    });
    expect(decimalFromNumber(-2.5e-3)).toEqual({
      ok: true,
      value: { negative: true, whole: '0', fraction: '0025' },
      ambiguous: null,
    });
    expect(decimalFromNumber(-0)).toEqual({
      ok: true,
      value: { negative: false, whole: '0', fraction: '' },
      ambiguous: null,
    });
  });
});

describe('decimalToMinor', () => {
  it('pads the fraction to the currency digits', () => {
    expect(decimalToMinor({ negative: false, whole: '3', fraction: '5' }, 3)).toEqual({
      ok: true,
      minor: 3500,
      ambiguous: null,
    });
    expect(decimalToMinor({ negative: true, whole: '0', fraction: '01' }, 2)).toEqual({
      ok: true,
      minor: -1,
      ambiguous: null,
    });
  });
});

describe('parseWholeNumber', () => {
  it.each([
    ['5', 5],
    ['5,0', 5],
    ['5.00', 5],
    [5, 5],
    [5.0, 5],
    ['-3', -3],
    ['1 000', 1000],
    ['1.000.000', 1000000],
  ])('%j -> %d', (input, expected) => {
    const r = parseWholeNumber(input, 'pl-PL');
    expect(r.ok && r.value).toBe(expected);
  });

  it.each([['5,5'], [5.5], ['abc'], ['']])('refuses %j', (input) => {
    expect(parseWholeNumber(input, 'pl-PL')).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
  });

  it('takes whole numbers up to the one limit and refuses past it with its own code', () => {
    expect(parseWholeNumber('99 999 999 999 999', 'pl-PL')).toMatchObject({ ok: true, value: MAX_SAFE_AMOUNT });
    expect(parseWholeNumber(MAX_SAFE_AMOUNT, 'pl-PL')).toMatchObject({ ok: true, value: MAX_SAFE_AMOUNT });
    expect(parseWholeNumber(-MAX_SAFE_AMOUNT, 'pl-PL')).toMatchObject({ ok: true, value: -MAX_SAFE_AMOUNT });
    for (const input of [
      '100 000 000 000 000',
      MAX_SAFE_AMOUNT + 1,
      -MAX_SAFE_AMOUNT - 1,
      '9 999 999 999 999 999',
      2 ** 53 - 1,
    ]) {
      expect(parseWholeNumber(input, 'pl-PL'), String(input)).toMatchObject({
        ok: false,
        code: 'AMOUNT_TOO_LARGE',
        message: 'is more than 99,999,999,999,999, the largest number Loyalty Desk counts exactly',
      });
    }
  });

  it('reads "1,000" by the locale and flags it', () => {
    expect(parseWholeNumber('1,000', 'en-GB')).toEqual({
      ok: true,
      value: 1000,
      ambiguous: { separator: ',', readAs: 'thousands' },
    });
    expect(parseWholeNumber('1,000', 'pl-PL')).toEqual({
      ok: true,
      value: 1,
      ambiguous: { separator: ',', readAs: 'decimal' },
    });
  });

  it('gives the decimal text back through minorToDecimalString', () => {
    const r = parseDecimalText('1 234,56', 'pl-PL');
    expect(r.ok && r.value).toEqual({ negative: false, whole: '1234', fraction: '56' });
    expect(minorToDecimalString(MAX_SAFE_AMOUNT, 2)).toBe('999999999999.99');
  });
});
