// Bad files (issue 4, item 7): each refused with one clear sentence, in bounded memory and
// time, with nothing written. Every input is made here, by hand, by LibreOffice or by
// Python, never committed: the hostile ones are a few kilobytes that claim gigabytes.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import { createImportJobs } from '../../src-main/core/import/jobs/import-jobs';
import type { ImportLimits } from '../../src-main/core/import/read/import-limits';
import { readImportTable } from '../../src-main/core/import/jobs/import-pipeline';
import { IMPORT_RUNNERS } from '../../src-main/ipc/import-kinds';
import { participantsImport } from '../../src-main/core/import/kinds/import-participants';
import { convertWithSoffice, hasSoffice, makeTempDir } from '../fixtures/client-files';
import { openTestContext, tableCounts } from '../fixtures/test-database';
import { repeatedDeflate, SHEET_NS, workbookSkeleton, zipOfRaw, type RawZipPart } from '../fixtures/zip-bomb';
import { zipOf } from '../fixtures/zip-of';

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

/** One sentence: it ends with a full stop and no other sentence starts inside it. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/\.$/);
  expect(message).not.toMatch(/[.!?]\s+[A-Z]/);
}

/** Imports through the job runner, as the app does; the job must fail and leave every table as it was. */
async function refusedImport(fileName: string, bytes: Uint8Array): Promise<{ code: string; message: string }> {
  const before = tableCounts(ctx);
  const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
  const jobId = jobs.start('participants', { fileName, bytes });
  const status = await jobs.settled(jobId);
  expect(status.state).toBe('failed');
  expect(() => jobs.commit(jobId)).toThrow(AppError);
  expect(tableCounts(ctx)).toEqual(before);
  const { code, message } = status.error ?? { code: '', message: '' };
  expectOneSentence(message);
  return { code, message };
}

/** Reads with chosen limits (no database involved): the refusal. */
async function refusedRead(fileName: string, bytes: Uint8Array, limits: Partial<ImportLimits> = {}): Promise<AppError> {
  try {
    await readImportTable({ fileName, bytes }, participantsImport, { locale: 'pl-PL', currencyDigits: 2, limits });
  } catch (error) {
    if (error instanceof AppError) {
      expectOneSentence(error.message);
      return error;
    }
    throw error;
  }
  throw new Error(`expected ${fileName} to be refused`);
}

const text = (s: string) => new TextEncoder().encode(s);

/** A workbook of the skeleton's parts (deflated as they are) and the test's raw parts. */
function workbookWith(extra: Record<string, string>, raw: RawZipPart[] = []): Uint8Array {
  const plain = zipOf({ ...workbookSkeleton(), ...extra });
  if (raw.length === 0) return plain;
  // Re-zip: the plain parts stored as they are, the raw parts with their own (perhaps lying) sizes.
  const parts: RawZipPart[] = Object.entries({ ...workbookSkeleton(), ...extra }).map(([name, body]) => ({
    name,
    data: Buffer.from(body),
    method: 0,
    crc32: crc32(Buffer.from(body)),
    declaredSize: Buffer.byteLength(body),
  }));
  return zipOfRaw([...parts, ...raw]);
}

