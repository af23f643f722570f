// Sales files as the client sends them: the period taken from the file or given, duplicates
// within a file and across batches, the same file twice, corrected files that supersede a
// batch, remembered mappings and changed layouts; on real SQLite files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { listImportBatches } from '../../src-main/core/import/jobs/import-batches';
import type { ImportOptions } from '../../src-main/core/import/jobs/import-job-types';
import { createImportJobs } from '../../src-main/core/import/jobs/import-jobs';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import type { ImportProblem } from '../../src-main/core/import/report/import-report';
import { IMPORT_RUNNERS } from '../../src-main/ipc/import-kinds';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { importSales, salesRunner } from '../../src-main/core/sales/import-sales';
import {
  convertWithSoffice,
  hasOpenpyxl,
  hasSoffice,
  makeTempDir,
  writeXlsxWithOpenpyxl,
  type SheetCell,
} from '../fixtures/client-files';
import { encodeLegacy } from '../fixtures/legacy-encoding';
import { samplesDir } from '../fixtures/repo-paths';
import { refusalAsync as refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const sample = (name: string): ImportFile => ({ fileName: name, bytes: readFileSync(join(samplesDir, name)) });
const csv = (fileName: string, lines: string[]): ImportFile => ({
  fileName,
  bytes: new TextEncoder().encode(lines.join('\r\n')),
});

interface StoredLine {
  batch_id: number;
  source_row: number;
  sale_date: string;
  period: string;
  participant_code: string;
  sku: string;
  quantity: number;
  net_minor: number;
  document_no: string | null;
  line_no: string | null;
}

function linesOf(ctx: CoreContext, batchId: number): StoredLine[] {
  return ctx.store.sqlite
    .prepare('SELECT * FROM sales_lines WHERE batch_id = ? ORDER BY id')
    .all(batchId) as StoredLine[];
}

/** The problems of the file itself, without the warnings about codes and SKUs the program does not know yet. */
const own = (problems: readonly ImportProblem[]) => problems.filter((p) => !p.code.startsWith('UNKNOWN_'));

const prepare = (ctx: CoreContext, file: ImportFile, options: ImportOptions = {}) =>
  salesRunner.prepare(ctx, file, options, NO_PROGRESS);

let dir: string;
let ctx: CoreContext;
beforeAll(() => {
  dir = makeTempDir('loyalty-sales-');
});
beforeEach(() => {
  ctx = openTestContext();
});

describe('sales: the sample files', () => {
  it('imports sales-2026-09.xlsx with the period taken from its dates, every line with its row', async () => {
    const report = await importSales(ctx, sample('sales-2026-09.xlsx'));
    expect(report).toMatchObject({
      kind: 'sales',
      sheet: 'Sales',
      rowsRead: 68,
      accepted: 68,
      rejected: 0,
      skipped: 0,
      duplicates: 0,
      period: '2026-09',
      replacedBatchId: null,
    });
    const lines = linesOf(ctx, report.batchId);
    expect(lines).toHaveLength(68);
    expect(lines[0]).toMatchObject({
      source_row: 2,
      sale_date: '2026-09-19',
      period: '2026-09',
      participant_code: 'R0001',
      sku: 'DOG-01',
      quantity: 18,
      net_minor: 96372,
      document_no: 'INV-00001',
      line_no: '1',
    });
    // 1158.6 as a float is 1158.5999...; read exactly it is 115860 grosze.
    expect(lines.find((l) => l.document_no === 'INV-00007')?.net_minor).toBe(115860);
    const batch = listImportBatches(ctx, 1).find((b) => b.id === report.batchId);
    expect(batch).toMatchObject({ kind: 'sales', period: '2026-09', supersededBy: null, accepted: 68 });
  });

  it('imports sales-2026-10.csv (UTF-8 with BOM, semicolons, comma decimals, Polish headers)', async () => {
    const report = await importSales(ctx, sample('sales-2026-10.csv'));
    expect(report).toMatchObject({
      rowsRead: 73,
      accepted: 73,
      rejected: 0,
      duplicates: 0,
      period: '2026-10',
      source: { format: 'csv', separator: ';' },
    });
    const lines = linesOf(ctx, report.batchId);
    expect(lines.find((l) => l.document_no === 'FV/10/70')).toMatchObject({
      sale_date: '2026-10-26',
      quantity: 29,
      net_minor: 229796,
      line_no: null,
    });
    const total = lines.reduce((sum, l) => sum + l.net_minor, 0);
    expect(Number.isSafeInteger(total)).toBe(true);
  });

  it('warns of codes and SKUs the program does not know, and keeps their lines', async () => {
    await importParticipants(ctx, sample('participants.xlsx'));
    await importProducts(ctx, sample('products.xlsx'));
    const file = csv('unknown.csv', [
      'Date;Rep code;SKU;Qty;Net value',
      '2026-10-01;R0001;DOG-01;1;10,00',
      '2026-10-02;R9999;DOG-01;1;10,00',
      '2026-10-03;R9999;NEW-1;1;10,00',
    ]);
    const report = await importSales(ctx, file);
    expect(report.accepted).toBe(3);
    expect(report.problems.map((p) => [p.row, p.column, p.value, p.code, p.severity, p.params?.count])).toEqual([
      [3, 'Rep code', 'R9999', 'UNKNOWN_PARTICIPANT', 'warning', 2],
      [4, 'SKU', 'NEW-1', 'UNKNOWN_SKU', 'warning', 1],
    ]);
  });
});

describe('sales: the period', () => {
  const twoMonths = [
    'Data;Kod PH;Indeks;Ilość;Wartość netto;Nr faktury',
    '30.09.2026;R0001;DOG-01;1;10,00;FV/1',
    '01.10.2026;R0001;DOG-01;2;20,00;FV/2',
    '02.10.2026;R0002;CAT-07;-1;-5,50;FV/3',
  ];

  it('refuses a file whose dates span months when no period is given, naming the months, and writes nothing', async () => {
    const before = tableCounts(ctx);
    const error = await refusal(importSales(ctx, csv('dwa-miesiace.csv', twoMonths)));
    expect(error.code).toBe('PERIOD_REQUIRED');
    expect(error.message).toBe(
      'The dates in "dwa-miesiace.csv" fall in 2026-09 (1 line) and 2026-10 (2 lines); say which period the file is for (--period YYYY-MM) and the dates outside it will be listed as errors.',
    );
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('with a period given, a date outside it is a row error and the others are taken', async () => {
    const report = await importSales(ctx, csv('dwa-miesiace.csv', twoMonths), { period: '2026-10' });
    expect(report).toMatchObject({ period: '2026-10', accepted: 2, rejected: 1 });
    expect(own(report.problems)).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Data',
        value: '30.09.2026',
        code: 'OUTSIDE_PERIOD',
        severity: 'error',
        reason: 'Row 2, column "Data": "30.09.2026" is not in 2026-10, the period this file is imported for.',
      }),
    ]);
    const lines = linesOf(ctx, report.batchId);
    expect(lines.map((l) => [l.sale_date, l.quantity, l.net_minor])).toEqual([
      ['2026-10-01', 2, 2000],
      ['2026-10-02', -1, -550],
    ]);
    const batch = ctx.store.sqlite.prepare('SELECT period FROM import_batches WHERE id = ?').get(report.batchId);
    expect(batch).toEqual({ period: '2026-10' });
  });

  it('refuses a period that is not a month', async () => {
    const error = await refusal(importSales(ctx, csv('a.csv', twoMonths), { period: '2026-13' }));
    expect(error.message).toBe('The period "2026-13" is not a month written YYYY-MM, such as 2026-10.');
  });

  it('takes the period only with sales files', async () => {
    const error = await refusal(
      IMPORT_RUNNERS.find((r) => r.kind === 'products')!.prepare(
        ctx,
        sample('products.xlsx'),
        { period: '2026-10' },
        NO_PROGRESS,
      ),
    );
    expect(error.message).toBe('A period is given with sales files only, not with a products file.');
  });
});

