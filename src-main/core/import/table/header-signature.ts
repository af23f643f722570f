// A file's header row as text, and the form in which two header rows are compared: the
// same client export has the same headers, whatever their case or stray spaces.
import { cellToText } from '../cells/cell-text';
import { normalizeHeader } from './normalize-header';
import { isBlankCell, type RawCell } from '../read/raw-table';

/** The header row as written: one text per column from A to the last filled one, '' for a blank. */
export function headerTexts(cells: readonly RawCell[]): string[] {
  const texts = cells.map((cell) => (isBlankCell(cell) ? '' : cellToText(cell).replace(/\s+/g, ' ').trim()));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

/** Two header rows are the same layout when their filled headers, normalised, are the same in the same order. */
export function headerSignature(headers: readonly string[]): string {
  return JSON.stringify(headers.map(normalizeHeader).filter((h) => h !== ''));
}