const ROW = (r: number, code: string, name: string) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${code}</t></is></c><c r="B${r}" t="inlineStr"><is><t>${name}</t></is></c></row>`;
const HEADER = ROW(1, 'Rep code', 'Name');

/** Peak resident memory while `work` runs, sampled often: a loose bound, the process has other things in it. */
async function rssGrowth(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

describe('files that are not what they say', () => {
  it('refuses an empty file', async () => {
    expect(await refusedImport('participants.xlsx', new Uint8Array())).toEqual({
      code: 'FILE_EMPTY',
      message: 'The file "participants.xlsx" is empty (0 bytes).',
    });
    expect((await refusedImport('participants.csv', text('\r\n \r\n'))).code).toBe('FILE_EMPTY');
  });

  it('refuses an HTML table saved as .xls, telling to save it as .xlsx', async () => {
    const error = await refusedImport(
      'report.xls',
      text(
        '<html><head><meta charset="utf-8"></head><body><table><tr><td>Rep code</td><td>Name</td></tr></table></body></html>',
      ),
    );
    expect(error.code).toBe('FILE_NOT_SUPPORTED');
    expect(error.message).toContain('save it as an Excel workbook (.xlsx)');
  });

  it('refuses an old binary .xls (OLE2), telling to save it as .xlsx', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(4000)]);
    const error = await refusedImport('old.xls', ole2);
    expect(error).toEqual({
      code: 'FILE_NOT_SUPPORTED',
      message:
        'The file "old.xls" is an old Excel 97-2003 workbook (.xls) or a password-protected one, which cannot be imported: open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), then import that file.',
    });
  });

  it.skipIf(!hasSoffice)('refuses a real .xls and an HTML export written by LibreOffice', async () => {
    const dir = makeTempDir();
    const source = join(dir, 'participants.csv');
    writeFileSync(source, 'Rep code,Name\nR1,Anna\n');
    const [xls] = convertWithSoffice([source], 'xls', dir);
    const error = await refusedImport('participants.xls', new Uint8Array(readFileSync(xls ?? '')));
    expect(error.message).toContain('old Excel 97-2003 workbook (.xls)');
    const [html] = convertWithSoffice([source], 'html', dir);
    expect((await refusedImport('participants.xls', new Uint8Array(readFileSync(html ?? '')))).message).toContain(
      'web page (HTML)',
    );
  });

  it('refuses an encrypted workbook (an OLE2 container with EncryptionInfo)', async () => {
    // The header and one directory sector of a compound file holding the two streams of an encrypted package.
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    header.writeUInt16LE(0x3e, 24);
    header.writeUInt16LE(3, 26);
    header.writeUInt16LE(0xfffe, 28);
    header.writeUInt16LE(9, 30);
    const directory = Buffer.alloc(512);
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
      const entry = directory.subarray(i * 128, (i + 1) * 128);
      Buffer.from(`${name}\0`, 'utf16le').copy(entry);
      entry.writeUInt16LE((name.length + 1) * 2, 64);
      entry[66] = i === 0 ? 5 : 2;
    });
    const error = await refusedImport(
      'locked.xlsx',
      new Uint8Array(Buffer.concat([header, directory, randomBytes(1024)])),
    );
    expect(error.code).toBe('FILE_NOT_SUPPORTED');
    expect(error.message).toBe(
      'The file "locked.xlsx" is password-protected, so it cannot be read: open it in Excel, remove the password, save it as .xlsx and import that file.',
    );
  });

  it('refuses random bytes and a truncated zip', async () => {
    expect((await refusedImport('random.xlsx', new Uint8Array(randomBytes(64 * 1024)))).code).toBe('FILE_UNREADABLE');
    const whole = workbookWith({
      'xl/worksheets/sheet1.xml': `<worksheet ${SHEET_NS}><sheetData>${HEADER}${ROW(2, 'R1', 'Anna')}</sheetData></worksheet>`,
    });
    const cut = await refusedImport('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(cut.code).toBe('FILE_UNREADABLE');
    expect(cut.message).toContain('as when a download stops early');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await refusedRead('big.csv', text(`Rep code;Name\n${'R1;Anna\n'.repeat(2000)}`), {
      maxFileBytes: 10_000,
    });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe(
      'The file "big.csv" is 16 KB, over the import limit of 10 KB; split it into smaller files.',
    );
  });
});

describe('workbooks that unpack past the limits', () => {
  // 2 GB of rows deflated into about 6 MB.
  const bombRows = () =>
    repeatedDeflate(
      `<worksheet ${SHEET_NS}><sheetData>${HEADER}`,
      ROW(2, 'R1', 'Anna').repeat(16384),
      2000,
      '</sheetData></worksheet>',
    );

  it('refuses a zip bomb whose directory tells the truth, without unpacking it', async () => {
    const data = bombRows();
    const bytes = workbookWith({}, [
      {
        name: 'xl/worksheets/sheet1.xml',
        data,
        method: 8,
        crc32: 0,
        declaredSize: 2000 * 16384 * ROW(2, 'R1', 'Anna').length,
      },
    ]);
    let error: { code: string; message: string } = { code: '', message: '' };
    const growth = await rssGrowth(async () => (error = await refusedImport('bomb.xlsx', bytes)));
    expect(error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'The workbook "bomb.xlsx" unpacks to 3469 MB, over the import limit of 1024 MB; it was not imported.',
    });
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a zip bomb whose directory lies, after unpacking only what it claimed', async () => {
    const data = bombRows();
    const bytes = workbookWith({}, [
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, crc32: 0, declaredSize: 50_000 },
    ]);
    let error: { code: string; message: string } = { code: '', message: '' };
    const started = performance.now();
    const growth = await rssGrowth(async () => (error = await refusedImport('bomb.xlsx', bytes)));
    expect(error).toEqual({
      code: 'FILE_UNREADABLE',
      message:
        'The file "bomb.xlsx" is damaged and cannot be read (the part "xl/worksheets/sheet1.xml" unpacks to more than its directory says); ask the client to send it again.',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a workbook past a configured unpacked limit', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ROW(i + 2, `R${i}`, 'Anna')).join('');
    const bytes = workbookWith({
      'xl/worksheets/sheet1.xml': `<worksheet ${SHEET_NS}><sheetData>${HEADER}${rows}</sheetData></worksheet>`,
    });
    const error = await refusedRead('big.xlsx', bytes, { maxUnpackedBytes: 100_000 });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(
      /^The workbook "big\.xlsx" unpacks to \d+ KB, over the import limit of 98 KB; it was not imported\.$/,
    );
  });

  it('refuses a sheet with a row past the last row Excel allows, and more rows than the limit', async () => {
    const past = workbookWith({
      'xl/worksheets/sheet1.xml': `<worksheet ${SHEET_NS}><sheetData>${HEADER}${ROW(2, 'R1', 'Anna')}${ROW(1_048_577, 'R2', 'Ewa')}</sheetData></worksheet>`,
    });
    expect(await refusedImport('rows.xlsx', past)).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        'The sheet "Data" of "rows.xlsx" has a row numbered 1,048,577, past the 1,048,576 rows a workbook can have; it was not imported.',
    });
    const many = workbookWith({
      'xl/worksheets/sheet1.xml': `<worksheet ${SHEET_NS}><sheetData>${HEADER}${Array.from({ length: 1200 }, (_, i) => ROW(i + 2, `R${i}`, 'Anna')).join('')}</sheetData></worksheet>`,
    });
    const error = await refusedRead('rows.xlsx', many, { maxRows: 1000 });
    expect(error.message).toBe(
      'The file "rows.xlsx" has more than 1,000 rows, over the import limit; split it into smaller files.',
    );
  });

  it('refuses a cell over the cell limit, and a gigantic one as it streams past', async () => {
    const long = workbookWith({
      'xl/worksheets/sheet1.xml': `<worksheet ${SHEET_NS}><sheetData>${HEADER}${ROW(2, 'R1', 'x'.repeat(40_000))}</sheetData></worksheet>`,
    });
    expect(await refusedImport('long.xlsx', long)).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'The file "long.xlsx" has a cell in row 2 longer than 32,767 characters, over the import limit.',
    });
    // One shared string of 500 MB of "x", in about 500 KB.
    const giant = repeatedDeflate(`<sst ${SHEET_NS}><si><t>`, 'x'.repeat(1024 * 1024), 500, '</t></si></sst>');
    const bytes = workbookWith(
      {
        'xl/worksheets/sheet1.xml': `<worksheet ${SHEET_NS}><sheetData>${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      },
      [{ name: 'xl/sharedStrings.xml', data: giant, method: 8, crc32: 0, declaredSize: 500 * 1024 * 1024 + 200 }],
    );
    let error: { code: string; message: string } = { code: '', message: '' };
    const growth = await rssGrowth(async () => (error = await refusedImport('giant.xlsx', bytes)));
    expect(error).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        'The workbook "giant.xlsx" has a cell (or other entry) with more than 1 MB of text in its part "xl/sharedStrings.xml", over the import limit of 32,767 characters a cell; it was not imported.',
    });
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses XML that declares entities, in any part', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const sheet = `<worksheet ${SHEET_NS}><sheetData>${HEADER}${ROW(2, 'R1', '&lol2;')}</sheetData></worksheet>`;
    const inSheet = await refusedImport('lol.xlsx', workbookWith({ 'xl/worksheets/sheet1.xml': bomb + sheet }));
    expect(inSheet.code).toBe('FILE_NOT_SUPPORTED');
    expect(inSheet.message).toContain('its part "xl/worksheets/sheet1.xml" declares XML entities (a DOCTYPE)');
    const inWorkbook = await refusedImport(
      'lol.xlsx',
      workbookWith({
        'xl/workbook.xml': bomb + workbookSkeleton()['xl/workbook.xml'],
        'xl/worksheets/sheet1.xml': sheet,
      }),
    );
    expect(inWorkbook.message).toContain('its part "xl/workbook.xml" declares XML entities');
    const inStrings = await refusedImport(
      'lol.xlsx',
      workbookWith({
        'xl/sharedStrings.xml': `${bomb}<sst ${SHEET_NS}><si><t>&lol2;</t></si></sst>`,
        'xl/worksheets/sheet1.xml': sheet,
      }),
    );
    expect(inStrings.message).toContain('its part "xl/sharedStrings.xml" declares XML entities');
  });

  it('refuses corrupt data in a sheet, without hanging the reader', async () => {
    const good = Buffer.from(
      repeatedDeflate(
        `<worksheet ${SHEET_NS}><sheetData>${HEADER}`,
        ROW(2, 'R1', 'Anna'),
        2000,
        '</sheetData></worksheet>',
      ),
    );
    const corrupt = Buffer.from(good);
    corrupt.fill(0x55, 200, 400);
    const bytes = workbookWith({}, [
      { name: 'xl/worksheets/sheet1.xml', data: corrupt, method: 8, crc32: 0, declaredSize: 100_000 },
    ]);
    const error = await refusedImport('corrupt.xlsx', bytes);
    expect(error.code).toBe('FILE_UNREADABLE');
  });
});

