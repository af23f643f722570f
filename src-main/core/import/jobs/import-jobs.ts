// Imports run as jobs so that the UI can show progress, cancel, preview and then commit:
// `start` reads and judges the file in the background (the reading is asynchronous and
// yields between chunks), `status` is polled, `commit` writes in one transaction. The
// same runner serves Electron's IPC, the web bridge and the CLI, so no transport needs
// events. Jobs live in memory only: nothing of an uncommitted job is ever written.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../app-error';
import { databaseBusyError, isDatabaseBusy } from '../../../db/database-busy';
import type { CoreContext } from '../../context';
import type { ImportFile } from './import-pipeline';
import type { ImportJobStatus, ImportKind, ImportReport } from '../report/import-report';
import type { ImportKindRunner, ImportOptions, PreparedImport } from './import-job-types';

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
  prepared: PreparedImport | null;
  done: Promise<void>;
  finishedAt: number | null;
}

/** Jobs kept after they end, so that a late `status` call still finds its result. */
const KEEP_FINISHED_MS = 30 * 60 * 1000;

export interface ImportJobs {
  start(kind: ImportKind, file: ImportFile, options?: ImportOptions): string;
  status(jobId: string): ImportJobStatus;
  /** Resolves once the job has left the reading state. */
  settled(jobId: string): Promise<ImportJobStatus>;
  cancel(jobId: string): ImportJobStatus;
  commit(jobId: string): ImportReport;
}

export function createImportJobs(
  ctx: CoreContext,
  runners: readonly ImportKindRunner[],
  clock: () => number = Date.now,
): ImportJobs {
  const jobs = new Map<string, Job>();
  const byKind = new Map(runners.map((r) => [r.kind, r]));

  const forget = () => {
    const now = clock();
    for (const [id, job] of jobs)
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  };

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', 'That import is no longer open; choose the file again.', { jobId });
    return job;
  };

  const snapshot = (job: Job): ImportJobStatus => ({ ...job.status });

  return {
    start(kind, file, options = {}) {
      forget();
      const runner = byKind.get(kind);
      if (!runner) throw new AppError('INVALID_INPUT', `Files of the kind "${kind}" cannot be imported yet.`);
      const jobId = randomUUID();
      const controller = new AbortController();
      const job: Job = {
        status: {
          jobId,
          kind,
          fileName: file.fileName,
          state: 'reading',
          rowsRead: 0,
          bytesRead: 0,
          totalBytes: file.bytes.byteLength,
          preview: null,
          report: null,
          error: null,
        },
        controller,
        prepared: null,
        done: Promise.resolve(),
        finishedAt: null,
      };
      jobs.set(jobId, job);
      const progress = {
        signal: controller.signal,
        onProgress(rowsRead: number, bytesRead: number) {
          job.status.rowsRead = rowsRead;
          job.status.bytesRead = bytesRead;
        },
      };
      job.done = runner
        .prepare(ctx, file, options, progress)
        .then((prepared) => {
          if (job.status.state !== 'reading') {
            // Cancelled while it was finishing: nobody will commit it.
            prepared.discard?.();
            return;
          }
          job.prepared = prepared;
          job.status.preview = prepared.preview;
          job.status.rowsRead = prepared.preview.rowsRead;
          job.status.bytesRead = job.status.totalBytes;
          job.status.state = 'ready';
        })
        .catch((error: unknown) => {
          if (job.status.state !== 'reading') return;
          job.status.state = 'failed';
          job.status.error = toJobError(error);
          job.finishedAt = clock();
        });
      return jobId;
    },

    status: (jobId) => snapshot(find(jobId)),

    async settled(jobId) {
      const job = find(jobId);
      await job.done;
      return snapshot(job);
    },

    cancel(jobId) {
      const job = find(jobId);
      if (job.status.state === 'reading' || job.status.state === 'ready') {
        job.controller.abort();
        job.status.state = 'cancelled';
        job.prepared?.discard?.();
        job.prepared = null;
        job.finishedAt = clock();
      }
      return snapshot(job);
    },

    commit(jobId) {
      const job = find(jobId);
      if (job.status.state === 'committed' && job.status.report) return job.status.report;
      if (job.status.state !== 'ready' || !job.prepared) {
        throw new AppError('IMPORT_NOT_READY', `This import cannot be committed: it is ${job.status.state}.`, {
          state: job.status.state,
        });
      }
      job.status.state = 'committing';
      try {
        const report = job.prepared.commit();
        job.status.report = report;
        job.status.state = 'committed';
        return report;
      } catch (error) {
        // A refused commit wrote nothing; the preview stays, so the operator can see why.
        job.status.state = 'ready';
        throw error;
      } finally {
        job.finishedAt = clock();
      }
    },
  };
}

function toJobError(error: unknown): ImportJobStatus['error'] {
  if (error instanceof AppError) return error.toData();
  if (isDatabaseBusy(error)) return databaseBusyError().toData();
  console.error('Unexpected error while reading an import:', error);
  return {
    code: 'INTERNAL',
    message: 'The file could not be read because of an error inside Loyalty Desk; nothing was written.',
  };
}
