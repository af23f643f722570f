import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, tableCells } from './table-rows';
import { measureColumnWidths } from './column-widths';

interface Row {
  code: string;
  name: string;
  volumeMinor: number;
  attainmentBp: number | null;
  tier: string | null;
}

const rows: Row[] = [
  { code: 'R10', name: 'Łucja', volumeMinor: 90_00, attainmentBp: null, tier: 'GOLD' },
  { code: 'R2', name: 'Adam', volumeMinor: 1_200_00, attainmentBp: 9_500, tier: null },
  { code: 'R1', name: 'Zenon', volumeMinor: 90_00, attainmentBp: 12_000, tier: 'SILVER' },
];

const code = { label: 'Code', text: (r: Row) => r.code };
const volume = {
  label: 'Volume',
  numeric: true,
  text: (r: Row) => `${r.volumeMinor / 100} zł`,
  sortValue: (r: Row) => r.volumeMinor,
  exportKind: 'money' as const,
};
const attainment = {
  label: 'Target',
  numeric: true,
  text: (r: Row) => (r.attainmentBp === null ? '—' : `${r.attainmentBp / 100}%`),
  sortValue: (r: Row) => r.attainmentBp,
  exportKind: 'basisPoints' as const,
};

describe('sorting a table', () => {
  it('sorts numbers as numbers (not "1 200" before "90"), codes as people read them, ties in their order', () => {
    expect(sortRows(rows, volume, 'asc', 'pl').map((r) => r.code)).toEqual(['R10', 'R1', 'R2']);
    expect(sortRows(rows, volume, 'desc', 'pl').map((r) => r.code)).toEqual(['R2', 'R10', 'R1']);
    expect(sortRows(rows, code, 'asc', 'pl').map((r) => r.code)).toEqual(['R1', 'R2', 'R10']);
  });

  it('sorts names by the language (Ł after L, not after Z) and leaves empty cells last either way', () => {
    const name = { label: 'Name', text: (r: Row) => r.name };
    expect(sortRows(rows, name, 'asc', 'pl').map((r) => r.name)).toEqual(['Adam', 'Łucja', 'Zenon']);
    expect(sortRows(rows, attainment, 'asc', 'pl').map((r) => r.code)).toEqual(['R2', 'R1', 'R10']);
    expect(sortRows(rows, attainment, 'desc', 'pl').map((r) => r.code)).toEqual(['R1', 'R2', 'R10']);
  });
});

describe('a table as workbook cells', () => {
  it('keeps money in minor units and percents in basis points, text as shown, and leaves out a box to tick', () => {
    const select = { label: 'Select' };
    const tier = { label: 'Tier', text: (r: Row) => (r.tier === 'GOLD' ? 'Gold' : (r.tier ?? '')) };
    expect(tableCells([select, code, tier, volume, attainment], rows.slice(0, 2))).toEqual({
      columns: [
        { label: 'Code', kind: 'text' },
        { label: 'Tier', kind: 'text' },
        { label: 'Volume', kind: 'money' },
        { label: 'Target', kind: 'basisPoints' },
      ],
      rows: [
        ['R10', 'Gold', 9000, null],
        ['R2', '', 120000, 9500],
      ],
    });
  });
});

describe('column widths', () => {
  // Every character 7 px wide, as a monospace stand-in for the table's font.
  const measure = (text: string) => text.length * 7;

  it('makes a column as wide as its longest figure, and never narrower than asked', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...rows[0]!, volumeMinor: i }));
    many[317] = { ...rows[0]!, volumeMinor: 12_345_678_90 };
    const [width] = measureColumnWidths([{ id: 'v', width: 40, ...volume }], many, measure, false);
    // "12345678.9 zł" is 13 characters: 91 px and the cell's padding.
    expect(width).toBe(91 + 30);
    expect(measureColumnWidths([{ id: 'v', width: 200, ...volume }], many, measure, false)).toEqual([200]);
  });

  it('fits the header by its longest word, with room for the sort arrow when the column sorts', () => {
    const column = { id: 'p', label: 'Punkty do wypłaty', width: 10, numeric: true, sortValue: () => 0 };
    // "wypłaty" is 7 characters: 49 px.
    expect(measureColumnWidths([column], [], measure, false)).toEqual([49 + 26]);
    expect(measureColumnWidths([column], [], measure, true)).toEqual([49 + 26 + 36]);
  });

  it('keeps a column with a header of its own (a box that chooses all) as wide as it says', () => {
    const choose = { id: 'c', label: 'Zaznacz wszystkie', width: 36, header: 'box' };
    expect(measureColumnWidths([choose], rows, measure, true)).toEqual([36]);
  });

  it('lets a name column grow only so far: a longer name shows whole on hover', () => {
    const long = [{ ...rows[0]!, name: 'x'.repeat(200) }];
    const name = { id: 'n', label: 'Name', width: 100, grow: true, text: (r: Row) => r.name };
    expect(measureColumnWidths([name], long, measure, false)).toEqual([300]);
  });
});

describe('a click on a header', () => {
  it("sorts by the column ascending, then descending, then goes back to the table's own order", () => {
    const byCode = { column: 'code', direction: 'asc' as const };
    expect(nextSort(null, 'amount', null)).toEqual({ column: 'amount', direction: 'asc' });
    expect(nextSort({ column: 'amount', direction: 'asc' }, 'amount', null)).toEqual({
      column: 'amount',
      direction: 'desc',
    });
    expect(nextSort({ column: 'amount', direction: 'desc' }, 'amount', null)).toBeNull();
    expect(nextSort({ column: 'name', direction: 'desc' }, 'name', byCode)).toBe(byCode);
    expect(nextSort({ column: 'name', direction: 'desc' }, 'region', byCode)).toEqual({
      column: 'region',
      direction: 'asc',
    });
  });
});
