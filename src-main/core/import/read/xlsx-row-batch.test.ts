import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findProjectRoot } from '../../../db/project-paths';
import type { RawCell } from './raw-table';
import { rowWorkerFile } from './xlsx-row-worker-client';
import { RowBatchBuilder, rowsOfBatch, type RowBatch } from './xlsx-row-worker.mjs';

const decodeRowBatch = (batch: RowBatch) => [...rowsOfBatch(batch)];

type CellRow = { number: number; cells: RawCell[] };

/** Encodes the rows, moves the batch as postMessage would, and decodes it. */
function roundTrip(rows: readonly CellRow[]) {
  const builder = new RowBatchBuilder(1, 1);
  builder.addCells(rows);
  const { batch, transfer } = builder.take();
  expect(transfer).toHaveLength(4);
  // Each distinct text crosses once.
  expect(new Set(batch.texts).size).toBe(batch.texts.length);
  return decodeRowBatch(structuredClone(batch, { transfer }));
}

/** A row's cells as they decode: its trailing empty cells trimmed. */
function trimmed(cells: readonly RawCell[]): RawCell[] {
  let width = cells.length;
  while (width > 0 && cells[width - 1] === null) width--;
  return cells.slice(0, width);
}

describe('row batches from the reader worker', () => {
  it('gather the rows of many small pieces into one batch, the arrays growing as they must, and start afresh once taken', () => {
    const builder = new RowBatchBuilder(2, 4);
    const all: CellRow[] = [];
    for (let piece = 0; piece < 30; piece++) {
      // Rows of every width, texts repeated across the pieces, a wide row now and then.
      const rows = Array.from({ length: piece % 4 }, (_, i): CellRow => {
        const n = piece * 10 + i + 1;
        return {
          number: n,
          cells:
            n % 9 === 0
              ? Array.from({ length: 40 }, (_, c) => (c % 2 ? c : `w${c % 5}`))
              : [`R${n % 3}`, n / 4, i % 2 === 0, null, `FV/${n}`],
        };
      });
      all.push(...rows);
      builder.addCells(rows);
    }
    expect(builder.rowCount).toBe(all.length);
    const { batch, transfer } = builder.take();
    expect(builder.rowCount).toBe(0);
    expect(new Set(batch.texts).size).toBe(batch.texts.length);
    expect(batch.texts.filter((t) => t.startsWith('R')).sort()).toEqual(['R0', 'R1', 'R2']);
    expect(decodeRowBatch(structuredClone(batch, { transfer }))).toEqual(
      all.map((row) => ({ row: row.number, cells: trimmed(row.cells) })),
    );
    // The next batch has its own arrays and texts.
    builder.addCells([{ number: 1000, cells: ['R1', 2] }]);
    const next = builder.take();
    expect(next.batch.texts).toEqual(['R1']);
    expect(decodeRowBatch(structuredClone(next.batch, { transfer: next.transfer }))).toEqual([
      { row: 1000, cells: ['R1', 2] },
    ]);
  });

  it('come back as the parser read each cell: every kind of value, repeated and empty texts, gaps, trimmed ends, wide and empty rows', () => {
    const date = new Date(Date.UTC(2026, 9, 31));
    const rows: CellRow[] = [
      {
        number: 1,
        cells: ['Rep code', 'R0001', 12.5, -0, 1e300, Number.MAX_SAFE_INTEGER, true, false, null, '', null, 'end'],
      },
      {
        number: 2,
        cells: [
          date,
          { error: '#N/A' },
          { error: '=A1', uncalculated: true },
          { error: '963.72abc', unreadable: 'number' },
          'R0001',
          'Kot "Ł" 🐈',
          'R0001',
        ],
      },
      // A row whose last cells hold nothing ends at its last value.
      { number: 3, cells: ['a', null, null] },
      { number: 4, cells: [null, 5] },
      { number: 5, cells: [] },
      { number: 6, cells: [null, null] },
      {
        number: 65_536,
        cells: Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `t${i % 7}` : i % 3 === 1 ? i / 7 : null)),
      },
      { number: 1_048_576, cells: ['v', 2, null, { error: '#DIV/0!' }] },
    ];
    const decoded = roundTrip(rows);
    expect(decoded).toEqual(rows.map((row) => ({ row: row.number, cells: trimmed(row.cells) })));
    expect(decoded[2]?.cells).toEqual(['a']);
    expect(decoded[6]?.cells).toHaveLength(299);
    // -0 stays -0, as the value read.
    expect(Object.is(decoded[0]?.cells[3], -0)).toBe(true);
  });

  it('finds the worker file from the sources and from the Electron bundle', () => {
    const beside = rowWorkerFile();
    expect(existsSync(beside)).toBe(true);
    const bundled = pathToFileURL(join(findProjectRoot(), 'out', 'main', 'index.js')).href;
    expect(rowWorkerFile(bundled)).toBe(
      join(findProjectRoot(), 'src-main', 'core', 'import', 'read', 'xlsx-row-worker.mjs'),
    );
  });
});
