import { cellToText } from '../cells/cell-text';
import type { ColumnMapping } from './find-header-row';
import { normalizeHeader } from './normalize-header';
import { isBlankCell, type RawCell } from '../read/raw-table';

// Words that head a totals row under a table, in the languages our clients write.
const TOTALS_WORDS = [
  'razem',
  'ogółem',
  'suma',
  'total',
  'totals',
  'grand total',
  'sum',
  'totalt',
  'sum totalt',
  'итого',
  'всего',
  'итог',
];

export type RowKind =
  | { kind: 'blank' }
  | { kind: 'totals'; column: number; text: string }
  /** Content only in columns the import does not read: a side note, a comment. */
  | { kind: 'outside-columns'; column: number; text: string }
  /**
   * A required value missing and either all required values missing or the whole row one
   * cell ("* Stan na 31.10.2026" under the code column): a note under the table, or, when
   * data rows follow it, a data row with errors.
   */
  | { kind: 'maybe-note'; column: number; text: string }
  | { kind: 'data' };

// First letters of the totals words: a cell that starts with none of them is not one (most cells).
const TOTALS_FIRST_LETTERS = new Set(TOTALS_WORDS.map((w) => w.charAt(0)));
const INVISIBLE_OR_SPACE = /\s|\u200B|\u200C|\u200D|\u2060/;
// Normalised texts of cells seen lately: codes and SKUs repeat down a column. Bounded.
const normalizedCache = new Map<string, string>();
const CACHE_LIMIT = 4096;

function normalizedCellText(text: string): string {
  let t = normalizedCache.get(text);
  if (t === undefined) {
    t = normalizeHeader(text);
    if (normalizedCache.size >= CACHE_LIMIT) normalizedCache.clear();
    normalizedCache.set(text, t);
  }
  return t;
}

// The same first letters as character codes, both cases, for the test made on every cell.
const TOTALS_FIRST_CODES = new Set(
  [...TOTALS_FIRST_LETTERS].flatMap((c) => [c.charCodeAt(0), c.toUpperCase().charCodeAt(0)]),
);

function totalsWordIn(text: string, allowPrefix: boolean): boolean {
  const first = text.charCodeAt(0);
  // A visible ASCII first character decides at once (no totals word starts with a non-letter).
  if (first > 0x20 && first < 0x7f) {
    if (!TOTALS_FIRST_CODES.has(first)) return false;
  } else {
    let at = 0;
    while (at < text.length && INVISIBLE_OR_SPACE.test(text.charAt(at))) at++;
    if (!TOTALS_FIRST_LETTERS.has(text.charAt(at).toLowerCase())) return false;
  }
  const t = normalizedCellText(text);
  for (const w of TOTALS_WORDS) {
    if (t === w || (allowPrefix && t.length > w.length && t.startsWith(w) && t.charAt(w.length) === ' ')) return true;
  }
  return false;
}

/**
 * What a row after the header is. A cell that is exactly "Razem" (or "Итого", "Total", ...)
 * makes a totals row; a cell that only starts with such a word ("Razem region Północ") does
 * so when the row also lacks a required value, so that a participant named "Suma Jan" stays data.
 * Runs for every row of the file: counts in loops, no arrays made.
 */
export function classifyRow(
  cells: readonly RawCell[],
  columns: readonly ColumnMapping[],
  requiredFields: ReadonlySet<string>,
): RowKind {
  let filled = 0;
  let firstFilled = -1;
  for (let i = 0; i < cells.length; i++) {
    if (isBlankCell(cells[i] ?? null)) continue;
    filled++;
    if (firstFilled < 0) firstFilled = i;
  }
  if (filled === 0) return BLANK;
  let required = 0;
  let requiredBlank = 0;
  let mappedFilled = 0;
  for (const m of columns) {
    const blank = isBlankCell(cells[m.column] ?? null);
    if (!blank) mappedFilled++;
    if (requiredFields.has(m.field)) {
      required++;
      if (blank) requiredBlank++;
    }
  }
  const lacksRequired = requiredBlank > 0;
  for (let i = firstFilled; i < cells.length; i++) {
    const c = cells[i] ?? null;
    if (typeof c === 'string' && !isBlankCell(c) && totalsWordIn(c, lacksRequired))
      return { kind: 'totals', column: i, text: cellToText(c).trim() };
  }
  if (mappedFilled === 0)
    return { kind: 'outside-columns', column: firstFilled, text: cellToText(cells[firstFilled] ?? null).trim() };
  const allRequiredBlank = requiredBlank === required;
  if (lacksRequired && (allRequiredBlank || filled === 1))
    return { kind: 'maybe-note', column: firstFilled, text: cellToText(cells[firstFilled] ?? null).trim() };
  return DATA;
}

// Shared answers for the kinds without details: most rows are data.
const DATA: RowKind = Object.freeze({ kind: 'data' });
const BLANK: RowKind = Object.freeze({ kind: 'blank' });
