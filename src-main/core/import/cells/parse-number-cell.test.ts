import { describe, expect, it } from 'vitest';
import { parseMoneyCell, parseWholeNumberCell } from './parse-number-cell';

const pl = { locale: 'pl-PL', currencyDigits: 2, date1904: false };
const en = { locale: 'en-GB', currencyDigits: 2, date1904: false };

describe('parseMoneyCell', () => {
  it('reads numbers and text exactly into minor units', () => {
    expect(parseMoneyCell(1158.6, pl)).toEqual({ ok: true, value: 115860 });
    expect(parseMoneyCell('1 158,60 zł', pl)).toEqual({ ok: true, value: 115860 });
    expect(parseMoneyCell('(12,30)', pl)).toEqual({ ok: true, value: -1230 });
  });

  it('warns how an ambiguous value was read', () => {
    expect(parseMoneyCell('1.234', pl)).toEqual({
      ok: true,
      value: 123400,
      warning: {
        code: 'AMBIGUOUS_NUMBER',
        message: 'could be read two ways; it was read with "." as the thousands separator, as pl-PL writes numbers',
        params: { separator: '.', readAs: 'thousands', locale: 'pl-PL' },
      },
    });
    expect(parseMoneyCell('1,234', en)).toMatchObject({
      ok: true,
      value: 123400,
      warning: { code: 'AMBIGUOUS_NUMBER' },
    });
  });

  it('gives errors with their codes', () => {
    expect(parseMoneyCell('12,345', pl)).toMatchObject({
      ok: false,
      code: 'TOO_MANY_DECIMALS',
      params: { decimals: 3, allowed: 2 },
    });
    expect(parseMoneyCell('abc', pl)).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
    expect(parseMoneyCell(new Date(0), pl)).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
    expect(parseMoneyCell(true, pl)).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
  });
});

describe('parseWholeNumberCell', () => {
  it('reads whole numbers and refuses fractions', () => {
    expect(parseWholeNumberCell('5,0', pl)).toEqual({ ok: true, value: 5 });
    expect(parseWholeNumberCell(18, pl)).toEqual({ ok: true, value: 18 });
    expect(parseWholeNumberCell('5,5', pl)).toEqual({
      ok: false,
      code: 'BAD_NUMBER',
      message: 'is not a whole number',
    });
    expect(parseWholeNumberCell('1,000', en)).toMatchObject({
      ok: true,
      value: 1000,
      warning: { code: 'AMBIGUOUS_NUMBER' },
    });
  });
});
