// Columns as wide as their widest figure, so that no amount, header or code is cut off: each column's longest texts
// are measured in the table's own font once per set of rows (not on every scroll), the header by its longest word
// (headers wrap between words, never inside one).
import { useMemo } from 'react';

interface SizedColumn<T> {
  id: string;
  label: string;
  width: number;
  grow?: boolean;
  text?(row: T): string;
  sortValue?(row: T): unknown;
  /** Shown instead of the label in the header (a box that chooses all): the label is not drawn there. */
  header?: unknown;
  extraWidth?: number;
  /** Changes when the column's texts change for the same rows (a card shown masked or in full): measured again. */
  measureKey?: string;
}

/** Padding of a cell (12 px a side) and a little room for bold figures and rounding. */
const CELL_PADDING = 30;
/** A header's padding, plus the sort button's own padding and arrow when the column sorts. */
const HEAD_PADDING = 26;
const SORT_BUTTON = 36;
/** A name column grows to its longest name up to this; longer names show whole on hover. */
const GROW_LIMIT = 300;
/** How many of a column's longest texts (by characters) are measured: widths differ little beyond them. */
const MEASURED = 12;

export type Measure = (text: string, kind: 'cell' | 'head') => number;

/** Each column's width in pixels for these rows, with `measure` giving a text's width in the table's font. */
export function measureColumnWidths<T>(
  columns: readonly SizedColumn<T>[],
  rows: readonly T[],
  measure: Measure,
  sortable: boolean,
): number[] {
  return columns.map((column) => {
    const words = column.label.split(/\s+/);
    // A header of its own (a box to tick) is as wide as the column says; the label only names it.
    const headWord = column.header !== undefined ? 0 : Math.max(...words.map((word) => measure(word, 'head')));
    const canSort = sortable && (column.text !== undefined || column.sortValue !== undefined);
    let width =
      column.header !== undefined
        ? column.width
        : Math.max(column.width, Math.ceil(headWord + HEAD_PADDING + (canSort ? SORT_BUTTON : 0)));
    if (column.text) {
      const longest: string[] = [];
      for (const row of rows) {
        const text = column.text(row);
        if (longest.length < MEASURED) longest.push(text);
        else {
          let shortest = 0;
          for (let i = 1; i < longest.length; i++) if (longest[i]!.length < longest[shortest]!.length) shortest = i;
          if (text.length > longest[shortest]!.length) longest[shortest] = text;
        }
      }
      let widest = 0;
      for (const text of longest) widest = Math.max(widest, measure(text, 'cell'));
      const wanted = Math.ceil(widest + CELL_PADDING + (column.extraWidth ?? 0));
      width = Math.max(width, column.grow ? Math.min(wanted, GROW_LIMIT) : wanted);
    }
    return width;
  });
}

let canvas: HTMLCanvasElement | null = null;

function canvasMeasure(): Measure {
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  // Cells are measured as bold: totals are shown in bold, and the difference is a few pixels.
  const fonts = { cell: `600 13.5px ${family}`, head: `600 12.5px ${family}` };
  return (text, kind) => {
    if (!context) return text.length * 8;
    context.font = fonts[kind];
    return context.measureText(text).width;
  };
}

/** The widths, measured again only when the rows, the columns or their labels (the language) change. */
export function useColumnWidths<T>(
  columns: readonly SizedColumn<T>[],
  rows: readonly T[],
  sortable: boolean,
): number[] {
  const signature = `${sortable}|${columns.map((c) => `${c.id}:${c.label}:${c.width}:${c.measureKey ?? ''}`).join('|')}`;
  // The columns are made anew on every render of their screen; their signature says when they differ.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => measureColumnWidths(columns, rows, canvasMeasure(), sortable), [rows, signature]);
}

/** A badge's own padding (9 px a side), for `extraWidth` of a column that shows its text in one. */
export const BADGE_PADDING = 18;
