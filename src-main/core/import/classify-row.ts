import { cellToText } from './cell-text';
import type { ColumnMapping } from './find-header-row';
import { normalizeHeader } from './normalize-header';
import { isBlankCell, type RawCell } from './raw-table';

// Words that head a totals row under a table, in the languages our clients write.
const TOTALS_WORDS = ['razem', 'ogółem', 'suma', 'total', 'totals', 'grand total', 'sum', 'totalt', 'sum totalt', 'итого', 'всего', 'итог'];

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

function totalsWordIn(text: string, allowPrefix: boolean): boolean {
  const t = normalizeHeader(text);
  return TOTALS_WORDS.some((w) => t === w || (allowPrefix && t.startsWith(`${w} `)));
}

/**
 * What a row after the header is. A cell that is exactly "Razem" (or "Итого", "Total", ...)
 * makes a totals row; a cell that only starts with such a word ("Razem region Północ") does
 * so when the row also lacks a required value, so that a participant named "Suma Jan" stays data.
 */
export function classifyRow(cells: readonly RawCell[], columns: readonly ColumnMapping[], requiredFields: ReadonlySet<string>): RowKind {
  const filled = cells.map((c, i) => ({ c, i })).filter(({ c }) => !isBlankCell(c));
  if (filled.length === 0) return { kind: 'blank' };
  const requiredColumns = columns.filter((m) => requiredFields.has(m.field));
  const lacksRequired = requiredColumns.some((m) => isBlankCell(cells[m.column] ?? null));
  const totals = filled.find(({ c }) => typeof c === 'string' && totalsWordIn(c, lacksRequired));
  if (totals) return { kind: 'totals', column: totals.i, text: cellToText(totals.c).trim() };
  const first = filled[0] ?? { c: null, i: 0 };
  const firstText = cellToText(first.c).trim();
  if (columns.every((m) => isBlankCell(cells[m.column] ?? null))) return { kind: 'outside-columns', column: first.i, text: firstText };
  const allRequiredBlank = requiredColumns.every((m) => isBlankCell(cells[m.column] ?? null));
  if (lacksRequired && (allRequiredBlank || filled.length === 1)) return { kind: 'maybe-note', column: first.i, text: firstText };
  return { kind: 'data' };
}
