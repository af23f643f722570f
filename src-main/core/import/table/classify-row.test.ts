import { describe, expect, it } from 'vitest';
import { classifyRow } from './classify-row';
import type { ColumnMapping } from './find-header-row';

const columns: ColumnMapping[] = [
  { field: 'code', column: 0, header: 'Rep code' },
  { field: 'name', column: 1, header: 'Name' },
  { field: 'region', column: 2, header: 'Region' },
];
const required = new Set(['code', 'name']);
const kind = (cells: Parameters<typeof classifyRow>[0]) => classifyRow(cells, columns, required);

describe('classifyRow', () => {
  it('finds blank rows, NBSP and empty strings included', () => {
    expect(kind([])).toEqual({ kind: 'blank' });
    expect(kind([null, '', ' \u00A0 ', null])).toEqual({ kind: 'blank' });
  });

  it.each(['Razem', 'RAZEM:', 'Итого', 'итого:', 'Total', 'Suma', 'Всего', 'Sum', 'Totalt', 'Grand total', 'Ogółem'])(
    'finds the totals row %j in any cell',
    (word) => {
      expect(kind([null, null, word, 12])).toEqual({ kind: 'totals', column: 2, text: word });
      expect(kind([word, null, null, 12])).toMatchObject({ kind: 'totals', column: 0 });
    },
  );

  it('takes "Razem region Północ" as totals only where a required value is missing', () => {
    expect(kind(['Razem region Północ', null, null, 1500])).toMatchObject({ kind: 'totals' });
    expect(kind(['R0001', 'Suma Jan', 'North'])).toEqual({ kind: 'data' });
  });

  it('tells notes, side comments and data apart', () => {
    expect(kind(['* Stan na 31.10.2026'])).toEqual({ kind: 'maybe-note', column: 0, text: '* Stan na 31.10.2026' });
    expect(kind([null, null, 'North'])).toEqual({ kind: 'maybe-note', column: 2, text: 'North' });
    expect(kind([null, null, null, 'see the other sheet'])).toEqual({
      kind: 'outside-columns',
      column: 3,
      text: 'see the other sheet',
    });
    expect(kind(['R0001', null, 'North'])).toEqual({ kind: 'data' });
    expect(kind(['R0001', 'Anna'])).toEqual({ kind: 'data' });
    expect(kind([{ error: '#N/A' }, 'Anna'])).toEqual({ kind: 'data' });
  });
});
