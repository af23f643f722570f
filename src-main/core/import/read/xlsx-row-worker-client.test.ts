import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/fixtures/client-files';
import { repoRoot } from '../../../../tests/fixtures/repo-paths';
import { zipOf } from '../../../../tests/fixtures/zip-of';
import { AppError } from '../../app-error';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { openTableSource } from './open-table-source';
import type { RawRow } from './raw-table';
import { idleXlsxRowWorker, prewarmXlsxRowWorker, stopIdleXlsxRowWorker } from './xlsx-row-worker-client';

/** A workbook of `rows` data rows under a header, written by exceljs. */
async function workbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['Rep code', 'Name', 'Qty']);
  for (let i = 1; i <= rows; i++) ws.addRow([`R${String(i).padStart(5, '0')}`, `Rep number ${i}`, i]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every row of every sheet; `onRow` may stop the read (false) or act in the middle of it. */
async function readRows(
  bytes: Uint8Array,
  options: { signal?: AbortSignal; limits?: Partial<ImportLimits>; onRow?: (row: RawRow) => boolean | void } = {},
): Promise<RawRow[]> {
  const source = openTableSource(
    'test.xlsx',
    bytes,
    'pl-PL',
    { ...DEFAULT_IMPORT_LIMITS, ...options.limits },
    { signal: options.signal },
  );
  const rows: RawRow[] = [];
  for await (const sheet of source.sheets()) {
    for await (const row of sheet.rows()) {
      rows.push(row);
      if (options.onRow?.(row) === false) return rows;
    }
  }
  return rows;
}

async function refusal(read: Promise<unknown>): Promise<AppError> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Resolves once the thread has ended (at once if it has). */
function ended(worker: Worker): Promise<void> {
  if (worker.threadId < 0) return Promise.resolve();
  return new Promise((resolve) => worker.once('exit', () => resolve()));
}

/** The idle reader, which the test expects there to be. */
function idleWorker(): Worker {
  const worker = idleXlsxRowWorker();
  if (worker === null) throw new Error('expected an idle reader');
  return worker;
}

let small: Uint8Array;
let large: Uint8Array;

beforeAll(async () => {
  small = await workbook(3);
  // Far more than the 4 batches of about 1,000 rows the worker sends ahead: a read stopped on its first row is
  // unfinished.
  large = await workbook(20_000);
});

beforeEach(async () => {
  await stopIdleXlsxRowWorker();
});

afterAll(async () => {
  await stopIdleXlsxRowWorker();
});

describe('the reader thread', () => {
  it('is kept after a clean read, and the next read takes it', async () => {
    expect(idleXlsxRowWorker()).toBeNull();
    const first = await readRows(small);
    expect(first.map((r) => r.cells)).toEqual([
      ['Rep code', 'Name', 'Qty'],
      ['R00001', 'Rep number 1', 1],
      ['R00002', 'Rep number 2', 2],
      ['R00003', 'Rep number 3', 3],
    ]);
    const kept = idleWorker();
    const threadId = kept.threadId;
    expect(threadId).toBeGreaterThan(0);

    let idleWhileReading: Worker | null | undefined;
    // Looked at on the first row only: the worker says 'done' while the last batches are still being taken.
    const second = await readRows(large, {
      onRow: () => {
        if (idleWhileReading === undefined) idleWhileReading = idleXlsxRowWorker();
      },
    });
    // The read took the idle thread out of its slot, and put it back at the end.
    expect(idleWhileReading).toBeNull();
    expect(second).toHaveLength(20_001);
    expect(second[20_000]).toEqual({ row: 20_001, cells: ['R20000', 'Rep number 20000', 20_000] });
    expect(idleWorker()).toBe(kept);
    expect(kept.threadId).toBe(threadId);

    const third = await readRows(small);
    expect(third).toEqual(first);
    expect(idleWorker().threadId).toBe(threadId);
  });

  it('is started ahead by prewarmXlsxRowWorker, once, and used by the first read', async () => {
    prewarmXlsxRowWorker();
    const warm = idleWorker();
    prewarmXlsxRowWorker();
    expect(idleWorker()).toBe(warm);
    expect(await readRows(small)).toHaveLength(4);
    expect(idleWorker()).toBe(warm);
  });

  it('is stopped when exceljs fails on the file, and the next read has a new one', async () => {
    prewarmXlsxRowWorker();
    const warm = idleWorker();
    const NS =
      'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const broken = zipOf({
      'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2" <<< </sheetData></worksheet>`,
    });
    const error = await refusal(readRows(broken));
    expect(error.code).toBe('FILE_DAMAGED');
    await ended(warm);
    expect(idleXlsxRowWorker()).toBeNull();

    expect(await readRows(small)).toHaveLength(4);
    expect(idleWorker()).not.toBe(warm);
  });

  it('is stopped when the read is cancelled, and the next read has a new one', async () => {
    prewarmXlsxRowWorker();
    const warm = idleWorker();
    const abort = new AbortController();
    const error = await refusal(
      readRows(large, { signal: abort.signal, onRow: (row) => void (row.row === 2 && abort.abort()) }),
    );
    expect(error.code).toBe('CANCELLED');
    await ended(warm);
    expect(idleXlsxRowWorker()).toBeNull();

    expect(await readRows(large)).toHaveLength(20_001);
    const next = idleWorker();
    expect(next).not.toBe(warm);
    expect(next.threadId).not.toBe(-1);
  });

  it('is stopped when the caller leaves the read part way or the main thread refuses the file, never kept', async () => {
    prewarmXlsxRowWorker();
    const warm = idleWorker();
    expect(await readRows(large, { onRow: (row) => row.row < 2 })).toHaveLength(2);
    await ended(warm);
    expect(idleXlsxRowWorker()).toBeNull();

    prewarmXlsxRowWorker();
    const second = idleWorker();
    const error = await refusal(readRows(large, { limits: { maxRows: 100 } }));
    expect(error.code).toBe('FILE_TOO_LARGE');
    await ended(second);
    expect(idleXlsxRowWorker()).toBeNull();

    expect(await readRows(small)).toHaveLength(4);
    const third = idleWorker();
    expect([warm, second]).not.toContain(third);
  });

  it('leaves the slot when it exits or fails while idle', async () => {
    prewarmXlsxRowWorker();
    await idleWorker().terminate();
    expect(idleXlsxRowWorker()).toBeNull();

    prewarmXlsxRowWorker();
    const failing = idleWorker();
    failing.emit('error', new Error('gone wrong while idle'));
    expect(idleXlsxRowWorker()).toBeNull();
    await ended(failing);

    expect(await readRows(small)).toHaveLength(4);
    expect(idleXlsxRowWorker()).not.toBeNull();
  });

  it('does not keep a process alive once its import is done', async () => {
    const dir = makeTempDir('loyalty-idle-reader-');
    const file = join(dir, 'participants.xlsx');
    writeFileSync(file, small);
    const script = join(dir, 'read-once.mts');
    const module = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, path)).href);
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { defineImport } from ${module('src-main/core/import/table/field-definitions.ts')};
import { readImportTable } from ${module('src-main/core/import/jobs/import-pipeline.ts')};
import { textParser } from ${module('src-main/core/import/cells/parse-text-cell.ts')};
import { idleXlsxRowWorker } from ${module('src-main/core/import/read/xlsx-row-worker-client.ts')};
const definition = defineImport({
  kind: 'participants',
  fields: { code: { required: true, synonyms: ['Rep code'], parse: textParser(100) }, name: { required: true, synonyms: ['Name'], parse: textParser() } },
  duplicateKey: ['code'],
});
const table = await readImportTable({ fileName: 'participants.xlsx', bytes: new Uint8Array(readFileSync(${JSON.stringify(file)})) }, definition, { locale: 'pl-PL', currencyDigits: 2 });
console.log(JSON.stringify({ accepted: table.accepted.length, idle: idleXlsxRowWorker()?.threadId ?? null }));
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let printedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      printedAt ||= performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(killer);
    const exitedAfterMs = performance.now() - printedAt;
    expect(err).not.toMatch(/Error/);
    expect(code).toBe(0);
    // The import was done by a thread kept idle afterwards, and the process ended by itself at once.
    expect(JSON.parse(out.trim())).toEqual({ accepted: 3, idle: expect.any(Number) });
    expect(exitedAfterMs).toBeLessThan(3_000);
  });
});
