import { cellToText } from '../cells/cell-text';
import type { FieldTable, ImportDefinition } from './field-definitions';
import { normalizeHeader } from './normalize-header';
import { isBlankCell, type RawCell } from '../read/raw-table';

/** Which column (0-based) feeds each field, and the header text as the file wrote it. */
export interface ColumnMapping {
  field: string;
  column: number;
  header: string;
}

export type HeaderMatch =
  | { found: true; columns: ColumnMapping[] }
  | { found: false; matched: string[]; missing: string[]; columns: ColumnMapping[] };

/** An explicit choice of a column for a field, by its header text: `{ netValue: 'Kwota' }`. */
export type MappingOverride = Record<string, string>;

/**
 * Tries one row as the header row: it is one when every required field is recognised. A
 * field named in `override` is looked up only under the given header; the others by their
 * synonyms. A column serves one field; when two columns fit a field, the first (leftmost) is
 * taken, as a reader of the sheet would.
 */
export function matchHeaderRow<F extends FieldTable>(
  cells: readonly RawCell[],
  definition: ImportDefinition<F>,
  override: MappingOverride = {},
): HeaderMatch {
  const headers = cells.map((cell) => (isBlankCell(cell) ? null : normalizeHeader(cellToText(cell))));
  const taken = new Set<number>();
  const columns: ColumnMapping[] = [];
  const missing: string[] = [];
  const fields = Object.keys(definition.fields);
  // Overridden fields first, so that a synonym elsewhere cannot take their column.
  const ordered = [...fields.filter((f) => f in override), ...fields.filter((f) => !(f in override))];
  for (const field of ordered) {
    const spec = definition.fields[field];
    if (!spec) continue;
    const wanted = new Set(
      field in override ? [normalizeHeader(override[field] ?? '')] : spec.synonyms.map(normalizeHeader),
    );
    const column = headers.findIndex((h, i) => h !== null && !taken.has(i) && wanted.has(h));
    if (column >= 0) {
      taken.add(column);
      columns.push({
        field,
        column,
        header: cellToText(cells[column] ?? null)
          .replace(/\s+/g, ' ')
          .trim(),
      });
    } else if (spec.required || field in override) {
      missing.push(field);
    }
  }
  if (missing.length > 0) return { found: false, matched: columns.map((c) => c.field), missing, columns };
  columns.sort((a, b) => a.column - b.column);
  return { found: true, columns };
}
