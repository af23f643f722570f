// An import opened again from the history (counts, every stored problem with its row, column
// and value, the lines it stored a page at a time, what it replaced and what replaced it), the
// refusal of a repeated file naming who imported it first, and the early warning of a sales
// file whose participant codes are mostly unknown to the program; on real SQLite files and a
// workbook written with openpyxl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { importBatchReport } from '../../src-main/core/import/report/import-batch-report';
import { batchLinesPage } from '../../src-main/core/sales/batch-lines-page';
import { importSales, salesRunner } from '../../src-main/core/sales/import-sales';
import { hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl, type SheetCell } from '../fixtures/client-files';
import { refusalAsync as refusal } from '../fixtures/refusal';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext } from '../fixtures/test-database';

const sample = (name: string): ImportFile => ({ fileName: name, bytes: readFileSync(join(samplesDir, name)) });
const csv = (fileName: string, lines: string[]): ImportFile => ({
  fileName,
  bytes: new TextEncoder().encode(lines.join('\r\n')),
});

let ctx: CoreContext;
beforeEach(async () => {
  ctx = openTestContext();
  await importParticipants(ctx, sample('participants.xlsx'));
  await importProducts(ctx, sample('products.xlsx'));
});

/** A sales workbook of `lines` lines spread over the codes given, one document per line. */
function salesWorkbook(name: string, codes: string[], lines: number): ImportFile {
  const rows: SheetCell[][] = [['Date', 'Rep code', 'SKU', 'Qty', 'Net value', 'Invoice']];
  for (let i = 0; i < lines; i++)
    rows.push([{ date: '2026-10-05' }, codes[i % codes.length]!, 'DOG-01', 1, 10.5, `FV/${i + 1}`]);
  const path = join(makeTempDir('loyalty-history-'), name);
  return { fileName: name, bytes: writeXlsxWithOpenpyxl(path, [{ title: 'Sprzedaz', rows }]) };
}

describe.runIf(hasOpenpyxl)('the preview of a sales file whose codes are mostly unknown', () => {
  it('gives the figures of the whole file: 18 of 20 codes, 386 of 430 lines unknown', async () => {
    const codes = ['R0001', 'R0002', ...Array.from({ length: 18 }, (_, i) => `X-${100 + i}`)];
    const prepared = await salesRunner.prepare(ctx, salesWorkbook('inny-klient.xlsx', codes, 430), {}, NO_PROGRESS);
    const { preview } = prepared;
    // Counted over every line, not the rows the preview table shows.
    expect(preview.rows.length).toBeLessThan(430);
    expect(preview.rowsRead).toBe(430);
    expect(preview.accepted).toBe(430);
    // 430 lines over 20 codes in turn: each of the two known codes holds 22 of them.
    expect(preview.unknownCodes).toEqual({
      codes: 20,
      unknownCodes: 18,
      lines: 430,
      unknownLines: 386,
      examples: ['X-100', 'X-101', 'X-102', 'X-103', 'X-104'],
    });
    prepared.discard?.();
  });

  it('does not flag a file of the program with a few new codes, nor half of them unknown', async () => {
    const few = await salesRunner.prepare(
      ctx,
      salesWorkbook('wrzesien.xlsx', ['R0001', 'R0002', 'R0003', 'NEW-1'], 40),
      {},
      NO_PROGRESS,
    );
    expect(few.preview.unknownCodes).toBeNull();
    few.discard?.();
    const half = await salesRunner.prepare(
      ctx,
      salesWorkbook('pol.xlsx', ['R0001', 'R0002', 'NEW-1', 'NEW-2'], 40),
      {},
      NO_PROGRESS,
    );
    expect(half.preview.unknownCodes).toBeNull();
    half.discard?.();
  });

  it('does not flag a program that knows no participant yet (every code is unknown by necessity)', async () => {
    const empty = openTestContext();
    const prepared = await salesRunner.prepare(empty, salesWorkbook('pierwszy.xlsx', ['A', 'B'], 4), {}, NO_PROGRESS);
    expect(prepared.preview.unknownCodes).toBeNull();
    prepared.discard?.();
  });
});

