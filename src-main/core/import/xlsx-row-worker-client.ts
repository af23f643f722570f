// The main thread's side of xlsx-row-worker.mjs: starts the worker, feeds it the stored zip
// when it asks, and hands its messages over one at a time. A failure on this side (a part
// that fails its checks, a cancel) or the worker's own ends the read at once: whoever waits
// for the next message gets the error, and the worker is stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findProjectRoot } from '../../db/project-paths';
import { XLSX_ROW_WORKER, type RowWorkerCommand, type RowWorkerMessage } from './xlsx-row-worker.mjs';

// Bytes handed over per request: fewer, larger messages; the worker asks again well before it runs dry.
const DELIVERY_BYTES = 1024 * 1024;

const WORKER_FILE = 'xlsx-row-worker.mjs';

/**
 * The worker's file: next to this module under tsx and vitest; in the sources from the
 * Electron bundle (out/main), which leaves the file where it is.
 */
export function rowWorkerFile(moduleUrl: string = import.meta.url): string {
  const beside = fileURLToPath(new URL(`./${WORKER_FILE}`, moduleUrl));
  if (existsSync(beside)) return beside;
  return join(findProjectRoot(), 'src-main', 'core', 'import', WORKER_FILE);
}

type WorkerOutput = Exclude<RowWorkerMessage, { type: 'need' }>;

export class XlsxRowWorker {
  private readonly worker: Worker;
  private readonly queue: WorkerOutput[] = [];
  private waiter: { resolve: (message: WorkerOutput) => void; reject: (error: unknown) => void } | null = null;
  private failure: { error: unknown } | null = null;
  private feeding = false;
  private asked = false;
  private finished = false;
  private closed = false;

  constructor(
    private readonly input: AsyncIterator<Buffer>,
    /** Turns the worker's own failure (exceljs could not parse the XML) into the error to throw. */
    private readonly workerError: (message: string) => unknown,
  ) {
    // A larger young generation than the default keeps exceljs's short-lived rows out of full
    // collections (with the default they took 4 s); 32 MB is as fast as 64 MB on the 200,000-row
    // benchmark and holds the process's peak about 80 MB lower (BENCHMARKS.md); 16 MB is slower.
    this.worker = new Worker(rowWorkerFile(), { workerData: { role: XLSX_ROW_WORKER }, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
    this.worker.on('message', (message: RowWorkerMessage) => {
      if (message.type === 'need') void this.feed();
      else if (message.type === 'failed') this.fail(this.workerError(message.message));
      else this.deliver(message);
    });
    this.worker.on('error', (error) => this.fail(this.workerError(error.message)));
    this.worker.on('exit', () => {
      if (!this.finished) this.fail(this.workerError('the reader stopped'));
    });
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
    this.closed = true;
    void this.worker.terminate();
  }

  /** Stops the worker, whether or not it finished; idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.finished = true;
    void this.worker.terminate();
  }

  private deliver(message: WorkerOutput): void {
    if (message.type === 'done') this.finished = true;
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
      while (this.asked && !this.failure) {
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
