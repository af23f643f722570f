// A sales batch's lines table is sorted, searched and saved by the core, in SQL, on a real file: every column sorts
// all the batch's lines (empty values last either way, ties in the file's order), the search narrows the count, and
// the workbook holds every line the search keeps in the table's order, amounts as money.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { writeBatchLinesWorkbook } from '../../src-main/core/reports/batch-lines-workbook';
import { batchLinesPage, type BatchLinesOrder } from '../../src-main/core/sales/batch-lines-page';
import { importSales } from '../../src-main/core/sales/import-sales';
import { hasOpenpyxl, makeTempDir } from '../fixtures/client-files';
import { readWithOpenpyxl } from '../fixtures/read-workbook';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext } from '../fixtures/test-database';

const sample = (name: string): ImportFile => ({ fileName: name, bytes: readFileSync(join(samplesDir, name)) });

let ctx: CoreContext;
let batchId: number;
beforeEach(async () => {
  ctx = openTestContext();
  await importParticipants(ctx, sample('participants.xlsx'));
  await importProducts(ctx, sample('products.xlsx'));
  const lines = ['Data;Kod PH;Indeks;Ilość;Wartość netto;Nr faktury'];
  // Quantities out of the file's order, one line without a document, two participants.
  const quantities = [5, 1, 9, 3, 7, 2];
  quantities.forEach((qty, i) =>
    lines.push(
      `0${i + 1}.10.2026;${i % 2 === 0 ? 'R0001' : 'R0002'};DOG-01;${qty};${qty}0,00;${i === 3 ? '' : `FV/${i + 1}`}`,
    ),
  );
  const report = await importSales(ctx, {
    fileName: 'pazdziernik.csv',
    bytes: new TextEncoder().encode(lines.join('\r\n')),
  });
  batchId = report.batchId;
});

const rowsBy = (order: BatchLinesOrder, offset = 0, limit = 100) =>
  batchLinesPage(ctx, batchId, offset, limit, order).lines.map((l) => l.sourceRow);

describe('a batch’s lines', () => {
  it('sort by any column, empty values last either way, ties in the file’s order', () => {
    expect(rowsBy({})).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rowsBy({ sort: 'quantity' })).toEqual([3, 7, 5, 2, 6, 4]);
    expect(rowsBy({ sort: 'netMinor', direction: 'desc' })).toEqual([4, 6, 2, 5, 7, 3]);
    expect(rowsBy({ sort: 'participantCode', direction: 'desc' })).toEqual([3, 5, 7, 2, 4, 6]);
    expect(rowsBy({ sort: 'documentNo', direction: 'desc' }).at(-1)).toBe(5);
    expect(rowsBy({ sort: 'documentNo' }).at(-1)).toBe(5);
    expect([0, 2, 4].flatMap((offset) => rowsBy({ sort: 'quantity' }, offset, 2))).toEqual(
      rowsBy({ sort: 'quantity' }),
    );
  });

  it('are searched in SQL, the total counting what matches', () => {
    const page = batchLinesPage(ctx, batchId, 0, 100, { search: 'r0002' });
    expect(page.total).toBe(3);
    expect(page.lines.map((l) => l.sourceRow)).toEqual([3, 5, 7]);
    expect(batchLinesPage(ctx, batchId, 0, 100, { search: 'FV/6' }).total).toBe(1);
    expect(batchLinesPage(ctx, batchId, 0, 100, { search: '%' }).total).toBe(0);
  });
});

describe.skipIf(!hasOpenpyxl)('a batch’s lines saved as xlsx', () => {
  it('hold every line the search keeps, in the table’s order, amounts as money', async () => {
    const file = await writeBatchLinesWorkbook(ctx, {
      batchId,
      order: { sort: 'quantity', direction: 'desc', search: 'R0001' },
      title: 'Wiersze importu 3',
      columns: [
        { field: 'sourceRow', label: 'Wiersz' },
        { field: 'saleDate', label: 'Data' },
        { field: 'participantCode', label: 'Kod' },
        { field: 'quantity', label: 'Ilość' },
        { field: 'netMinor', label: 'Wartość netto' },
        { field: 'documentNo', label: 'Dokument' },
      ],
    });
    expect(file.rows).toBe(3);
    const path = join(makeTempDir(), file.fileName);
    writeFileSync(path, file.bytes);
    const [sheet] = readWithOpenpyxl(path);
    expect(sheet!.rows).toEqual([
      ['Wiersz', 'Data', 'Kod', 'Ilość', 'Wartość netto', 'Dokument'],
      [4, '2026-10-03T00:00:00', 'R0001', 9, 90, 'FV/3'],
      [6, '2026-10-05T00:00:00', 'R0001', 7, 70, 'FV/5'],
      [2, '2026-10-01T00:00:00', 'R0001', 5, 50, 'FV/1'],
    ]);
    expect(sheet!.formats[1]![1]).toBe('yyyy-mm-dd');
    expect(sheet!.formats[1]![4]).toBe('#,##0.00 "PLN"');
  });
});
