// A thread whose replies are taken synchronously. The package's export and its verification run inside synchronous
// SQLite transactions (better-sqlite3), so the thread that waits cannot return to its event loop to hear a message:
// it takes each reply from a port of its own (receiveMessageOnPort), and sleeps on a shared counter that the other
// thread raises after each reply it posts (Atomics.wait), never spinning. A thread that dies is not heard of either
// (its exit comes through the event loop), so a long job beats a second counter as it reports progress, and a thread
// silent on both for STALL_MS is taken for dead.
import { withProgress } from '../progress';
import { workerBeside } from '../worker-file';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
  type TransferListItem,
} from 'node:worker_threads';

/**
 * What the thread is given, besides its own data: where to reply, and the counters (replies, beats) to raise; the
 * third counts what the waiting thread told it (`tell`, `heard`).
 */
export interface SyncWorkerData {
  port: MessagePort;
  signal: SharedArrayBuffer;
}

/** A thread silent this long (no reply, no progress) is taken for dead. */
const STALL_MS = 120_000;
/** How often the waiting thread looks at the beats while it sleeps. */
const LOOK_MS = 1_000;

export class SyncWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter: Int32Array;
  private received = 0;
  private sent = 0;
  private beats = 0;
  private heard = Date.now();

  /** `source` is a file, or the thread's code itself when `evaluate` (CommonJS text needing only Node's modules). */
  constructor(
    source: string,
    options: { evaluate?: boolean; data?: object; transfer?: TransferListItem[]; name: string; stallMs?: number },
    private readonly name = options.name,
    private readonly stallMs = options.stallMs ?? STALL_MS,
  ) {
    const signal = new SharedArrayBuffer(12);
    const { port1, port2 } = new MessageChannel();
    this.counter = new Int32Array(signal);
    this.port = port1;
    const workerData: SyncWorkerData & object = { ...(options.data ?? {}), port: port2, signal };
    this.worker = new Worker(source, {
      eval: options.evaluate === true,
      workerData,
      transferList: [port2, ...(options.transfer ?? [])],
    });
    // Never what keeps a process alive: close() ends it, and one left by a failure goes with the process.
    this.worker.unref();
    // A thread that dies (out of memory) is then taken for silent, and its work done here: its error event must not
    // end this process later, when the event loop delivers it.
    this.worker.on('error', () => undefined);
  }

  /** Messages sent and not yet answered. */
  get pending(): number {
    return this.sent - this.received;
  }

  /** Sends a message that the thread answers with exactly one reply. */
  post(message: unknown, transfer: TransferListItem[] = []): void {
    this.port.postMessage(message, transfer);
    this.sent++;
  }

  /** Sends the thread something it takes as it needs it (`heard`), with no reply: its work's input, piece by piece. */
  tell(message: unknown, transfer: TransferListItem[] = []): void {
    this.port.postMessage(message, transfer);
    Atomics.add(this.counter, 2, 1);
    Atomics.notify(this.counter, 2);
  }

  /** Counts a reply the thread sends unasked (an answer to what it was given at its start). */
  expect(): void {
    this.sent++;
  }

  /** The next reply, waiting for it. */
  next<T>(): T {
    if (this.pending === 0) throw new Error(`nothing is waiting for the ${this.name} thread`);
    this.heard = Date.now();
    for (;;) {
      const found = receiveMessageOnPort(this.port);
      if (found) {
        this.received++;
        return found.message as T;
      }
      // The counter counts replies posted; while it equals those taken, the next one is still being made.
      if (Atomics.wait(this.counter, 0, this.received, LOOK_MS) !== 'timed-out') continue;
      const beats = Atomics.load(this.counter, 1);
      if (beats !== this.beats) {
        this.beats = beats;
        this.heard = Date.now();
      } else if (Date.now() - this.heard > this.stallMs)
        throw new Error(`the ${this.name} thread gave no sign in ${this.stallMs / 1000} s`);
    }
  }

  /** Stops the thread where it is. */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** Lets the thread end by itself (it has replied, and frees what it holds before it ends). */
  release(): void {
    this.port.close();
  }
}

/** A thread started for one answer: what it replied, or null when it failed (the caller then does the work itself). */
export interface OneReply<T> {
  /** Gives the thread more of its input (SyncWorker.tell). */
  tell(message: unknown): void;
  /** The answer, waiting for it; the thread is then left to free what it holds and end. */
  take(): T | null;
  /** Stops the thread if its answer was never taken (the caller failed first). */
  close(): void;
}

/** Starts a thread of the CLI's bundle that answers once with `{ error }` or its result; null without the file. */
export function startForOneReply<T>(fileName: string | null, name: string, data: object): OneReply<T> | null {
  if (fileName === null) return null;
  const file = workerBeside(fileName);
  if (file === null) return null;
  const thread = new SyncWorker(file, { name, data });
  thread.expect();
  let ended = false;
  return {
    tell: (message) => {
      if (!ended) thread.tell(message);
    },
    take: () => {
      ended = true;
      let reply: T | { error: string };
      try {
        reply = thread.next<T | { error: string }>();
      } catch {
        thread.close();
        return null;
      }
      // It frees what it holds after replying, and then ends: stopping it here would leave that memory taken.
      thread.release();
      return typeof (reply as { error?: unknown }).error === 'string' ? null : (reply as T);
    },
    close: () => {
      if (!ended) thread.close();
      ended = true;
    },
  };
}

/** The thread's side: runs `work` beating the second counter at each progress it reports, so it is known alive. */
export function beating<T>(data: SyncWorkerData, work: () => T): T {
  const counter = new Int32Array(data.signal);
  return withProgress(() => Atomics.add(counter, 1, 1), work);
}

/**
 * The thread's side: the next message the other thread told it, waiting for it. Nothing is given up on here: the
 * other thread stops this one (close) when it fails before it has told all.
 */
export function heard<T>(data: SyncWorkerData): () => T {
  const counter = new Int32Array(data.signal);
  let taken = 0;
  return () => {
    for (;;) {
      const found = receiveMessageOnPort(data.port);
      if (found) {
        taken++;
        return found.message as T;
      }
      Atomics.wait(counter, 2, taken, LOOK_MS);
    }
  };
}

/** The thread's side: posts a reply to the waiting thread and wakes it. */
export function replyTo(data: SyncWorkerData): (reply: unknown, transfer?: TransferListItem[]) => void {
  const counter = new Int32Array(data.signal);
  return (reply, transfer = []) => {
    data.port.postMessage(reply, transfer);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
}
