// A second core for the package's zip: the deflating and the SHA-256 of each file run in a thread of their own while
// this one has SQLite write the next rows (on a year's package, ~4.5 s of the ~17 s of CPU moved off the main path).
// The export runs inside one synchronous read transaction, so the replies are taken synchronously (sync-worker.ts).
// The thread's code needs nothing but Node's own modules, so it is started from source text (eval): the same in the
// CLI's bundle, the app's, and under tsx or vitest, with no entry file of its own to build and find.
import { SyncWorker } from './sync-worker';

const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const { constants, deflateRawSync } = require('node:zlib');
const { createHash } = require('node:crypto');
const { port, signal } = workerData;
const counter = new Int32Array(signal);
const hashes = new Map();
const own = (b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
port.on('message', (m) => {
  let reply;
  try {
    let hash = hashes.get(m.file);
    if (!hash) hashes.set(m.file, (hash = createHash('sha256')));
    if (m.end) {
      hashes.delete(m.file);
      const out = m.deflate ? deflateRawSync(Buffer.alloc(0), { level: 1 }) : null;
      reply = { file: m.file, end: true, out, sha256: hash.digest('hex') };
    } else {
      const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
      hash.update(bytes);
      const out = m.deflate ? deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }) : null;
      reply = { file: m.file, end: false, out };
    }
  } catch (error) {
    reply = { file: m.file, error: String((error && error.message) || error) };
  }
  port.postMessage(reply, reply.out && own(reply.out) ? [reply.out.buffer] : []);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
`;

/** What the thread answers for each piece, in the order the pieces were sent. */
export interface DeflateReply {
  file: number;
  end?: boolean;
  out?: Uint8Array<ArrayBuffer> | null;
  sha256?: string;
  error?: string;
}

export class DeflateThread {
  private readonly thread = new SyncWorker(THREAD_SOURCE, { evaluate: true, name: "zip's deflate" });

  /** Pieces sent and not yet answered. */
  get pending(): number {
    return this.thread.pending;
  }

  /**
   * Hands a piece over; `bytes` is moved (not copied) when it is a buffer of its own, so the caller must not use it
   * again.
   */
  send(file: number, bytes: Uint8Array, deflate: boolean): void {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.byteLength >= 65_536;
    this.thread.post({ file, bytes, deflate }, own ? [bytes.buffer as ArrayBuffer] : []);
  }

  end(file: number, deflate: boolean): void {
    this.thread.post({ file, end: true, deflate });
  }

  /** The next reply, waiting for it. */
  next(): DeflateReply {
    const reply = this.thread.next<DeflateReply>();
    if (reply.error !== undefined) throw new Error(`the zip's deflate thread failed: ${reply.error}`);
    return reply;
  }

  close(): void {
    this.thread.close();
  }
}
