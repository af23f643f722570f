// The main thread's side of xlsx-row-worker.mjs: finds a reader thread, feeds it the stored
// zip when it asks, and hands its messages over one at a time. A failure on this side (a part
// that fails its checks, a cancel) or the worker's own ends the read at once: whoever waits
// for the next message gets the error, and the worker is stopped.
//
// Starting a thread and loading exceljs in it costs 0.3-0.4 s (under tsx), which every import
// paid inside its own time while a thread was started for each. So a thread whose read ended
// cleanly ('done') is kept as the one idle reader for the next import; prewarmXlsxRowWorker()
// starts one ahead of the first. The idle thread is unref'd, so that it never keeps a CLI or a
// test process alive, and ref'd again while it reads. A thread whose read failed, was cancelled
// or was left part way is stopped, never kept: its exceljs may be anywhere in the file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findProjectRoot, outsideAsar } from '../../../db/project-paths';
import {
  XLSX_ROW_WORKER,
  type RowWorkerCommand,
  type RowWorkerMessage,
  type SheetDamageReport,
} from './xlsx-row-worker.mjs';

// Bytes handed over per request: the worker asks again well before it runs dry. A quarter of a
// megabyte is as fast as a megabyte, and less of the file is in flight at once.
const DELIVERY_BYTES = 256 * 1024;

const WORKER_FILE = 'xlsx-row-worker.mjs';

/**
 * The worker's file: next to this module under tsx and vitest; in the sources from the
 * Electron bundle (out/main), which leaves the file where it is; in a packaged app, the copy
 * unpacked beside app.asar (electron-builder.config.mjs).
 */
export function rowWorkerFile(moduleUrl: string = import.meta.url): string {
  const beside = fileURLToPath(new URL(`./${WORKER_FILE}`, moduleUrl));
  if (existsSync(beside)) return beside;
  return outsideAsar(join(findProjectRoot(), 'src-main', 'core', 'import', 'read', WORKER_FILE));
}

function startWorker(): Worker {
  // A larger young generation than the default keeps exceljs's short-lived rows out of full
  // collections. Since exceljs parses 16 KB of XML at a time (RowBatchBuilder), 16 MB would
  // do almost as well, some 10 MB lower; 32 MB is a little faster, and the import's peak stays
  // well under its target (BENCHMARKS.md).
  return new Worker(rowWorkerFile(), {
    workerData: { role: XLSX_ROW_WORKER },
    resourceLimits: { maxYoungGenerationSizeMb: 32 },
  });
}

// A stopped worker may still report an error on its way out: with no listener, that would throw.
const ignore = (): void => undefined;

function stopWorker(worker: Worker): void {
  worker.on('error', ignore);
  void worker.terminate();
}

/** The one idle reader, waiting for the next import; `gone` empties the slot if it dies meanwhile. */
let idle: { worker: Worker; gone: () => void } | null = null;

/** Keeps the worker as the idle reader; false when there is one already (or the thread is gone). */
function keepIdle(worker: Worker): boolean {
  if (idle !== null || worker.threadId < 0) return false;
  const gone = (): void => {
    if (idle?.worker !== worker) return;
    idle = null;
    worker.off('error', gone);
    worker.off('exit', gone);
    stopWorker(worker);
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  worker.unref();
  idle = { worker, gone };
  return true;
}

/** The idle reader, out of its slot (its listeners removed), if there is one still running. */
function takeIdle(): Worker | null {
  const kept = idle;
  if (kept === null) return null;
  idle = null;
  kept.worker.off('error', kept.gone);
  kept.worker.off('exit', kept.gone);
  // Gone, though its 'exit' has not been heard yet.
  if (kept.worker.threadId < 0) {
    stopWorker(kept.worker);
    return null;
  }
  return kept.worker;
}

/**
 * Starts the idle reader ahead of the first import, unless there is one; cheap to call again.
 * Never throws: a thread that cannot start is left to the first read to report.
 */
export function prewarmXlsxRowWorker(): void {
  if (idle !== null) return;
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return;
  }
  if (!keepIdle(worker)) stopWorker(worker);
}

/** Stops the idle reader, if there is one (shutdown, tests); a read under way is left alone. */
export async function stopIdleXlsxRowWorker(): Promise<void> {
  const worker = takeIdle();
  if (worker === null) return;
  worker.on('error', ignore);
  await worker.terminate();
}

