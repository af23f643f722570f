import { normalizeSpaces } from '../read/raw-table';

/**
 * The form in which headers are compared: Unicode-composed (so "ą" typed either way is one
 * letter), lower case, spaces collapsed and trimmed, a trailing ":" or "*" (a label, a
 * "required" mark) dropped. Accents are kept: "Wartość" and "Wartosc" are different words.
 */
export function normalizeHeader(text: string): string {
  return normalizeSpaces(text)
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/, '')
    .toLowerCase();
}
