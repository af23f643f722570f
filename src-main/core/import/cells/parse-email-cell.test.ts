import { describe, expect, it } from 'vitest';
import { parseEmailCell } from './parse-email-cell';

describe('parseEmailCell', () => {
  it.each([
    ['r0001@client.example', 'r0001@client.example'],
    ['  Anna.Nowak@firma.pl ', 'Anna.Nowak@firma.pl'],
    ['mailto:a@b.co', 'a@b.co'],
    ['ольга@почта.рф', 'ольга@почта.рф'],
    ['a+tag@sub.domain.com', 'a+tag@sub.domain.com'],
  ])('%j -> %s', (text, expected) => {
    expect(parseEmailCell(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'anna.nowak',
    'anna@firma',
    'anna @firma.pl',
    'a@b@c.pl',
    '@firma.pl',
    'anna@.pl',
    'Anna Nowak <anna@firma.pl>',
    'anna@firma.p',
    'a,b@c.pl',
  ])('refuses %j as BAD_EMAIL', (text) => {
    expect(parseEmailCell(text)).toEqual({ ok: false, code: 'BAD_EMAIL', message: 'is not an email address' });
  });

  it('refuses numbers and overlong text', () => {
    expect(parseEmailCell(12)).toMatchObject({ ok: false, code: 'BAD_EMAIL' });
    expect(parseEmailCell(`${'a'.repeat(195)}@b.com`)).toMatchObject({
      ok: false,
      code: 'TOO_LONG',
      params: { length: 201, max: 200 },
    });
  });
});
