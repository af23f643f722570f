import { describe, expect, it } from 'vitest';
import type { RawCell } from './raw-table';
import { rowWorkerFile } from './xlsx-row-worker-client';
import { decodeRowBatch, encodeRowBatch } from './xlsx-row-worker.mjs';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findProjectRoot } from '../../db/project-paths';
import { join } from 'node:path';

describe('row batches from the reader worker', () => {
  it('come back as the same rows: every kind of cell, repeated and empty texts, gaps, wide and empty rows', () => {
    const rows: RawCell[][] = [
      ['Rep code', 'R0001', 12.5, -0, 1e300, Number.MAX_SAFE_INTEGER, true, false, null, ''],
      [new Date(Date.UTC(2026, 9, 31)), { error: '#N/A' }, { error: '=A1', uncalculated: true }, 'R0001', 'Kot "Ł" 🐈', null],
      [],
      Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `t${i % 7}` : i % 3 === 1 ? i / 7 : null)),
    ];
    const numbers = [1, 2, 65_536, 1_048_576];
    const { batch, transfer } = encodeRowBatch(numbers, rows);
    expect(transfer).toHaveLength(4);
    // Each distinct text crosses once.
    expect(new Set(batch.texts).size).toBe(batch.texts.length);
    expect(decodeRowBatch(structuredClone(batch, { transfer }))).toEqual(rows.map((cells, i) => ({ row: numbers[i], cells })));
  });

  it('finds the worker file from the sources and from the Electron bundle', () => {
    const beside = rowWorkerFile();
    expect(existsSync(beside)).toBe(true);
    const bundled = pathToFileURL(join(findProjectRoot(), 'out', 'main', 'index.js')).href;
    expect(rowWorkerFile(bundled)).toBe(join(findProjectRoot(), 'src-main', 'core', 'import', 'xlsx-row-worker.mjs'));
  });
});