describe('CSV files that never end', () => {
  it('refuses a line longer than the line limit', async () => {
    const line = `Rep code;Name\n${'x;'.repeat(600_000)}\n`;
    const error = await refusedImport('endless.csv', text(line));
    expect(error).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        'The CSV file cannot be read: the line that starts on line 2 runs past 1,048,576 characters without ending, over the import limit.',
    });
    const configured = await refusedRead('endless.csv', text(`Rep code;Name\nR1;${'a;'.repeat(100)}\n`), {
      maxLineChars: 100,
    });
    expect(configured.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses a quoted field that is never closed, in bounded time', async () => {
    const started = performance.now();
    const error = await refusedImport('quote.csv', text(`Rep code;Name\nR1;"Anna\n${'R2;Ewa\n'.repeat(200_000)}`));
    expect(error).toEqual({
      code: 'FILE_TOO_LARGE',
      message:
        'The CSV file cannot be read: the field that starts on line 2 runs past 32767 characters, probably because a quote is not closed.',
    });
    const short = await refusedImport('quote.csv', text('Rep code;Name\nR1;"Anna\nR2;Ewa\n'));
    expect(short).toEqual({
      code: 'FILE_UNREADABLE',
      message: 'The CSV file cannot be read: a quote opened on line 2 is never closed.',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
