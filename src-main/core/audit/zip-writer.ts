// The package's zip, built as it is read: each file is pushed in pieces (a table of a million rows never exists as one
// string), hashed (SHA-256) and counted on the way, and the zip's bytes collected for one write at the end. fflate
// lays out the zip; the deflating is Node's own zlib at level 1, twice as fast as deflating in JavaScript: each piece
// is deflated on its own and ended with a sync flush, and an empty final block closes the entry, which together is
// one valid deflate stream (as parallel gzip tools make them). What is compressed already (an xlsx) is stored.
// The deflating and hashing run in a thread of their own (zip-deflate-thread.ts), a few pieces behind the rows.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { ManifestFile } from './audit-views';
import { DeflateThread, type DeflateReply } from './zip-deflate-thread';

/** One date for every entry: the same tables give the same zip. */
const MTIME = new Date('2000-01-01T00:00:00Z');

/** Pieces handed to zlib are about this size; smaller ones are gathered first. */
const PIECE = 4 << 20;

export interface ZipFileWriter {
  push(piece: string | Uint8Array): void;
  end(): void;
}

/** An entry whose deflated pieces come back from the deflate thread, for fflate's Zip. */
class NativeDeflate implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  readonly mtime = MTIME;
  ondata?: ZipInputFile['ondata'];
  constructor(readonly filename: string) {}
}

/** Pieces sent to the thread and not yet answered, at most: about 32 MB of rows held in memory ahead of the zip. */
const IN_FLIGHT = 8;

interface OpenFile {
  path: string;
  size: number;
  deflate: NativeDeflate | null;
  stored: ZipPassThrough | null;
  hash: ReturnType<typeof createHash> | null;
  sha256: string | null;
}

export class PackageZip {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private error: Error | null = null;
  private thread: DeflateThread | null = null;
  private readonly open_: OpenFile[] = [];

  constructor() {
    this.zip = new Zip((err, data) => {
      if (err) this.error = err;
      else this.chunks.push(data);
    });
  }

  /** Every file written so far with its size and SHA-256, in the zip's order (waits for the thread's last replies). */
  get files(): ManifestFile[] {
    this.drain(0);
    return this.open_.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256! }));
  }

  open(path: string, compress = true): ZipFileWriter {
    const id = this.open_.length;
    const deflate = compress ? new NativeDeflate(path) : null;
    const stored = compress ? null : new ZipPassThrough(path);
    if (stored) stored.mtime = MTIME;
    const file: OpenFile = {
      path,
      size: 0,
      deflate,
      stored,
      hash: compress ? null : createHash('sha256'),
      sha256: null,
    };
    this.open_.push(file);
    this.zip.add((deflate ?? stored)!);
    let pending: (string | Uint8Array)[] = [];
    let pendingLength = 0;
    const flush = (final: boolean) => {
      const bytes =
        pending.length === 1 && typeof pending[0] !== 'string'
          ? pending[0]!
          : Buffer.concat(pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
      pending = [];
      pendingLength = 0;
      if (bytes.byteLength > 0) {
        file.size += bytes.byteLength;
        if (deflate) {
          deflate.size += bytes.byteLength;
          deflate.crc = crc32(bytes, deflate.crc);
          this.send(id, bytes);
        } else {
          // A stored entry goes to the zip at once, so what the thread still holds of earlier entries goes first.
          this.drain(0);
          file.hash!.update(bytes);
          stored!.push(bytes, false);
        }
      }
      if (final) {
        if (deflate) {
          this.drain(IN_FLIGHT - 1);
          this.threadOf().end(id, true);
        } else {
          stored!.push(new Uint8Array(0), true);
          file.sha256 = file.hash!.digest('hex');
        }
      }
    };
    return {
      push: (piece) => {
        pending.push(piece);
        pendingLength += piece.length;
        if (pendingLength >= PIECE) flush(false);
      },
      end: () => {
        flush(true);
        this.check();
      },
    };
  }

  add(path: string, bytes: string | Uint8Array, compress = true): void {
    const file = this.open(path, compress);
    file.push(bytes);
    file.end();
  }

  /** The whole zip. */
  finish(): Buffer {
    try {
      this.drain(0);
      this.zip.end();
      this.check();
      return Buffer.concat(this.chunks);
    } finally {
      this.close();
    }
  }

  /** Stops the deflate thread; for an export that fails half way (finish does it otherwise). */
  close(): void {
    this.thread?.close();
    this.thread = null;
  }

  private threadOf(): DeflateThread {
    this.thread ??= new DeflateThread();
    return this.thread;
  }

  private send(id: number, bytes: Uint8Array): void {
    this.drain(IN_FLIGHT - 1);
    this.threadOf().send(id, bytes, true);
  }

  /** Takes the thread's replies, in order, into the zip until at most `left` are outstanding. */
  private drain(left: number): void {
    const thread = this.thread;
    while (thread && thread.pending > left) this.take(thread.next());
    this.check();
  }

  private take(reply: DeflateReply): void {
    const file = this.open_[reply.file]!;
    if (reply.out) file.deflate!.ondata!(null, reply.out, reply.end === true);
    if (reply.end) file.sha256 = reply.sha256!;
  }

  private check(): void {
    if (this.error) throw this.error;
  }
}
