// Reading a large file takes seconds, in the Electron main process or the web server, where
// the same event loop answers the operator's status polls and a cancel. The readers count
// their rows here: now and then they report progress, stop if the import was cancelled, and
// give the event loop a turn, so that no stretch of reading holds it for long.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../app-error';

export interface ReadProgress {
  /** Aborted when the operator cancels: reading stops with a CANCELLED AppError. */
  signal?: AbortSignal;
  /** Rows read from the file so far (all rows, above and under the header) and bytes of the file consumed. */
  onProgress?: (rowsRead: number, bytesRead: number) => void;
}

/** Rows between two checkpoints: a few milliseconds of work each. */
const CHECKPOINT_ROWS = 1000;
/** Time the loop may be held before the readers give it a turn. */
const SLICE_MS = 12;

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The import was cancelled; nothing was written.');
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

export class ReadPacer {
  private rows = 0;
  private lastReportedBytes = 0;
  private sliceStart = performance.now();

  constructor(
    private readonly progress: ReadProgress,
    /** Bytes of the file consumed so far, or an estimate of them; read at each checkpoint. */
    private readonly bytesRead: () => number,
  ) {}

  get rowsRead(): number {
    return this.rows;
  }

  /** Counts a row; true when a checkpoint is due, so that the caller awaits `checkpoint()` only then. */
  countRow(): boolean {
    this.rows++;
    return this.rows % CHECKPOINT_ROWS === 0;
  }

  /** Stops on cancel, reports progress, and yields to the event loop if the slice is used up. */
  async checkpoint(): Promise<void> {
    throwIfCancelled(this.progress.signal);
    this.report();
    if (performance.now() - this.sliceStart >= SLICE_MS) {
      await nextTurn();
      this.sliceStart = performance.now();
      throwIfCancelled(this.progress.signal);
    }
  }

  /** Reports the current counts; bytes never go backwards, whatever an estimate says. */
  report(bytes = this.bytesRead()): void {
    this.lastReportedBytes = Math.max(this.lastReportedBytes, bytes);
    this.progress.onProgress?.(this.rows, this.lastReportedBytes);
  }
}
