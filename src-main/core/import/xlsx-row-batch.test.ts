import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findProjectRoot } from '../../db/project-paths';
import type { RawCell } from './raw-table';
import { rowWorkerFile } from './xlsx-row-worker-client';
import { encodeExcelRows, rowCells, RowBatchBuilder, rowsOfBatch, type ExcelRowLike, type RowBatch } from './xlsx-row-worker.mjs';

const decodeRowBatch = (batch: RowBatch) => [...rowsOfBatch(batch)];

/** Encodes the rows, moves the batch as postMessage would, and decodes it. */
function roundTrip(rows: readonly ExcelRowLike[]) {
  const { batch, transfer } = encodeExcelRows(rows);
  expect(transfer).toHaveLength(4);
  // Each distinct text crosses once.
  expect(new Set(batch.texts).size).toBe(batch.texts.length);
  return decodeRowBatch(structuredClone(batch, { transfer }));
}

/** A row as exceljs's streaming reader makes it: cells at their column's index, holes for cells not in the file. */
function excelRow(number: number, values: unknown[]): ExcelRowLike {
  const cells: ({ value: unknown } | undefined)[] = [];
  values.forEach((value, i) => {
    if (value !== HOLE) cells[i] = { value };
  });
  cells.length = values.length;
  return { number, _cells: cells };
}
const HOLE = Symbol('no cell');

