// What the import fuzz (tests/long/fuzz-import.test.ts) found, each made again by hand: files
// that crashed the import with a raw RangeError (reported as INTERNAL, "an error inside Loyalty
// Desk") instead of a refusal or a row error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import { cellToText } from '../../src-main/core/import/cells/cell-text';
import type { CoreContext } from '../../src-main/core/context';
import { createImportJobs } from '../../src-main/core/import/jobs/import-jobs';
import type { ImportKind } from '../../src-main/core/import/report/import-report';
import { IMPORT_RUNNERS } from '../../src-main/ipc/import-kinds';
import { unzipParts, zipLayout, zipParts } from '../fixtures/fuzz-mutations';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext, tableCounts } from '../fixtures/test-database';

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

/** The bytes in an ArrayBuffer of exactly their size, as a file read from disk comes: no slack to read past. */
const exact = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

async function refused(kind: ImportKind, fileName: string, bytes: Uint8Array) {
  const before = tableCounts(ctx);
  const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
  const jobId = jobs.start(kind, { fileName, bytes: exact(bytes) });
  const status = await jobs.settled(jobId);
  expect(status.state).toBe('failed');
  expect(() => jobs.commit(jobId)).toThrow(AppError);
  expect(tableCounts(ctx)).toEqual(before);
  return status.error ?? { code: '', message: '' };
}

describe("a zip's directory that points past its own end", () => {
  const sample = readFileSync(join(samplesDir, 'participants.xlsx'));

  it('refuses a directory entry whose name runs past the end of the file (was a RangeError)', async () => {
    const bytes = Buffer.from(sample);
    const last = zipLayout(bytes).records.at(-1);
    bytes.writeUInt16LE(0xffff, (last?.centralOffset ?? 0) + 28);
    const error = await refused('participants', 'participants.xlsx', bytes);
    expect(error).toEqual({
      code: 'FILE_UNREADABLE',
      message:
        'The file "participants.xlsx" is damaged and cannot be read (its directory is broken); ask the client to send it again.',
      details: { why: 'its directory is broken' },
    });
  });

  it('refuses a zip64 extra field that holds fewer sizes than the entry says it does (was a RangeError)', async () => {
    // The last directory entry gets an empty zip64 field, then claims all three of its sizes and its offset are there.
    const layout = zipLayout(sample);
    const last = layout.records.at(-1);
    if (!last) throw new Error('the sample has no entries');
    const nameEnd = last.centralOffset + 46 + Buffer.byteLength(last.name);
    const bytes = Buffer.concat([sample.subarray(0, nameEnd), Buffer.from([1, 0, 0, 0]), sample.subarray(nameEnd)]);
    bytes.writeUInt16LE(4, last.centralOffset + 30);
    for (const at of [20, 24, 42]) bytes.writeUInt32LE(0xffffffff, last.centralOffset + at);
    const eocd = layout.eocd + 4;
    bytes.writeUInt32LE(bytes.readUInt32LE(eocd + 12) + 4, eocd + 12);
    const error = await refused('participants', 'participants.xlsx', bytes);
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('its directory is broken');
  });
});

describe("a workbook's list of sheets", () => {
  it('refuses a sheet name holding a character reference past U+10FFFF (was a RangeError)', async () => {
    const parts = unzipParts(readFileSync(join(samplesDir, 'participants.xlsx')));
    const edited = parts.map(([name, body]): [string, Buffer] => [
      name,
      name === 'xl/workbook.xml'
        ? Buffer.from(body.toString('utf8').replace(/name="[^"]*"/, 'name="&#x110000;"'))
        : body,
    ]);
    const error = await refused('participants', 'participants.xlsx', zipParts(edited));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toBe(
      'The file "participants.xlsx" is damaged and cannot be read as an Excel workbook; ask the client to send it again.',
    );
  });
});

describe('a date cell whose serial is no date', () => {
  it('makes a date-formatted cell holding 1e308 a row error naming its value (was a RangeError)', async () => {
    const parts = unzipParts(readFileSync(join(samplesDir, 'sales-2026-09.xlsx')));
    const edited = parts.map(([name, body]): [string, Buffer] => [
      name,
      name === 'xl/worksheets/sheet1.xml'
        ? Buffer.from(body.toString('utf8').replace(/(<c r="A5" s="1" t="n"><v>)\d+(<\/v>)/, '$11e308$2'))
        : body,
    ]);
    const bytes = zipParts(edited);
    expect(bytes.toString('latin1')).not.toBe(zipParts(parts).toString('latin1'));
    const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
    const jobId = jobs.start('sales', { fileName: 'sales-2026-09.xlsx', bytes });
    const status = await jobs.settled(jobId);
    expect(status.error).toBeNull();
    const report = jobs.commit(jobId);
    expect(report).toMatchObject({ rowsRead: 68, accepted: 67, rejected: 1, skipped: 0, period: '2026-09' });
    expect(
      report.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.value, p.code]),
    ).toEqual([[5, 'Date', '1e+308', 'BAD_DATE']]);
  });

  it('writes a date that is no date as Excel shows one, never throwing', () => {
    expect(cellToText(new Date(Number.NaN))).toBe('#####');
  });
});
