import type { CellParseResult, FilledCell } from '../table/field-definitions';
import { normalizeSpaces } from '../read/raw-table';

// IBAN lengths by country (ISO 13616 registry) for the countries our clients and their reps bank in.
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20,
  BE: 16,
  BG: 22,
  BY: 28,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  KZ: 20,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RU: 33,
  SE: 24,
  SI: 19,
  SK: 24,
  UA: 29,
};

/** ISO 13616 mod-97: the rearranged IBAN read as a number leaves 1. */
export function ibanChecksumIsValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? code - 55 : code - 48;
    if (value < 0 || value > 35) return false;
    // Letters stand for two digits; folding digit by digit keeps the number small.
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export type IbanResult = { ok: true; iban: string } | { ok: false; reason: string };

/**
 * An IBAN without spaces, in capitals, with a valid checksum. A Polish account number
 * (NRB, 26 digits) is the Polish IBAN without "PL"; it is taken when "PL" makes it valid,
 * because Polish files under "Nr rachunku" usually leave the country out.
 */
export function parseIban(text: string): IbanResult {
  const compact = normalizeSpaces(text).replace(/[\s-]/g, '').toUpperCase();
  const candidate = /^\d{26}$/.test(compact) ? `PL${compact}` : compact;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(candidate)) return { ok: false, reason: 'is not an IBAN' };
  const expected = IBAN_LENGTHS[candidate.slice(0, 2)];
  if (expected !== undefined && candidate.length !== expected) {
    return {
      ok: false,
      reason: `is not an IBAN (${candidate.slice(0, 2)} account numbers have ${expected} characters, this one has ${candidate.length})`,
    };
  }
  if (!ibanChecksumIsValid(candidate))
    return {
      ok: false,
      reason: 'is not a valid IBAN (its check digits do not match; a character is probably mistyped)',
    };
  return { ok: true, iban: candidate };
}

export function parseIbanCell(cell: FilledCell): CellParseResult<string> {
  if (typeof cell === 'number') {
    return {
      ok: false,
      code: 'BAD_IBAN',
      message: 'is a number, and a spreadsheet cannot keep an account number as a number; format the column as text',
    };
  }
  if (typeof cell !== 'string') return { ok: false, code: 'BAD_IBAN', message: 'is not an IBAN' };
  const result = parseIban(cell);
  return result.ok ? { ok: true, value: result.iban } : { ok: false, code: 'BAD_IBAN', message: result.reason };
}