describe('sales: duplicates', () => {
  it('takes a line given twice in the file once, and lists the second as skipped naming the first row', async () => {
    const file = csv('dup.csv', [
      'Date;Rep code;SKU;Qty;Net value;Invoice;Line',
      '2026-10-01;R0001;DOG-01;1;10,00;FV/1;1',
      '2026-10-01;R0001;CAT-07;1;10,00;FV/1;2',
      '2026-10-01;R0001;DOG-01;1;10,00;FV/1;1',
      '2026-10-01;R0001;DOG-01;3;30,00;FV/1;1',
    ]);
    const prepared = await prepare(ctx, file);
    expect(prepared.preview).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 0, skipped: 0, duplicates: 2 });
    expect(own(prepared.preview.problems).map((p) => [p.row, p.code, p.severity, p.reason])).toEqual([
      [4, 'DUPLICATE_LINE', 'skipped', 'Row 4 repeats row 2 (FV/1 line 1, R0001, DOG-01) and was not taken.'],
      [5, 'DUPLICATE_LINE', 'skipped', 'Row 5 repeats row 2 (FV/1 line 1, R0001, DOG-01) and was not taken.'],
    ]);
    expect(prepared.preview.rows.filter((r) => r.status === 'duplicate').map((r) => [r.row, r.cells])).toEqual([
      [4, ['2026-10-01', 'R0001', 'DOG-01', '1', '10,00', 'FV/1', '1']],
      [5, ['2026-10-01', 'R0001', 'DOG-01', '3', '30,00', 'FV/1', '1']],
    ]);
    const report = prepared.commit();
    expect(report).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(linesOf(ctx, report.batchId)).toHaveLength(2);
    const stored = ctx.store.sqlite
      .prepare("SELECT row, code, severity FROM import_problems WHERE code = 'DUPLICATE_LINE'")
      .all();
    expect(stored).toEqual([
      { row: 4, code: 'DUPLICATE_LINE', severity: 'skipped' },
      { row: 5, code: 'DUPLICATE_LINE', severity: 'skipped' },
    ]);
  });

  it('without document numbers, a line is a duplicate only when every field is the same', async () => {
    const file = csv('bez-faktur.csv', [
      'Data;Kod PH;Indeks;Ilość;Wartość netto',
      '01.10.2026;R0001;DOG-01;1;10,00',
      '01.10.2026;R0001;DOG-01;1;10,00',
      '01.10.2026;R0001;DOG-01;1;10,01',
      '02.10.2026;R0001;DOG-01;1;10,00',
    ]);
    const report = await importSales(ctx, file);
    expect(report).toMatchObject({ accepted: 3, duplicates: 1 });
    expect(own(report.problems)[0]).toMatchObject({
      row: 3,
      code: 'DUPLICATE_LINE',
      reason: 'Row 3 repeats row 2 (2026-10-01, R0001, DOG-01, 1 × 10.00) and was not taken.',
    });
  });

  it('does not take a line already imported in an earlier batch, naming the batch and row', async () => {
    const first = await importSales(
      ctx,
      csv('pierwszy.csv', [
        'Date;Rep code;SKU;Qty;Net value;Invoice',
        '2026-10-01;R0001;DOG-01;1;10,00;FV/1',
        '2026-10-02;R0002;DOG-01;2;20,00;FV/2',
      ]),
    );
    const second = await importSales(
      ctx,
      csv('drugi.csv', [
        'Date;Rep code;SKU;Qty;Net value;Invoice',
        '2026-10-02;R0002;DOG-01;2;20,00;FV/2',
        '2026-10-03;R0003;CAT-07;3;30,00;FV/3',
      ]),
    );
    expect(second).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(own(second.problems)).toEqual([
      expect.objectContaining({
        row: 2,
        code: 'DUPLICATE_LINE',
        severity: 'skipped',
        reason: `Row 2 (FV/2, R0002, DOG-01) was already imported in batch ${first.batchId} ("pierwszy.csv", row 3) and was not taken.`,
        params: expect.objectContaining({ batchId: first.batchId, firstRow: 3 }),
      }),
    ]);
    expect(linesOf(ctx, second.batchId).map((l) => l.document_no)).toEqual(['FV/3']);
  });

  it('refuses the same bytes twice, naming the first batch, and writes nothing', async () => {
    const first = await importSales(ctx, sample('sales-2026-10.csv'));
    const before = tableCounts(ctx);
    const error = await refusal(importSales(ctx, sample('sales-2026-10.csv')));
    expect(error.code).toBe('FILE_ALREADY_IMPORTED');
    expect(error.message).toMatch(
      new RegExp(`^This file was already imported as batch ${first.batchId} \\("sales-2026-10\\.csv", `),
    );
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses at commit when other sales came in after the preview was made', async () => {
    const a = await prepare(
      ctx,
      csv('a.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', '2026-10-01;R0001;DOG-01;1;10,00;FV/1']),
    );
    await importSales(
      ctx,
      csv('b.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', '2026-10-02;R0002;DOG-01;1;10,00;FV/2']),
    );
    const before = tableCounts(ctx);
    const error = await refusal(() => a.commit());
    expect(error.code).toBe('PREVIEW_OUT_OF_DATE');
    expect(error.message).toBe(
      'Other sales were imported since this preview was made; open the file again to see an up-to-date preview.',
    );
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('sales: a corrected file replaces a batch', () => {
  const original = [
    'Date;Rep code;SKU;Qty;Net value;Invoice;Line',
    '2026-10-01;R0001;DOG-01;1;10,00;FV/1;1',
    '2026-10-02;R0002;CAT-07;2;20,00;FV/2;1',
    '2026-10-03;R0003;TOY-3;3;30,00;FV/3;1',
  ];
  const corrected = [
    'Date;Rep code;SKU;Qty;Net value;Invoice;Line',
    '2026-10-01;R0001;DOG-01;1;10,00;FV/1;1',
    '2026-10-02;R0002;CAT-07;2;25,00;FV/2;1',
    '2026-10-04;R0004;DOG-02;4;40,00;FV/4;1',
  ];

  it('shows the difference before committing, then supersedes the batch and keeps its lines', async () => {
    const first = await importSales(ctx, csv('pazdziernik.csv', original));
    const prepared = await prepare(ctx, csv('pazdziernik-korekta.csv', corrected), { replaceBatchId: first.batchId });
    // The unchanged line is not a duplicate: the batch it is in is the one being replaced.
    expect(prepared.preview).toMatchObject({ accepted: 3, duplicates: 0, period: '2026-10' });
    expect(prepared.preview.replacement).toEqual({
      replacesBatchId: first.batchId,
      replacesFileName: 'pazdziernik.csv',
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
      examples: [
        {
          change: 'changed',
          key: 'FV/2 line 1, R0002, CAT-07',
          before: '2026-10-02 R0002 CAT-07 quantity 2, net 20.00',
          after: '2026-10-02 R0002 CAT-07 quantity 2, net 25.00',
        },
        {
          change: 'added',
          key: 'FV/4 line 1, R0004, DOG-02',
          before: null,
          after: '2026-10-04 R0004 DOG-02 quantity 4, net 40.00',
        },
        {
          change: 'removed',
          key: 'FV/3 line 1, R0003, TOY-3',
          before: '2026-10-03 R0003 TOY-3 quantity 3, net 30.00',
          after: null,
        },
      ],
    });
    // Nothing is written by the preview.
    expect(listImportBatches(ctx, 1).find((b) => b.id === first.batchId)?.supersededBy).toBeNull();

    const report = prepared.commit();
    expect(report).toMatchObject({ replacedBatchId: first.batchId, accepted: 3, period: '2026-10' });
    const batches = listImportBatches(ctx, 1);
    expect(batches.find((b) => b.id === first.batchId)).toMatchObject({
      supersededBy: report.batchId,
      fileName: 'pazdziernik.csv',
      accepted: 3,
    });
    expect(batches.find((b) => b.id === report.batchId)).toMatchObject({ supersededBy: null });
    // The superseded batch stays readable: its lines are all still there.
    expect(linesOf(ctx, first.batchId).map((l) => [l.document_no, l.net_minor])).toEqual([
      ['FV/1', 1000],
      ['FV/2', 2000],
      ['FV/3', 3000],
    ]);
    expect(linesOf(ctx, report.batchId).map((l) => [l.document_no, l.net_minor])).toEqual([
      ['FV/1', 1000],
      ['FV/2', 2500],
      ['FV/4', 4000],
    ]);
    const log = ctx.store.sqlite
      .prepare("SELECT details_json FROM operator_log WHERE action = 'import.sales' ORDER BY id DESC LIMIT 1")
      .get() as { details_json: string };
    expect(JSON.parse(log.details_json)).toMatchObject({
      batchId: report.batchId,
      replacedBatchId: first.batchId,
      period: '2026-10',
    });

    // Lines of a superseded batch are no longer duplicates of anything.
    const again = await importSales(
      ctx,
      csv('trzeci.csv', [
        'Date;Rep code;SKU;Qty;Net value;Invoice;Line',
        '2026-10-03;R0003;TOY-3;3;30,00;FV/3;1',
        '2026-10-04;R0004;DOG-02;4;40,00;FV/4;1',
      ]),
    );
    expect(again).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(own(again.problems)[0]?.reason).toContain(`batch ${report.batchId}`);
  });

  it('takes the period of the replaced batch, so that a date outside it is an error', async () => {
    const first = await importSales(ctx, csv('pazdziernik.csv', original));
    const report = await importSales(
      ctx,
      csv('korekta.csv', [...corrected, '2026-11-01;R0001;DOG-01;1;10,00;FV/9;1']),
      { replaceBatchId: first.batchId },
    );
    expect(report).toMatchObject({ period: '2026-10', accepted: 3, rejected: 1 });
    expect(own(report.problems)[0]).toMatchObject({ row: 5, code: 'OUTSIDE_PERIOD' });
  });

  it('refuses to replace what is not a sales batch in force, in one sentence each, writing nothing', async () => {
    const participants = await importParticipants(ctx, sample('participants.xlsx'));
    const first = await importSales(ctx, csv('pazdziernik.csv', original));
    const second = await importSales(ctx, csv('korekta.csv', corrected), { replaceBatchId: first.batchId });
    const before = tableCounts(ctx);
    const file = csv('korekta-2.csv', [...corrected, '2026-10-05;R0005;DOG-01;5;50,00;FV/5;1']);
    expect((await refusal(prepare(ctx, file, { replaceBatchId: first.batchId }))).message).toBe(
      `Batch ${first.batchId} ("pazdziernik.csv") was already replaced by batch ${second.batchId}; replace batch ${second.batchId} instead.`,
    );
    const wrongKind = await refusal(prepare(ctx, file, { replaceBatchId: participants.batchId }));
    expect(wrongKind.code).toBe('REPLACEMENT_NOT_ALLOWED');
    expect(wrongKind.message).toBe(
      `Batch ${participants.batchId} ("participants.xlsx") is a participants import; a sales file replaces only a sales batch.`,
    );
    const missing = await refusal(prepare(ctx, file, { replaceBatchId: 99 }));
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'There is no import batch 99 to replace.']);
    expect((await refusal(prepare(ctx, file, { replaceBatchId: second.batchId, period: '2026-11' }))).message).toBe(
      `Batch ${second.batchId} ("korekta.csv") holds the sales of 2026-10; a file for 2026-11 cannot replace it.`,
    );
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('sales: mappings remembered, layouts compared', () => {
  const odd = (rows: string[]) => csv('erp.csv', ['Dzień;Klient;Towar;Szt.;Kwota;Nr dokumentu', ...rows]);

  it('maps unknown headers explicitly once, then remembers the mapping for the same header row', async () => {
    const header = await refusal(prepare(ctx, odd(['2026-10-01;R0001;DOG-01;1;10,00;FV/1'])));
    expect(header.code).toBe('HEADER_NOT_FOUND');
    const mapping = { date: 'Dzień', participantCode: 'Klient', sku: 'Towar', quantity: 'Szt.', netValue: 'Kwota' };
    const first = await prepare(ctx, { ...odd(['2026-10-01;R0001;DOG-01;1;10,00;FV/1']), mapping });
    expect(first.preview.fields.filter((f) => f.header !== null).map((f) => [f.field, f.header, f.source])).toEqual([
      ['date', 'Dzień', 'explicit'],
      ['participantCode', 'Klient', 'explicit'],
      ['sku', 'Towar', 'explicit'],
      ['quantity', 'Szt.', 'explicit'],
      ['netValue', 'Kwota', 'explicit'],
      ['documentNo', 'Nr dokumentu', 'synonym'],
    ]);
    expect(first.preview.layoutChange).toBeNull();
    first.commit();

    // The next month's file, same header row (the case differs), no mapping given.
    const next = await prepare(
      ctx,
      csv('erp-listopad.csv', ['DZIEŃ;Klient;Towar;Szt.;Kwota;Nr dokumentu', '2026-11-02;R0002;CAT-07;2;20,00;FV/7']),
    );
    expect(next.preview.fields.filter((f) => f.header !== null).map((f) => [f.field, f.source])).toEqual([
      ['date', 'remembered'],
      ['participantCode', 'remembered'],
      ['sku', 'remembered'],
      ['quantity', 'remembered'],
      ['netValue', 'remembered'],
      ['documentNo', 'synonym'],
    ]);
    expect(next.preview).toMatchObject({ accepted: 1, period: '2026-11', layoutChange: null });
    const report = next.commit();
    expect(linesOf(ctx, report.batchId)[0]).toMatchObject({ participant_code: 'R0002', net_minor: 2000 });

    // A changed header row is not matched by the remembered mapping.
    const changed = await refusal(
      prepare(
        ctx,
        csv('erp-zmiana.csv', [
          'Dzień;Klient;Towar;Szt.;Kwota netto;Nr dokumentu',
          '2026-12-01;R0001;DOG-01;1;10,00;FV/9',
        ]),
      ),
    );
    expect(changed.code).toBe('HEADER_NOT_FOUND');
  });

  it('says before committing which columns were added or are gone since the last file of the kind', async () => {
    const first = await importSales(ctx, sample('sales-2026-09.xlsx'));
    const prepared = await prepare(
      ctx,
      csv('sales-2026-10.csv', [
        'Date;Rep code;SKU;Qty;Net value;Invoice;Uwagi',
        '2026-10-01;R0001;DOG-01;1;10,00;FV/1;pilne',
      ]),
    );
    expect(prepared.preview.layoutChange).toEqual({
      previousBatchId: first.batchId,
      previousFileName: 'sales-2026-09.xlsx',
      added: ['Uwagi'],
      removed: ['Line'],
    });
    expect(prepared.preview.headers).toEqual(['Date', 'Rep code', 'SKU', 'Qty', 'Net value', 'Invoice', 'Uwagi']);
    const stored = ctx.store.sqlite
      .prepare('SELECT headers_json FROM import_batches WHERE id = ?')
      .get(first.batchId) as { headers_json: string };
    expect(JSON.parse(stored.headers_json)).toEqual(['Date', 'Rep code', 'SKU', 'Qty', 'Net value', 'Invoice', 'Line']);
  });
});

describe('sales: files as clients make them', () => {
  it('reads a Windows-1250 CSV with returns, thousands spaces and a totals row', async () => {
    const text = [
      'Raport sprzedaży - październik 2026',
      '',
      'Data;Kod przedstawiciela;Indeks;Nazwa produktu;Ilość;Wartość netto;Nr faktury;Pozycja',
      '03.10.2026;PH-001;DOG-01;Karma sucha;10;1 234,56 zł;FV/10/1;1',
      '10.10.2026;PH-001;CAT-07;Saszetka żółta;4;200,00;FV/10/2;1',
      '12.10.2026;PH-001;DOG-01;Karma sucha;-2;-246,91;FK/10/1;1',
      '20.10.2026;PH-001;TOY-3;Piłka;5;500;FV/10/3;1',
      '21.10.2026;PH-002;TOY-3;Piłka;1,5;15,00;FV/10/4;1',
      'Razem;;;;17;"1 687,65";;',
    ].join('\r\n');
    const report = await importSales(ctx, { fileName: 'sprzedaz.csv', bytes: encodeLegacy(text, 'windows-1250') });
    expect(report).toMatchObject({
      headerRow: 3,
      accepted: 4,
      rejected: 1,
      skipped: 1,
      period: '2026-10',
      source: { encoding: 'windows-1250' },
    });
    expect(own(report.problems).map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [8, 'Ilość', 'BAD_NUMBER', 'error'],
      [9, 'Data', 'TOTALS_ROW', 'skipped'],
    ]);
    const lines = linesOf(ctx, report.batchId);
    expect(lines.map((l) => [l.sku, l.quantity, l.net_minor])).toEqual([
      ['DOG-01', 10, 123456],
      ['CAT-07', 4, 20000],
      ['DOG-01', -2, -24691],
      ['TOY-3', 5, 50000],
    ]);
    const names = ctx.store.sqlite
      .prepare('SELECT product_name FROM sales_lines WHERE batch_id = ? ORDER BY id')
      .all(report.batchId);
    expect(names[1]).toEqual({ product_name: 'Saszetka żółta' });
  });

  it('reads a Russian Windows-1251 CSV', async () => {
    const text = [
      'Дата;Код агента;Артикул;Кол-во;Сумма без НДС;Номер документа;№ строки',
      '05.10.2026;R0003;CAT-08;3;1 500,50;РН-1;1',
      '06.10.2026;R0003;CAT-08;1;99,99;РН-1;2',
    ].join('\r\n');
    const report = await importSales(ctx, { fileName: 'продажи.csv', bytes: encodeLegacy(text, 'windows-1251') });
    expect(report).toMatchObject({ accepted: 2, rejected: 0, period: '2026-10' });
    expect(linesOf(ctx, report.batchId).map((l) => [l.document_no, l.line_no, l.net_minor])).toEqual([
      ['РН-1', '1', 150050],
      ['РН-1', '2', 9999],
    ]);
  });

  it.skipIf(!hasOpenpyxl)(
    'reads an openpyxl workbook with title rows, date cells, serials, errors and a merged cell',
    async () => {
      const rows: SheetCell[][] = [
        ['Sales October 2026'],
        [],
        ['Invoice date', 'Rep ID', 'Product code', 'Quantity', 'Net amount', 'Invoice no', 'Line no', 'Representative'],
        [{ date: '2026-10-03', format: 'dd.mm.yyyy' }, 'R0001', 'DOG-01', 10, 1234.56, 'INV-1', 1, 'Barbara'],
        [46300, 'R0001', 'CAT-07', 4, { number: 200, format: '#,##0.00 "zł"' }, 'INV-2', 1, 'Barbara'],
        ['12.10.2026', 'R0002', 'DOG-01', -2, -246.91, 'INV-3', 1, null],
        [{ date: '2026-10-13' }, 'R0002', 'DOG-01', 1, { formula: '=1/0' }, 'INV-4', 1, null],
        [{ date: '2026-10-14' }, 'R0003', 'DOG-02', 1, 10.005, 'INV-5', 1, null],
        [{ date: '2026-10-15' }, 'R0003', 'DOG-02', 1, 10, 'INV-6', 1, 'Merged'],
        [{ date: '2026-10-16' }, null, 'DOG-02', 1, 10, 'INV-7', 1, null],
        ['Total', null, null, 13, { formula: '=SUM(E4:E10)' }],
      ];
      const path = join(dir, 'sales-openpyxl.xlsx');
      const bytes = writeXlsxWithOpenpyxl(path, [{ title: 'October', rows, merges: ['B9:B10'] }]);
      const prepared = await prepare(ctx, { fileName: 'sales-openpyxl.xlsx', bytes });
      expect(prepared.preview).toMatchObject({ headerRow: 3, accepted: 3, rejected: 4, skipped: 1, period: '2026-10' });
      expect(own(prepared.preview.problems).map((p) => [p.row, p.column, p.code])).toEqual([
        [7, 'Net amount', 'ERROR_CELL'],
        [8, 'Net amount', 'TOO_MANY_DECIMALS'],
        [9, 'Rep ID', 'MERGED_CELL'],
        [10, 'Rep ID', 'MERGED_CELL'],
        [11, 'Invoice date', 'TOTALS_ROW'],
      ]);
      // The preview shows the rows with problems first, then the accepted rows, cells in header order.
      expect(prepared.preview.rows.map((r) => [r.row, r.status])).toEqual([
        [7, 'rejected'],
        [8, 'rejected'],
        [9, 'rejected'],
        [10, 'rejected'],
        [11, 'skipped'],
        [4, 'accepted'],
        [5, 'accepted'],
        [6, 'accepted'],
      ]);
      expect(prepared.preview.rows.find((r) => r.row === 4)?.cells).toEqual([
        '2026-10-03',
        'R0001',
        'DOG-01',
        '10',
        '1234.56',
        'INV-1',
        '1',
        'Barbara',
      ]);
      const report = prepared.commit();
      expect(linesOf(ctx, report.batchId).map((l) => [l.sale_date, l.net_minor])).toEqual([
        ['2026-10-03', 123456],
        ['2026-10-05', 20000],
        ['2026-10-12', -24691],
      ]);
    },
  );

  it.skipIf(!hasSoffice)('reads a CSV that LibreOffice turned into a workbook', async () => {
    const csvPath = join(dir, 'lo-sales.csv');
    writeFileSync(
      csvPath,
      'Date,Rep code,SKU,Qty,Net value,Invoice\n2026-10-05,R0001,DOG-01,3,45.50,INV-9\n2026-10-06,R0002,CAT-07,-1,-15.25,INV-10\n',
      'utf8',
    );
    const [xlsx] = convertWithSoffice([csvPath], 'xlsx', makeTempDir('lo-out-'), { infilter: 'CSV:44,34,76' });
    if (!xlsx) throw new Error('LibreOffice wrote nothing');
    const report = await importSales(ctx, { fileName: 'lo-sales.xlsx', bytes: readFileSync(xlsx) });
    expect(report).toMatchObject({ accepted: 2, rejected: 0, period: '2026-10' });
    expect(linesOf(ctx, report.batchId).map((l) => [l.sale_date, l.quantity, l.net_minor])).toEqual([
      ['2026-10-05', 3, 4550],
      ['2026-10-06', -1, -1525],
    ]);
  });
});

describe('sales through the job runner', () => {
  it('reads in the background, previews, and commits on the word', async () => {
    const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
    const jobId = jobs.start('sales', sample('sales-2026-10.csv'), {});
    const ready = await jobs.settled(jobId);
    expect(ready).toMatchObject({
      state: 'ready',
      kind: 'sales',
      rowsRead: 73,
      preview: { accepted: 73, period: '2026-10' },
    });
    expect(listImportBatches(ctx, 1)).toEqual([]);
    const report = jobs.commit(jobId);
    expect(report).toMatchObject({ accepted: 73, period: '2026-10' });
    expect(jobs.status(jobId).state).toBe('committed');
  });

  it('fails a job with the sentence of its refusal, and cancels one leaving nothing behind', async () => {
    const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
    const failed = await jobs.settled(
      jobs.start(
        'sales',
        csv('x.csv', ['Date;Rep code;SKU;Qty;Net value', '2026-09-30;R1;A;1;1', '2026-10-01;R1;A;1;1']),
        {},
      ),
    );
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'PERIOD_REQUIRED' } });
    const before = tableCounts(ctx);
    const jobId = jobs.start('products', sample('products.xlsx'));
    expect(jobs.cancel(jobId).state).toBe('cancelled');
    await jobs.settled(jobId);
    expect(tableCounts(ctx)).toEqual(before);
  });
});
