// IBAN check digits (ISO 13616, mod 97-10). Import verifies a participant's IBAN; the SEPA
// writer checks again, because a bank file is the last point at which a typo can be stopped
// before money leaves. The arithmetic is the importer's own (core/import/cells/parse-iban.ts).
import { ibanChecksumIsValid } from '../../import/cells/parse-iban';

/** "PL61 1090 1014 0000 0712 1981 2874" -> "PL61109010140000071219812874". */
export function normalizeIban(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** True for an IBAN in electronic form (no spaces) whose check digits are right. */
export function isValidIban(iban: string): boolean {
  return /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban) && ibanChecksumIsValid(iban);
}
