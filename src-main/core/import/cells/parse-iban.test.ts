import { describe, expect, it } from 'vitest';
import { ibanChecksumIsValid, parseIban, parseIbanCell } from './parse-iban';

describe('parseIban', () => {
  it.each([
    ['PL61109010140000071219812874', 'PL61109010140000071219812874'],
    ['PL61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
    ['pl61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
    ['PL61\u00A01090\u00A01014\u00A00000\u00A00712\u00A01981\u00A02874', 'PL61109010140000071219812874'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['NO93 8601 1117 947', 'NO9386011117947'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
    // A Polish NRB: the IBAN without "PL"
    ['61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
  ])('%j -> %s', (text, expected) => {
    expect(parseIban(text)).toEqual({ ok: true, iban: expected });
  });

  it('refuses a mistyped digit by its checksum', () => {
    expect(parseIban('PL61109010140000071219812875')).toEqual({
      ok: false,
      reason: 'is not a valid IBAN (its check digits do not match; a character is probably mistyped)',
    });
    expect(parseIban('PL16109010140000071219812874').ok).toBe(false); // swapped check digits
  });

  it('refuses a wrong length for a known country', () => {
    expect(parseIban('PL6110901014000007121981287')).toEqual({
      ok: false,
      reason: 'is not an IBAN (PL account numbers have 28 characters, this one has 27)',
    });
  });

  it.each(['', 'hello', '1234', '40817810099910004312', 'PL61-1090', 'XX'])('refuses %j', (text) => {
    expect(parseIban(text).ok).toBe(false);
  });

  it('computes mod 97 over letters', () => {
    expect(ibanChecksumIsValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumIsValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanChecksumIsValid('GB82WEST1234569876543!')).toBe(false);
  });
});

describe('parseIbanCell', () => {
  it('gives BAD_IBAN for bad text and for numbers', () => {
    expect(parseIbanCell('PL00 1234')).toMatchObject({ ok: false, code: 'BAD_IBAN' });
    expect(parseIbanCell(6.110901014e25)).toMatchObject({ ok: false, code: 'BAD_IBAN' });
    expect(parseIbanCell('PL61 1090 1014 0000 0712 1981 2874')).toEqual({
      ok: true,
      value: 'PL61109010140000071219812874',
    });
  });
});