describe('row batches from the reader worker', () => {
  it('gather the rows of many small pieces into one batch, the arrays growing as they must, and start afresh once taken', () => {
    const builder = new RowBatchBuilder(2, 4);
    const all: ExcelRowLike[] = [];
    for (let piece = 0; piece < 30; piece++) {
      // Rows of every width, texts repeated across the pieces, a wide row now and then.
      const rows = Array.from({ length: piece % 4 }, (_, i) => {
        const n = piece * 10 + i + 1;
        return excelRow(n, n % 9 === 0 ? Array.from({ length: 40 }, (_, c) => (c % 2 ? c : `w${c % 5}`)) : [`R${n % 3}`, n / 4, i % 2 === 0, HOLE, `FV/${n}`]);
      });
      all.push(...rows);
      builder.add(rows);
    }
    expect(builder.rowCount).toBe(all.length);
    const { batch, transfer } = builder.take();
    expect(builder.rowCount).toBe(0);
    expect(new Set(batch.texts).size).toBe(batch.texts.length);
    expect(batch.texts.filter((t) => t.startsWith('R')).sort()).toEqual(['R0', 'R1', 'R2']);
    expect(decodeRowBatch(structuredClone(batch, { transfer }))).toEqual(all.map((row) => ({ row: row.number, cells: rowCells(row) })));
    // The next batch has its own arrays and texts.
    builder.add([excelRow(1000, ['R1', 2])]);
    const next = builder.take();
    expect(next.batch.texts).toEqual(['R1']);
    expect(decodeRowBatch(structuredClone(next.batch, { transfer: next.transfer }))).toEqual([{ row: 1000, cells: ['R1', 2] }]);
  });

  it('come back as rawCellFromExcel reads each cell: every kind of value, repeated and empty texts, gaps, trimmed ends, wide and empty rows', () => {
    const date = new Date(Date.UTC(2026, 9, 31));
    const rows = [
      excelRow(1, ['Rep code', 'R0001', 12.5, -0, 1e300, Number.MAX_SAFE_INTEGER, true, false, null, '', undefined, HOLE, 'end']),
      excelRow(2, [
        date,
        new Date(Number.NaN),
        Number.NaN,
        { error: '#N/A' },
        { formula: 'A1' },
        { sharedFormula: 'B2', result: Number.NaN },
        { formula: 'A1*2', result: 7 },
        { formula: 'A1', result: 'text' },
        { formula: 'A1', result: { error: '#REF!' } },
        { formula: 'A1', result: new Date(Date.UTC(2026, 0, 2)) },
        { formula: 'A1', result: true },
        { richText: [{ text: 'Anna ' }, { font: { bold: true }, text: 'Nowak' }] },
        { text: 'link', hyperlink: 'https://example.com' },
        { text: { richText: [{ text: 'rich link' }] }, hyperlink: 'https://example.com' },
        'R0001',
        'Kot "Ł" 🐈',
        {},
      ]),
      // A row whose last cells hold nothing ends at its last value; a NaN at the end is a value exceljs read.
      excelRow(3, ['a', null, HOLE, undefined, null]),
      excelRow(4, [HOLE, 5, Number.NaN]),
      excelRow(5, []),
      excelRow(6, [null, HOLE]),
      excelRow(65_536, Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `t${i % 7}` : i % 3 === 1 ? i / 7 : HOLE))),
      // Without `_cells`, the row's values (1-based) are read.
      { number: 1_048_576, values: [undefined, 'v', 2, undefined, { error: '#DIV/0!' }] },
    ];
    const expected: RawCell[][] = [
      ['Rep code', 'R0001', 12.5, -0, 1e300, Number.MAX_SAFE_INTEGER, true, false, null, '', null, null, 'end'],
      [
        date,
        null,
        null,
        { error: '#N/A' },
        { error: '=A1', uncalculated: true },
        { error: '=B2', uncalculated: true },
        7,
        'text',
        { error: '#REF!' },
        new Date(Date.UTC(2026, 0, 2)),
        true,
        'Anna Nowak',
        'link',
        'rich link',
        'R0001',
        'Kot "Ł" 🐈',
        null,
      ],
      ['a'],
      [null, 5, null],
      [],
      [],
      Array.from({ length: 299 }, (_, i) => (i % 3 === 0 ? `t${i % 7}` : i % 3 === 1 ? i / 7 : null)),
      ['v', 2, null, { error: '#DIV/0!' }],
    ];
    const decoded = roundTrip(rows);
    expect(decoded).toEqual(expected.map((cells, i) => ({ row: rows[i]?.number, cells })));
    // -0 stays -0, as the value exceljs read.
    expect(Object.is(decoded[0]?.cells[3], -0)).toBe(true);
    // The same as the cells one by one.
    expect(decoded.map((r) => r.cells)).toEqual(rows.map((row) => rowCells(row)));
  });

  it("come back as rawCellFromExcel reads the cells of exceljs's own streaming reader", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Rep code', 'Qty', 'Date', 'Flag', 'Note']);
    const day = new Date(Date.UTC(2026, 7, 5));
    ws.addRow(['R0001', 12.5, day, true, { richText: [{ text: 'Anna ' }, { font: { bold: true }, text: 'Nowak' }] }]);
    ws.addRow(['R0002', { formula: 'B2*2', result: 25 }, { formula: 'C2', result: day }, false, { text: 'site', hyperlink: 'https://example.com' }]);
    ws.addRow([{ error: '#N/A' }, { formula: 'B2/0', result: { error: '#DIV/0!' } }, { formula: 'B2+1' }, { formula: 'A2', result: 'R0001' }, 'R0001']);
    const gaps = ws.getRow(6);
    gaps.getCell(2).value = 'after a gap';
    // A styled cell with no value at the end of the row.
    gaps.getCell(4).numFmt = '0.00';
    ws.getCell('C7').value = 0;
    ws.getCell('C7').numFmt = 'dd.mm.yyyy';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'emit',
    });
    const decoded = [];
    const direct: RawCell[][] = [];
    // exceljs types parse() as an AsyncIterator; it is an async generator.
    const events = reader.parse() as unknown as AsyncIterable<{ eventType: string; value: unknown }>;
    for await (const event of events) {
      if (event.eventType !== 'worksheet') continue;
      const sheet = event.value as unknown as { parse(): AsyncIterable<{ eventType: string; value: ExcelRowLike }[]> };
      for await (const batch of sheet.parse()) {
        const rows = batch.filter((item) => item.eventType === 'row').map((item) => item.value);
        if (rows.length === 0) continue;
        decoded.push(...roundTrip(rows));
        direct.push(...rows.map((row) => rowCells(row)));
      }
    }
    expect(decoded.map((r) => r.cells)).toEqual(direct);
    expect(decoded).toEqual([
      { row: 1, cells: ['Rep code', 'Qty', 'Date', 'Flag', 'Note'] },
      { row: 2, cells: ['R0001', 12.5, day, true, 'Anna Nowak'] },
      // A formula's date result without a date format is its serial number.
      { row: 3, cells: ['R0002', 25, 46239, false, 'site'] },
      // The streaming reader reads an error result as NaN, as it does a missing one.
      { row: 4, cells: [{ error: '#N/A' }, { error: '=B2/0', uncalculated: true }, { error: '=B2+1', uncalculated: true }, 'R0001', 'R0001'] },
      { row: 6, cells: [null, 'after a gap'] },
      { row: 7, cells: [null, null, new Date(Date.UTC(1899, 11, 30))] },
    ]);
  });

  it('finds the worker file from the sources and from the Electron bundle', () => {
    const beside = rowWorkerFile();
    expect(existsSync(beside)).toBe(true);
    const bundled = pathToFileURL(join(findProjectRoot(), 'out', 'main', 'index.js')).href;
    expect(rowWorkerFile(bundled)).toBe(join(findProjectRoot(), 'src-main', 'core', 'import', 'xlsx-row-worker.mjs'));
  });
});
