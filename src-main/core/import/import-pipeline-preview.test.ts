// What the pipeline keeps for the preview (the header row, the rows with problems), how it
// reuses a remembered mapping, and how a kind's screenRow marks duplicates.
import { describe, expect, it } from 'vitest';
import { defineImport } from './table/field-definitions';
import { readImportTable, type ImportFile } from './jobs/import-pipeline';
import { parseWholeNumberCell } from './cells/parse-number-cell';
import { textParser } from './cells/parse-text-cell';

const kind = defineImport({
  kind: 'products',
  fields: {
    sku: { required: true, synonyms: ['SKU'], parse: textParser(20) },
    points: { required: false, synonyms: ['Points'], parse: parseWholeNumberCell },
  },
});
const options = { locale: 'pl-PL', currencyDigits: 2 };
const csv = (lines: string[]): ImportFile => ({ fileName: 'p.csv', bytes: new TextEncoder().encode(lines.join('\n')) });

describe('readImportTable for the preview', () => {
  it('keeps the header row as written and the rows with problems first, cells as text in header order', async () => {
    const table = await readImportTable(
      csv(['Title;;', ' SKU ;Points;Note', 'A;1;x', 'B;zz;', 'C;3;', 'Total;4;']),
      kind,
      options,
    );
    expect(table.headers).toEqual(['SKU', 'Points', 'Note']);
    expect(table.remembered).toBeNull();
    expect(table.previewRows).toEqual([
      { row: 4, cells: ['B', 'zz', null], status: 'rejected' },
      { row: 6, cells: ['Total', '4', null], status: 'skipped' },
      { row: 3, cells: ['A', '1', 'x'], status: 'accepted' },
      { row: 5, cells: ['C', '3', null], status: 'accepted' },
    ]);
  });

  it('reuses a remembered mapping for the same header row only, an explicit choice first', async () => {
    const remembered = [{ batchId: 7, headers: ['Kod', 'Pkt'], mapping: { sku: 'Kod', points: 'Pkt' } }];
    const same = await readImportTable(csv(['KOD;Pkt', 'A;1']), kind, { ...options, remembered });
    expect(same.mapping).toEqual({ sku: 'KOD', points: 'Pkt' });
    expect(same.remembered?.batchId).toBe(7);
    const explicit = await readImportTable({ ...csv(['Kod;Pkt', 'A;1']), mapping: { sku: 'Pkt' } }, kind, {
      ...options,
      remembered,
    });
    expect(explicit.mapping).toEqual({ sku: 'Pkt' });
    await expect(
      readImportTable(csv(['Kod;Pkt;Extra', 'A;1;2']), kind, { ...options, remembered }),
    ).rejects.toMatchObject({ code: 'HEADER_NOT_FOUND' });
  });

  it('counts rows that screenRow skips as duplicates, neither taken nor rejected', async () => {
    const seen = new Set<string>();
    const screened = defineImport({
      ...kind,
      screenRow: (row, values) => {
        if (!seen.has(values.sku ?? '')) {
          seen.add(values.sku ?? '');
          return null;
        }
        return {
          row,
          column: null,
          value: values.sku,
          code: 'DUPLICATE_LINE',
          reason: `Row ${row} repeats.`,
          severity: 'skipped',
        };
      },
    });
    const table = await readImportTable(csv(['SKU;Points', 'A;1', 'A;2', 'B;x', 'B;3']), screened, options);
    expect(table).toMatchObject({ rowsRead: 4, rejected: 1, duplicates: 1, skipped: 0 });
    expect(table.accepted.map((r) => r.row)).toEqual([2, 5]);
    expect(table.previewRows.map((r) => [r.row, r.status])).toEqual([
      [3, 'duplicate'],
      [4, 'rejected'],
      [2, 'accepted'],
      [5, 'accepted'],
    ]);
  });
});
