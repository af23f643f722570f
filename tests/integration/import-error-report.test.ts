// 'import.errorReport': the problems of a previewed job, then of the committed batch, as an
// xlsx the coordinator sends back to the client, read back by openpyxl.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import { createHandlers } from '../../src-main/ipc/handlers';
import { hasOpenpyxl, makeTempDir, SYSTEM_PYTHON } from '../fixtures/client-files';
import { openTestContext } from '../fixtures/test-database';

let ctx: CoreContext;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(() => {
  ctx = openTestContext();
  handlers = createHandlers(ctx, { version: 'test', runtime: 'web' });
});

const CSV = [
  'Rep code;Name;Email',
  'R1;Anna Nowak;anna@example.com',
  'R2;;r2@example.com',
  'R3;Ewa Lis;=HYPERLINK("http://x","y")',
  'R4;Jan Kos;jan@example.com',
].join('\r\n');

async function readyJob(): Promise<string> {
  const { jobId } = handlers['import.start']({
    kind: 'participants',
    fileName: 'uczestnicy.csv',
    bytes: new TextEncoder().encode(CSV),
  });
  for (let i = 0; i < 600 && handlers['import.status']({ jobId }).state === 'reading'; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(handlers['import.status']({ jobId }).state).toBe('ready');
  return jobId;
}

function problemsSheet(bytes: Uint8Array): { rows: unknown[][]; summary: unknown[][] } {
  const path = join(makeTempDir('error-report-'), 'report.xlsx');
  writeFileSync(path, bytes);
  const script = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({'rows': [[c.value for c in r] for r in wb['Problems'].iter_rows()], 'summary': [[c.value for c in r] for r in wb['Summary'].iter_rows()]}, default=str))
`;
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' })) as {
    rows: unknown[][];
    summary: unknown[][];
  };
}

describe('import.errorReport', () => {
  it.skipIf(!hasOpenpyxl)('exports the problems of a previewed job, then of its committed batch', async () => {
    const jobId = await readyJob();
    const preview = await handlers['import.errorReport']({ jobId });
    expect(preview.fileName).toBe('uczestnicy - problems.xlsx');
    const read = problemsSheet(preview.bytes);
    expect(read.rows[0]).toEqual(['Row', 'Column', 'Value', 'Problem', 'Outcome']);
    expect(read.rows.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      [3, 'Name', null, 'rejected'],
      // An e-mail is informational: a warning, the participant is taken without it.
      [4, 'Email', '=HYPERLINK("http://x","y")', 'warning'],
    ]);
    expect(read.summary).toContainEqual(['Batch', 'not imported yet (preview)']);
    expect(read.summary).toContainEqual(['Rows rejected', 1]);

    const report = handlers['import.commit']({ jobId });
    const batch = await handlers['import.errorReport']({ batchId: report.batchId });
    expect(batch.fileName).toBe('uczestnicy - problems.xlsx');
    const stored = problemsSheet(batch.bytes);
    expect(stored.rows).toEqual(read.rows);
    expect(stored.summary).toContainEqual(['Batch', report.batchId]);
    expect(stored.summary).toContainEqual(['File', 'uczestnicy.csv']);
  });

  it('refuses a batch of no such number and a job that has not been read', async () => {
    await expect(handlers['import.errorReport']({ batchId: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no import batch 999 in this program.',
    });
    const { jobId } = handlers['import.start']({ kind: 'participants', fileName: 'x.csv', bytes: new Uint8Array() });
    handlers['import.cancel']({ jobId });
    await expect(handlers['import.errorReport']({ jobId })).rejects.toBeInstanceOf(AppError);
    await expect(handlers['import.errorReport']({ jobId })).rejects.toMatchObject({
      code: 'IMPORT_NOT_READY',
      message: 'This import has no problems to report: it is cancelled.',
    });
  });
});
