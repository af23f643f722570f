import { beforeEach, describe, expect, it } from 'vitest';
import { largeParticipantsCsv, largeParticipantsXlsx } from '../../../../tests/fixtures/large-client-files';
import { openTestContext, tableCounts } from '../../../../tests/fixtures/test-database';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { participantsImport } from '../kinds/import-participants';
import type { ImportKindRunner, ImportProgress, PreparedImport } from './import-job-types';
import { createImportJobs } from './import-jobs';
import { readImportTable, type ImportFile } from './import-pipeline';
import type { ImportPreview, ImportReport } from '../report/import-report';

function previewOf(file: ImportFile, rowsRead: number): ImportPreview {
  return {
    kind: 'participants',
    fileName: file.fileName,
    fileSize: file.bytes.byteLength,
    sha256: 'x',
    sheet: null,
    headerRow: 1,
    headers: ['Rep code', 'Name'],
    fields: [],
    mapping: {},
    rowsRead,
    accepted: rowsRead,
    rejected: 0,
    skipped: 0,
    duplicates: 0,
    problems: [],
    rows: [],
    period: null,
    layoutChange: null,
    replacement: null,
  };
}

function reportOf(file: ImportFile, rows: number): ImportReport {
  return {
    batchId: 1,
    kind: 'participants',
    fileName: file.fileName,
    sha256: 'x',
    sheet: null,
    headerRow: 1,
    mapping: {},
    rowsRead: rows,
    accepted: rows,
    rejected: 0,
    skipped: 0,
    created: rows,
    updated: 0,
    unchanged: 0,
    changes: [],
    problems: [],
  };
}

/** A runner whose reading the test finishes (or fails) by hand, counting its commits. */
function handRunner() {
  let finish: (prepared: PreparedImport) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  let seen: ImportProgress | null = null;
  const state = { commits: 0, commitError: null as AppError | null };
  const runner: ImportKindRunner = {
    kind: 'participants',
    prepare: (_ctx, _file, _options, progress) => {
      seen = progress;
      return new Promise<PreparedImport>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    },
  };
  const prepared = (file: ImportFile): PreparedImport => ({
    preview: previewOf(file, 3),
    commit: () => {
      if (state.commitError) throw state.commitError;
      state.commits++;
      return reportOf(file, 3);
    },
  });
  return {
    runner,
    state,
    finish: (file: ImportFile) => finish(prepared(file)),
    fail: (error: unknown) => fail(error),
    progress: () => seen,
  };
}

const file: ImportFile = { fileName: 'p.csv', bytes: new TextEncoder().encode('Rep code;Name\nR1;A\n') };

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

describe('import jobs: states', () => {
  it('reads, shows progress, is ready with a preview, commits once and gives the same report again', async () => {
    const hand = handRunner();
    const jobs = createImportJobs(ctx, [hand.runner]);
    const jobId = jobs.start('participants', file);
    expect(jobs.status(jobId)).toMatchObject({
      state: 'reading',
      rowsRead: 0,
      bytesRead: 0,
      totalBytes: file.bytes.byteLength,
      preview: null,
    });
    hand.progress()?.onProgress(2, 10);
    expect(jobs.status(jobId)).toMatchObject({ state: 'reading', rowsRead: 2, bytesRead: 10 });
    expect(refusal(() => jobs.commit(jobId))).toMatchObject({
      code: 'IMPORT_NOT_READY',
      message: 'This import cannot be committed: it is reading.',
    });
    hand.finish(file);
    const ready = await jobs.settled(jobId);
    expect(ready).toMatchObject({ state: 'ready', rowsRead: 3, bytesRead: file.bytes.byteLength });
    expect(ready.preview?.rowsRead).toBe(3);
    const report = jobs.commit(jobId);
    expect(jobs.status(jobId)).toMatchObject({ state: 'committed', report });
    expect(jobs.commit(jobId)).toBe(report);
    expect(hand.state.commits).toBe(1);
    // Too late to cancel: it stays committed.
    expect(jobs.cancel(jobId).state).toBe('committed');
  });

  it('cancels while reading or when ready; a cancelled job is never committed', async () => {
    const reading = handRunner();
    const jobs = createImportJobs(ctx, [reading.runner]);
    const first = jobs.start('participants', file);
    expect(jobs.cancel(first).state).toBe('cancelled');
    expect(reading.progress()?.signal.aborted).toBe(true);
    // Whatever the reading still delivers is ignored.
    reading.finish(file);
    expect((await jobs.settled(first)).state).toBe('cancelled');
    expect(refusal(() => jobs.commit(first)).message).toBe('This import cannot be committed: it is cancelled.');

    const ready = handRunner();
    const jobs2 = createImportJobs(ctx, [ready.runner]);
    const second = jobs2.start('participants', file);
    ready.finish(file);
    await jobs2.settled(second);
    expect(jobs2.cancel(second)).toMatchObject({ state: 'cancelled' });
    expect(() => jobs2.commit(second)).toThrow(/it is cancelled/);
    expect(ready.state.commits).toBe(0);
  });

  it("fails with the reader's sentence, and refuses to commit a failed job", async () => {
    const hand = handRunner();
    const jobs = createImportJobs(ctx, [hand.runner]);
    const jobId = jobs.start('participants', file);
    hand.fail(new AppError('FILE_EMPTY', 'The file "p.csv" is empty (0 bytes).'));
    expect(await jobs.settled(jobId)).toMatchObject({
      state: 'failed',
      error: { code: 'FILE_EMPTY', message: 'The file "p.csv" is empty (0 bytes).' },
    });
    expect(refusal(() => jobs.commit(jobId)).message).toBe('This import cannot be committed: it is failed.');
    // An unexpected error is not shown raw.
    const other = handRunner();
    const jobs2 = createImportJobs(ctx, [other.runner]);
    const second = jobs2.start('participants', file);
    const logged = console.error;
    console.error = () => undefined;
    try {
      other.fail(new TypeError('x is undefined'));
      expect((await jobs2.settled(second)).error).toEqual({
        code: 'INTERNAL',
        message: 'The file could not be read because of an error inside Loyalty Desk; nothing was written.',
      });
    } finally {
      console.error = logged;
    }
  });

  it('stays ready when a commit is refused, so that it can be tried again', async () => {
    const hand = handRunner();
    const jobs = createImportJobs(ctx, [hand.runner]);
    const jobId = jobs.start('participants', file);
    hand.finish(file);
    await jobs.settled(jobId);
    hand.state.commitError = new AppError('FILE_ALREADY_IMPORTED', 'This file was already imported as batch 1.');
    expect(refusal(() => jobs.commit(jobId)).code).toBe('FILE_ALREADY_IMPORTED');
    expect(jobs.status(jobId).state).toBe('ready');
    hand.state.commitError = null;
    expect(jobs.commit(jobId).batchId).toBe(1);
  });

  it('refuses an unknown job and a kind without a runner, and forgets ended jobs after half an hour', async () => {
    let now = 0;
    const hand = handRunner();
    const jobs = createImportJobs(ctx, [hand.runner], () => now);
    expect(refusal(() => jobs.status('nope')).code).toBe('NOT_FOUND');
    expect(refusal(() => jobs.start('sales', file)).message).toBe('Files of the kind "sales" cannot be imported yet.');
    const jobId = jobs.start('participants', file);
    jobs.cancel(jobId);
    now = 29 * 60 * 1000;
    jobs.start('participants', file);
    expect(jobs.status(jobId).state).toBe('cancelled');
    now = 31 * 60 * 1000;
    jobs.start('participants', file);
    expect(refusal(() => jobs.status(jobId)).code).toBe('NOT_FOUND');
  });
});

