import { describe, expect, it } from 'vitest';
import { isValidIban, normalizeIban } from './iban-checksum';

describe('isValidIban', () => {
  it('accepts IBANs with correct check digits', () => {
    for (const iban of [
      'PL61109010140000071219812874',
      'DE89370400440532013000',
      'FR1420041010050500013M02606',
      'GB82WEST12345698765432',
    ]) {
      expect(isValidIban(iban)).toBe(true);
    }
  });

  it('refuses a changed digit, swapped digits, or a malformed IBAN', () => {
    for (const iban of [
      'PL61109010140000071219812875',
      'DE89370400440532013300',
      'PL6110901014',
      'pl61109010140000071219812874',
      '',
    ]) {
      expect(isValidIban(iban)).toBe(false);
    }
  });

  it('normalizes the printed form', () => {
    expect(normalizeIban('pl61 1090 1014 0000 0712 1981 2874')).toBe('PL61109010140000071219812874');
  });
});
