// Sorting a table's rows and turning what is shown into a workbook's cells: pure, so that both can be tested without
// a browser.
import type { TableCellKind } from '../../src-main/core/reports/report-types';

interface ValuedColumn<T> {
  label: string;
  title?: string;
  numeric?: boolean;
  text?(row: T): string;
  sortValue?(row: T): string | number | null;
  exportKind?: TableCellKind;
}

/** The rows in the column's order; empty cells last either way, equal ones in the order they came (a stable sort). */
export function sortRows<T>(
  rows: readonly T[],
  column: ValuedColumn<T>,
  direction: 'asc' | 'desc',
  locale: string,
): T[] {
  const key = column.sortValue ?? column.text;
  if (!key) return [...rows];
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: key(row) }));
  keyed.sort((a, b) => {
    const x = a.value;
    const y = b.value;
    const xEmpty = x === null || x === '';
    const yEmpty = y === null || y === '';
    if (xEmpty || yEmpty) return xEmpty === yEmpty ? a.index - b.index : xEmpty ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((k) => k.row);
}

/**
 * The shown columns and rows as a workbook's cells: a column that can be read (`text` or `sortValue`) goes in, a
 * box to tick does not; numbers stay numbers (money in minor units, percents in basis points) in their kind.
 */
export function tableCells<T>(
  columns: readonly ValuedColumn<T>[],
  rows: readonly T[],
): {
  columns: { label: string; kind: TableCellKind }[];
  rows: (string | number | null)[][];
} {
  const readable = columns.filter((c) => c.text !== undefined || c.sortValue !== undefined);
  const kinds = readable.map((c): TableCellKind => c.exportKind ?? (c.numeric && c.sortValue ? 'integer' : 'text'));
  return {
    columns: readable.map((c, i) => ({ label: c.title ?? c.label, kind: kinds[i]! })),
    rows: rows.map((row) =>
      readable.map((c, i) => {
        if (kinds[i] === 'text') return c.text ? c.text(row) : String(c.sortValue!(row) ?? '');
        const value = c.sortValue ? c.sortValue(row) : null;
        return typeof value === 'number' ? value : null;
      }),
    ),
  };
}

/**
 * A click on a column's header: sorted by it ascending, then descending, then back to `unsorted` (the table's own
 * order: none, or by code).
 */
export function nextSort<S extends { column: string; direction: 'asc' | 'desc' } | null>(
  previous: S | { column: string; direction: 'asc' | 'desc' } | null,
  column: string,
  unsorted: S,
): { column: string; direction: 'asc' | 'desc' } | S {
  if (previous?.column !== column) return { column, direction: 'asc' };
  return previous.direction === 'asc' ? { column, direction: 'desc' } : unsorted;
}
