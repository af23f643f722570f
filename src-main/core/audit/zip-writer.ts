// The package's zip, built as it is read: each file is pushed in pieces (a table of a million rows never exists as one
// string), hashed (SHA-256) and counted on the way, and the zip's bytes collected for one write at the end. fflate
// lays out the zip; the deflating is Node's own zlib at level 1, twice as fast as deflating in JavaScript: each piece
// is deflated on its own and ended with a sync flush, and an empty final block closes the entry, which together is
// one valid deflate stream (as parallel gzip tools make them). What is compressed already (an xlsx) is stored.
import { createHash, type Hash } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { ManifestFile } from './audit-views';

/** One date for every entry: the same tables give the same zip. */
const MTIME = new Date('2000-01-01T00:00:00Z');

/** Pieces handed to zlib are about this size; smaller ones are gathered first. */
const PIECE = 4 << 20;

export interface ZipFileWriter {
  push(piece: string | Uint8Array): void;
  end(): ManifestFile;
}

/** An entry deflated by zlib, piece by piece, for fflate's Zip. */
class NativeDeflate implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  readonly mtime = MTIME;
  ondata?: ZipInputFile['ondata'];
  constructor(readonly filename: string) {}

  push(piece: Uint8Array): void {
    this.size += piece.byteLength;
    this.crc = crc32(piece, this.crc);
    this.ondata!(null, deflateRawSync(piece, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }), false);
  }

  end(): void {
    this.ondata!(null, deflateRawSync(Buffer.alloc(0), { level: 1 }), true);
  }
}

export class PackageZip {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private error: Error | null = null;
  readonly files: ManifestFile[] = [];

  constructor() {
    this.zip = new Zip((err, data) => {
      if (err) this.error = err;
      else this.chunks.push(data);
    });
  }

  open(path: string, compress = true): ZipFileWriter {
    const deflate = compress ? new NativeDeflate(path) : null;
    const stored = compress ? null : new ZipPassThrough(path);
    if (stored) stored.mtime = MTIME;
    this.zip.add((deflate ?? stored)!);
    const hash: Hash = createHash('sha256');
    let size = 0;
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
        hash.update(bytes);
        size += bytes.byteLength;
        if (deflate) deflate.push(bytes);
        else stored!.push(bytes, false);
      }
      if (final) {
        if (deflate) deflate.end();
        else stored!.push(new Uint8Array(0), true);
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
        const file = { path, size, sha256: hash.digest('hex') };
        this.files.push(file);
        return file;
      },
    };
  }

  add(path: string, bytes: string | Uint8Array, compress = true): ManifestFile {
    const file = this.open(path, compress);
    file.push(bytes);
    return file.end();
  }

  /** The whole zip. */
  finish(): Buffer {
    this.zip.end();
    this.check();
    return Buffer.concat(this.chunks);
  }

  private check(): void {
    if (this.error) throw this.error;
  }
}
