import { describe, expect, it } from 'vitest';
import { parseFlagCell } from './parse-flag-cell';

describe('parseFlagCell', () => {
  it.each([
    ['yes', true],
    ['YES', true],
    [' Tak ', true],
    ['да', true],
    ['Да', true],
    ['ja', true],
    ['x', true],
    ['X', true],
    ['1', true],
    ['no', false],
    ['Nie', false],
    ['нет', false],
    ['nei', false],
    ['0', false],
    ['no\u00A0', false],
  ])('reads %j as %s', (text, value) => {
    expect(parseFlagCell(text)).toEqual({ ok: true, value });
  });

  it('reads boolean and 1/0 number cells', () => {
    expect(parseFlagCell(true)).toEqual({ ok: true, value: true });
    expect(parseFlagCell(false)).toEqual({ ok: true, value: false });
    expect(parseFlagCell(1)).toEqual({ ok: true, value: true });
    expect(parseFlagCell(0)).toEqual({ ok: true, value: false });
  });

  it.each(['maybe', 'tak?', '2', 'promo'])('refuses %j with a sentence listing the words', (text) => {
    const result = parseFlagCell(text);
    expect(result).toMatchObject({ ok: false, code: 'BAD_FLAG' });
    expect(!result.ok && result.message).toMatch(/yes\/no, tak\/nie, да\/нет, ja\/nei, 1\/0/);
  });
  it('refuses a number other than 1 or 0', () => {
    expect(parseFlagCell(2)).toMatchObject({ ok: false, code: 'BAD_FLAG' });
  });
});
