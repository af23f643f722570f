import { describe, expect, it } from 'vitest';
import { parseTextCell, textParser } from './parse-text-cell';

describe('parseTextCell', () => {
  it('trims, keeps inner spaces and makes non-breaking spaces ordinary', () => {
    expect(parseTextCell('  Jan  Kowalski ')).toEqual({ ok: true, value: 'Jan  Kowalski' });
    expect(parseTextCell('\u00A0Jan\u00A0Kowalski\u202F')).toEqual({ ok: true, value: 'Jan Kowalski' });
    expect(parseTextCell('\uFEFFR0001\u200B')).toEqual({ ok: true, value: 'R0001' });
    expect(parseTextCell('Ulica 1\nMieszkanie 2')).toEqual({ ok: true, value: 'Ulica 1\nMieszkanie 2' });
  });

  it('reads numeric cells without float artefacts', () => {
    expect(parseTextCell(4000123412341234)).toEqual({ ok: true, value: '4000123412341234' });
    expect(parseTextCell(48601234567)).toEqual({ ok: true, value: '48601234567' });
    expect(parseTextCell(1e20)).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
    expect(parseTextCell(2 ** 53)).toMatchObject({ ok: false, code: 'BAD_NUMBER' });
    expect(parseTextCell(2 ** 53 - 1)).toEqual({ ok: true, value: '9007199254740991' });
    expect(parseTextCell(12.5)).toEqual({ ok: true, value: '12.5' });
    expect(parseTextCell(0.1)).toEqual({ ok: true, value: '0.1' });
  });

  it('reads booleans and dates as text', () => {
    expect(parseTextCell(true)).toEqual({ ok: true, value: 'TRUE' });
    expect(parseTextCell(new Date(Date.UTC(2026, 0, 2)))).toEqual({ ok: true, value: '2026-01-02' });
  });

  it('refuses text over the limit as TOO_LONG', () => {
    expect(parseTextCell('x'.repeat(200))).toMatchObject({ ok: true });
    expect(parseTextCell('x'.repeat(201))).toEqual({
      ok: false,
      code: 'TOO_LONG',
      message: 'is too long (201 characters; at most 200)',
      params: { length: 201, max: 200 },
    });
    expect(textParser(5)('abcdef', { locale: 'pl-PL', currencyDigits: 2, date1904: false })).toMatchObject({
      ok: false,
      code: 'TOO_LONG',
    });
  });
});