describe('an import opened again from the history', () => {
  const original = [
    'Data;Kod PH;Indeks;Ilość;Wartość netto;Nr faktury',
    '01.10.2026;R0001;DOG-01;1;10,00;FV/1',
    '02.10.2026;R0002;DOG-01;x;20,00;FV/2',
    '03.10.2026;R0003;CAT-07;2;30,00;FV/3',
  ];
  const corrected = [...original.slice(0, 2), '02.10.2026;R0002;DOG-01;2;20,00;FV/2', original[3]!];

  it('gives the counts, every problem with row, column and value, the replaced and replacing batches', async () => {
    const first = await importSales(ctx, csv('pazdziernik.csv', original));
    const second = await importSales(ctx, csv('korekta.csv', corrected), { replaceBatchId: first.batchId });

    const old = importBatchReport(ctx, first.batchId);
    expect(old).toMatchObject({
      id: first.batchId,
      kind: 'sales',
      fileName: 'pazdziernik.csv',
      rowsRead: 3,
      accepted: 2,
      rejected: 1,
      period: '2026-10',
      createdBy: 'test',
      headerRow: 1,
      supersededBy: second.batchId,
      replaces: [],
      replacedBy: { id: second.batchId, fileName: 'korekta.csv', createdBy: 'test' },
    });
    expect(old.mapping).toMatchObject({ participantCode: 'Kod PH', quantity: 'Ilość' });
    expect(old.problems.map((p) => [p.row, p.column, p.value, p.code, p.severity])).toEqual([
      [3, 'Ilość', 'x', 'BAD_NUMBER', 'error'],
    ]);
    // The screen words a stored problem from these.
    expect(old.problems[0]!.params).toEqual({ row: 3, column: 'Ilość', value: 'x' });

    const fresh = importBatchReport(ctx, second.batchId);
    expect(fresh.replacedBy).toBeNull();
    expect(fresh.replaces).toMatchObject([{ id: first.batchId, fileName: 'pazdziernik.csv' }]);
    expect(fresh.problems).toEqual([]);
  });

  it('words stored problems with the figures the preview had: unknown codes with their count, repeated lines', async () => {
    await importSales(ctx, csv('pierwszy.csv', [original[0]!, original[1]!]));
    const file = csv('drugi.csv', [
      original[0]!,
      original[1]!,
      '04.10.2026;NOWY-1;DOG-01;1;10,00;FV/4',
      '05.10.2026;NOWY-1;DOG-01;1;10,00;FV/5',
      '06.10.2026;R0003;CAT-07;2;30,00;FV/6',
      '06.10.2026;R0003;CAT-07;2;30,00;FV/6',
    ]);
    const committed = await importSales(ctx, file);
    const stored = importBatchReport(ctx, committed.batchId).problems;
    expect(stored.map((p) => p.code)).toEqual(committed.problems.map((p) => p.code));
    expect(stored.map((p) => p.code)).toEqual(['DUPLICATE_LINE', 'UNKNOWN_PARTICIPANT', 'DUPLICATE_LINE']);
    committed.problems.forEach((problem, i) => expect(stored[i]!.params).toMatchObject(problem.params ?? {}));
    expect(stored[1]!.params).toMatchObject({ value: 'NOWY-1', count: 2 });
    expect(stored[0]!.params).toMatchObject({ batchId: 1 + 2, fileName: 'pierwszy.csv', firstRow: 2 });
    expect(stored[2]!.params).toMatchObject({ row: 6, firstRow: 5 });
  });

  it('gives the lines a batch stored a page at a time, and refuses a batch that is not there', async () => {
    const lines = ['Data;Kod PH;Indeks;Ilość;Wartość netto;Nr faktury'];
    for (let i = 1; i <= 25; i++) lines.push(`0${(i % 9) + 1}.10.2026;R0001;DOG-01;${i};${i},50;FV/${i}`);
    const report = await importSales(ctx, csv('duzy.csv', lines));
    const page = batchLinesPage(ctx, report.batchId, 20, 10);
    expect(page.total).toBe(25);
    expect(page.offset).toBe(20);
    expect(page.lines.map((l) => [l.sourceRow, l.quantity, l.netMinor, l.documentNo])).toEqual([
      [22, 21, 2150, 'FV/21'],
      [23, 22, 2250, 'FV/22'],
      [24, 23, 2350, 'FV/23'],
      [25, 24, 2450, 'FV/24'],
      [26, 25, 2550, 'FV/25'],
    ]);
    // A participants batch stored no sales lines.
    const participantsBatch = importBatchReport(ctx, 1);
    expect(participantsBatch.kind).toBe('participants');
    expect(batchLinesPage(ctx, 1, 0, 10)).toEqual({ batchId: 1, total: 0, offset: 0, lines: [] });
    expect(() => importBatchReport(ctx, 999)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'There is no import batch 999 in this program.' }),
    );
  });

  it('a file refused as already imported names the earlier batch, its file, date and who imported it', async () => {
    const first = await importSales(ctx, csv('pazdziernik.csv', original));
    const error = await refusal(importSales(ctx, csv('pazdziernik.csv', original)));
    expect(error.code).toBe('FILE_ALREADY_IMPORTED');
    expect(error.details).toEqual({
      batchId: first.batchId,
      fileName: 'pazdziernik.csv',
      createdAt: '2026-11-01T10:00:00.000Z',
      createdBy: 'test',
    });
  });
});
