import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, percentOf, truncDiv } from './minor-units';

describe('truncDiv and percentOf', () => {
  it('round toward zero as the reference program defines trunc', () => {
    expect(truncDiv(123456, 100)).toBe(1234);
    expect(truncDiv(-24691, 100)).toBe(-246);
    expect(percentOf(-246, 10)).toBe(-24);
    expect(percentOf(1147, 5)).toBe(57);
    expect(Object.is(truncDiv(-5, 100), 0)).toBe(true);
  });

  it('stay exact beyond the range where a double quotient would be', () => {
    const big = 2 ** 51 - 1;
    expect(truncDiv(big, 7)).toBe(Number(BigInt(big) / 7n));
    expect(percentOf(2 ** 50 + 3, 33)).toBe(Number(((2n ** 50n + 3n) * 33n) / 100n));
  });
});

describe('formatting', () => {
  it('writes minor units as decimal text without floats', () => {
    expect(minorToDecimalString(14330, 2)).toBe('143.30');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(7, 0)).toBe('7');
    expect(minorToDecimalString(2 ** 51, 2)).toBe('22517998136852.48');
  });

  it('formats money in the locale of the program', () => {
    expect(formatMoney(15_000_000, 'PLN', 2, 'pl-PL').replace(/\s/g, ' ')).toBe('150 000,00 zł');
    expect(formatMoney(14330, 'PLN', 2, 'en-GB').replace(/\s/g, ' ')).toBe('PLN 143.30');
    expect(formatMoney(-24691, 'RUB', 2, 'ru-RU').replace(/\s/g, ' ')).toBe('-246,91 ₽');
  });
});