/** A runner that reads with the real pipeline, as the kinds do, and would write on commit. */
function readingRunner(log: { progress: [number, number][]; error: unknown }): ImportKindRunner {
  return {
    kind: 'participants',
    async prepare(context, input, _options, progress) {
      try {
        const table = await readImportTable(input, participantsImport, {
          locale: 'pl-PL',
          currencyDigits: 2,
          signal: progress.signal,
          onProgress: (rows, bytes) => {
            log.progress.push([rows, bytes]);
            progress.onProgress(rows, bytes);
          },
        });
        return {
          preview: previewOf(input, table.rowsRead),
          commit: () => {
            context.store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('written', 'yes')").run();
            return reportOf(input, table.rowsRead);
          },
        };
      } catch (error) {
        log.error = error;
        throw error;
      }
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('import jobs: reading a large file', () => {
  it.each([
    ['participants.csv', () => largeParticipantsCsv(400_000), 400_000],
    ['participants.xlsx', () => largeParticipantsXlsx(150_000), 150_000],
  ])('cancels the reading of %s promptly, ends cancelled and writes nothing', async (fileName, make, total) => {
    const log = { progress: [] as [number, number][], error: null as unknown };
    const jobs = createImportJobs(ctx, [readingRunner(log)]);
    const before = tableCounts(ctx);
    const bytes = make();
    const jobId = jobs.start('participants', { fileName, bytes });
    // Status polls are answered while it reads: the rows climb.
    await waitFor(() => jobs.status(jobId).rowsRead >= 5000);
    const cancelledAt = performance.now();
    expect(jobs.cancel(jobId).state).toBe('cancelled');
    const settled = await jobs.settled(jobId);
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    expect(settled.state).toBe('cancelled');
    expect(log.error).toBeInstanceOf(AppError);
    expect((log.error as AppError).code).toBe('CANCELLED');
    const lastRows = log.progress.at(-1)?.[0] ?? 0;
    expect(lastRows).toBeLessThan(total);
    expect(() => jobs.commit(jobId)).toThrow(/it is cancelled/);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it.each([
    ['participants.csv', () => largeParticipantsCsv(60_000), 60_001],
    ['participants.xlsx', () => largeParticipantsXlsx(60_000), 60_001],
  ])(
    'reports progress of %s that only grows, up to the whole file, while the event loop keeps turning',
    async (fileName, make, rows) => {
      const bytes = make();
      const progress: [number, number][] = [];
      let last = performance.now();
      let longestGap = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
      }, 5);
      try {
        const table = await readImportTable({ fileName, bytes }, participantsImport, {
          locale: 'pl-PL',
          currencyDigits: 2,
          onProgress: (r, b) => progress.push([r, b]),
        });
        expect(table.accepted).toHaveLength(rows - 1);
      } finally {
        clearInterval(ticker);
      }
      expect(progress.length).toBeGreaterThanOrEqual(50);
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
        expect(progress[i]![1]).toBeGreaterThanOrEqual(progress[i - 1]![1]);
      }
      expect(progress.at(-1)).toEqual([rows, bytes.byteLength]);
      // Loose, for a busy test machine (a few tens of milliseconds on an idle one): no stretch takes seconds.
      expect(longestGap).toBeLessThan(1500);
    },
  );
});
