// A table saved "as shown" is read back as a client's tools read it (openpyxl): the columns in their order, numbers
// as numbers in the program's formats (money from minor units, percents from basis points), text as text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableFileName, writeTableWorkbook } from '../../src-main/core/reports/table-workbook';
import { hasOpenpyxl, makeTempDir } from '../fixtures/client-files';
import { readWithOpenpyxl } from '../fixtures/read-workbook';

describe.skipIf(!hasOpenpyxl)('a table saved as xlsx', () => {
  it('keeps the columns, the order of the rows, and numbers as numbers in their formats', async () => {
    const { fileName, bytes } = await writeTableWorkbook({
      title: 'Punkty za wrzesień 2026',
      currency: { code: 'PLN', minorDigits: 2 },
      columns: [
        { label: 'Kod', kind: 'text' },
        { label: 'Imię i nazwisko', kind: 'text' },
        { label: 'Obrót', kind: 'money' },
        { label: 'Cel', kind: 'basisPoints' },
        { label: 'Do wypłaty', kind: 'integer' },
      ],
      rows: [
        ['R0009', 'Dorota Zając', 999_999_999_99, 10_628, 5_155],
        ['R0001', 'Ольга Петрова', 1, null, 0],
      ],
    });
    expect(fileName).toBe('Punkty za wrzesień 2026.xlsx');
    const path = join(makeTempDir(), fileName);
    writeFileSync(path, bytes);
    const [sheet] = readWithOpenpyxl(path);
    expect(sheet!.title).toBe('Punkty za wrzesień 2026');
    expect(sheet!.frozen).toBe('C2');
    expect(sheet!.filter).toBe('A1:E3');
    expect(sheet!.rows).toEqual([
      ['Kod', 'Imię i nazwisko', 'Obrót', 'Cel', 'Do wypłaty'],
      ['R0009', 'Dorota Zając', 999_999_999.99, 1.0628, 5155],
      ['R0001', 'Ольга Петрова', 0.01, null, 0],
    ]);
    expect(sheet!.formats[1]!.slice(2)).toEqual(['#,##0.00 "PLN"', '0.00%', '#,##0']);
  });

  it('refuses a row that does not fit the columns, or a figure that is not a whole number, by row and column', async () => {
    const input = {
      title: 'T',
      currency: { code: 'PLN', minorDigits: 2 },
      columns: [
        { label: 'Kod', kind: 'text' as const },
        { label: 'Kwota', kind: 'money' as const },
      ],
    };
    await expect(writeTableWorkbook({ ...input, rows: [['A', 1, 2]] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { row: 1, cells: 3, columns: 2 },
    });
    await expect(
      writeTableWorkbook({
        ...input,
        rows: [
          ['A', 1],
          ['B', 1.5],
        ],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { row: 2, column: 'Kwota', value: '1.5' },
    });
    // A date column takes calendar dates that exist, nothing else.
    const dates = { ...input, columns: [{ label: 'Data', kind: 'date' as const }] };
    for (const bad of ['2026-02-30', '15.09.2026', 20260915])
      await expect(writeTableWorkbook({ ...dates, rows: [['2026-09-15'], [bad]] })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { row: 2, column: 'Data', value: String(bad) },
      });
  });

  it('names the file without characters a file system refuses', () => {
    expect(tableFileName('Top-ups: 2026/09 <draft>\u0007')).toBe('Top-ups 2026 09 draft.xlsx');
    expect(tableFileName('  ')).toBe('table.xlsx');
  });
});
