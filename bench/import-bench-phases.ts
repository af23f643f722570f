// The two timed phases of the import benchmark, each run in its own process by import-bench.ts.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../src-main/core/context';
import { defineImport } from '../src-main/core/import/table/field-definitions';
import {
  DOCUMENT_NO,
  LINE_NO,
  NET_VALUE,
  PARTICIPANT_CODE,
  PARTICIPANT_NAME_IN_SALES,
  PRODUCT_NAME,
  QUANTITY,
  SALES_DATE,
  SKU,
} from '../src-main/core/import/table/header-synonyms';
import type { ImportKindRunner, ImportProgress } from '../src-main/core/import/jobs/import-job-types';
import { readImportTable } from '../src-main/core/import/jobs/import-pipeline';
import { IMPORT_RUNNERS } from '../src-main/ipc/import-kinds';
import { parseDateCell } from '../src-main/core/import/cells/parse-date-cell';
import { parseMoneyCell, parseWholeNumberCell } from '../src-main/core/import/cells/parse-number-cell';
import { textParser } from '../src-main/core/import/cells/parse-text-cell';
import { sha256Hex } from '../src-main/core/import/jobs/record-import-batch';
import { importParticipants } from '../src-main/core/import/kinds/import-participants';
import { createProgram, readReferenceTemplate, requireProgram } from '../src-main/core/program/program-store';
import { openDatabase } from '../src-main/db/open-database';
import { BENCH_PARTICIPANTS, BENCH_PERIOD, BENCH_SKUS, participantCode } from './write-sales-workbook';

export type PhaseName = 'bare' | 'ours' | 'pipeline';

export interface PhaseResult {
  phase: PhaseName;
  /** CPU time of the whole process (all threads) over the timed part: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Where the time went in (b): reading and judging the file, then writing it. */
  readMs?: number;
  ms: number;
  /** The process's peak resident set, from the kernel (getrusage). */
  maxRssMb: number;
  rows: number;
  accepted?: number;
  /** How (b) was measured: the real sales import, or the pipeline plus an insert (before the sales kind existed). */
  mode?: 'sales runner' | 'pipeline + temp table';
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** (a) exceljs's streaming reader over every row of every sheet, nothing else. */
async function bareRead(file: string): Promise<PhaseResult> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  // The options our reader uses: shared strings and styles cached (styles tell date cells from numbers).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet) rows++;
  }
  return { phase: 'bare', ms: performance.now() - start, cpuMs: cpuSince(cpu), maxRssMb: peakRssMb(), rows };
}

/** The sales fields as import-formats.md lists them, for measuring the pipeline before the sales kind existed. */
const salesFallback = defineImport({
  kind: 'sales',
  fields: {
    date: { required: true, synonyms: SALES_DATE, parse: parseDateCell },
    participantCode: { required: true, synonyms: PARTICIPANT_CODE, parse: textParser(100) },
    sku: { required: true, synonyms: SKU, parse: textParser(100) },
    quantity: { required: true, synonyms: QUANTITY, parse: parseWholeNumberCell },
    netValue: { required: true, synonyms: NET_VALUE, parse: parseMoneyCell },
    documentNo: { required: false, synonyms: DOCUMENT_NO, parse: textParser() },
    lineNo: { required: false, synonyms: LINE_NO, parse: parseWholeNumberCell },
    participantName: { required: false, synonyms: PARTICIPANT_NAME_IN_SALES, parse: textParser() },
    productName: { required: false, synonyms: PRODUCT_NAME, parse: textParser() },
  },
  duplicateKey: ['documentNo', 'lineNo', 'participantCode', 'sku'],
});

async function workbookOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const noProgress: ImportProgress = { signal: new AbortController().signal, onProgress: () => undefined };

function runnerOf(kind: string): ImportKindRunner | undefined {
  return IMPORT_RUNNERS.find((r) => r.kind === kind);
}