/** The idle reader, or null when there is none: for tests and diagnostics, never to be posted to. */
export function idleXlsxRowWorker(): Worker | null {
  return idle?.worker ?? null;
}

type WorkerOutput = Exclude<RowWorkerMessage, { type: 'need' }>;

/** One workbook read by a reader thread: the idle one if there is one, else a new one. */
export class XlsxRowWorker {
  private readonly worker: Worker;
  /** The reading thread's id, as worker_threads numbers it. */
  readonly threadId: number;
  private readonly queue: WorkerOutput[] = [];
  private waiter: { resolve: (message: WorkerOutput) => void; reject: (error: unknown) => void } | null = null;
  private failure: { error: unknown } | null = null;
  private feeding = false;
  private asked = false;
  /** The worker said 'done', or the read was closed: nothing more is sent to it. */
  private finished = false;
  /** The worker is no longer this read's: kept idle, or stopped. */
  private closed = false;

  // This read's listeners, removed when it ends: the next read of a kept thread has its own.
  private readonly onMessage = (message: RowWorkerMessage): void => {
    if (message.type === 'need') void this.feed();
    else if (message.type === 'failed') this.fail(this.workerError(message.message, message.damage));
    else this.deliver(message);
  };
  private readonly onError = (error: Error): void => this.fail(this.workerError(error.message));
  private readonly onExit = (): void => this.fail(this.workerError('the reader stopped'));

  constructor(
    private readonly input: AsyncIterator<Buffer>,
    /**
     * Turns the worker's own failure (the XML of a sheet is damaged, exceljs could not read a part) into the error to
     * throw.
     */
    private readonly workerError: (message: string, damage?: SheetDamageReport) => unknown,
  ) {
    this.worker = takeIdle() ?? startWorker();
    this.threadId = this.worker.threadId;
    // Kept idle it was unref'd; while it reads, it keeps the process alive as any read would.
    this.worker.ref();
    this.worker.on('message', this.onMessage);
    this.worker.on('error', this.onError);
    this.worker.on('exit', this.onExit);
    this.worker.postMessage({ type: 'start' } satisfies RowWorkerCommand);
  }

  /** The worker's next message; rejects once anything failed. */
  next(): Promise<WorkerOutput> {
    if (this.failure) return Promise.reject(this.failure.error);
    const message = this.queue.shift();
    if (message) return Promise.resolve(message);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  send(command: RowWorkerCommand, transfer?: ArrayBuffer[]): void {
    if (!this.failure && !this.finished) this.worker.postMessage(command, transfer);
  }

  /** Ends the read with this error: the waiting reader gets it, the worker is stopped. */
  fail(error: unknown): void {
    if (this.failure || this.finished) return;
    this.failure = { error };
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(error);
    this.stop();
  }

  /** Ends the read: a worker that has not said 'done' is stopped (it was kept on 'done'); idempotent. */
  close(): void {
    this.finished = true;
    this.stop();
  }

  private detach(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
  }

  private stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    stopWorker(this.worker);
  }

  /** The read ended cleanly: the worker waits for the next 'start', kept as the idle reader if the slot is free. */
  private release(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    if (!keepIdle(this.worker)) stopWorker(this.worker);
  }

  private deliver(message: WorkerOutput): void {
    if (message.type === 'done') {
      this.finished = true;
      this.release();
    }
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = null;
      waiter.resolve(message);
    } else this.queue.push(message);
  }

  /** Hands the worker the next bytes of the stored zip; one delivery at a time, as asked. */
  private async feed(): Promise<void> {
    this.asked = true;
    if (this.feeding) return;
    this.feeding = true;
    try {
      while (this.asked && !this.failure && !this.finished) {
        this.asked = false;
        await this.deliverBytes();
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.feeding = false;
    }
  }

  private async deliverBytes(): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    while (size < DELIVERY_BYTES) {
      const step = await this.input.next();
      if (step.done) {
        ended = true;
        break;
      }
      chunks.push(step.value);
      size += step.value.length;
    }
    if (size > 0) {
      // A buffer of its own, so that it can be moved to the worker rather than copied.
      const bytes = Buffer.allocUnsafeSlow(size);
      let at = 0;
      for (const chunk of chunks) at += chunk.copy(bytes, at);
      const buffer = bytes.buffer as ArrayBuffer;
      this.send({ type: 'bytes', bytes: buffer }, [buffer]);
    }
    if (ended) this.send({ type: 'end' });
  }
}