/** The program, participants and products the sales file refers to; not timed. */
async function prepareDatabase(dir: string): Promise<CoreContext> {
  const store = openDatabase(join(dir, `bench-${process.pid}.db`));
  const ctx: CoreContext = { store, actor: 'bench', now: () => new Date() };
  createProgram(ctx, readReferenceTemplate());
  const people = await workbookOf([
    ['Rep code', 'Name'],
    ...Array.from({ length: BENCH_PARTICIPANTS }, (_, i) => [participantCode(i + 1), `Rep ${i + 1}`]),
  ]);
  const participants = runnerOf('participants');
  if (participants)
    (await participants.prepare(ctx, { fileName: 'participants.xlsx', bytes: people }, {}, noProgress)).commit();
  else await importParticipants(ctx, { fileName: 'participants.xlsx', bytes: people });
  const products = runnerOf('products');
  if (products) {
    const list = await workbookOf([
      ['SKU', 'Product', 'Group', 'Promoted'],
      ...BENCH_SKUS.map((sku) => [sku, `Product ${sku}`, 'DRY', 'yes']),
    ]);
    (await products.prepare(ctx, { fileName: 'products.xlsx', bytes: list }, {}, noProgress)).commit();
  }
  return ctx;
}

/**
 * (b) our import of the file: read, parse, validate and store, in one transaction. With the
 * sales kind in IMPORT_RUNNERS, its real import; otherwise (or with `pipelineOnly`) the shared
 * pipeline with the sales fields and an insert of every accepted row into a temporary table.
 */
async function ourImport(file: string, dir: string, pipelineOnly: boolean): Promise<PhaseResult> {
  const ctx = await prepareDatabase(dir);
  const sales = pipelineOnly ? undefined : runnerOf('sales');
  const start = performance.now();
  const cpu = process.cpuUsage();
  // A Buffer is a Uint8Array: the file is held once, as the app holds it.
  const bytes = readFileSync(file);
  const fileName = 'sales-bench.xlsx';
  if (sales) {
    const prepared = await sales.prepare(ctx, { fileName, bytes }, { period: BENCH_PERIOD }, noProgress);
    const readMs = performance.now() - start;
    const report = prepared.commit();
    const ms = performance.now() - start;
    const cpuMs = cpuSince(cpu);
    ctx.store.close();
    return {
      phase: 'ours',
      ms,
      cpuMs,
      readMs,
      maxRssMb: peakRssMb(),
      rows: report.rowsRead,
      accepted: report.accepted,
      mode: 'sales runner',
    };
  }
  const program = requireProgram(ctx);
  sha256Hex(bytes);
  const table = await readImportTable({ fileName, bytes }, salesFallback, {
    locale: program.locale,
    currencyDigits: program.currency.minorDigits,
  });
  const readMs = performance.now() - start;
  ctx.store.transaction(() => {
    ctx.store.sqlite.exec(
      'CREATE TEMP TABLE bench_sales (source_row INTEGER, date TEXT, participant_code TEXT, sku TEXT, quantity INTEGER, net_minor INTEGER, document_no TEXT, line_no INTEGER)',
    );
    const insert = ctx.store.sqlite.prepare('INSERT INTO bench_sales VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const { row, values: v } of table.accepted)
      insert.run(row, v.date, v.participantCode, v.sku, v.quantity, v.netValue, v.documentNo, v.lineNo);
  });
  const ms = performance.now() - start;
  const cpuMs = cpuSince(cpu);
  ctx.store.close();
  return {
    phase: pipelineOnly ? 'pipeline' : 'ours',
    ms,
    cpuMs,
    readMs,
    maxRssMb: peakRssMb(),
    rows: table.rowsRead,
    accepted: table.accepted.length,
    mode: 'pipeline + temp table',
  };
}

export async function runPhase(phase: PhaseName, file: string, dir: string): Promise<PhaseResult> {
  if (phase === 'bare') return bareRead(file);
  if (phase === 'ours' || phase === 'pipeline') return ourImport(file, dir, phase === 'pipeline');
  throw new Error(`unknown phase ${String(phase)}`);
}
