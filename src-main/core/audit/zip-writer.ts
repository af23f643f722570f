// The package's zip, built as it is read: each file is pushed in pieces (a table of a million rows never exists as one
// string), hashed (SHA-256) and counted on the way, and the zip's bytes collected for one write at the end. Level 1
// deflate for text, stored as is for what is compressed already (an xlsx is a zip itself).
import { createHash, type Hash } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ManifestFile } from './audit-views';

/** One date for every entry: the same tables give the same zip. */
const MTIME = new Date('2000-01-01T00:00:00Z');

export interface ZipFileWriter {
  push(piece: string | Uint8Array): void;
  end(): ManifestFile;
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
    const entry = compress ? new ZipDeflate(path, { level: 1 }) : new ZipPassThrough(path);
    entry.mtime = MTIME;
    this.zip.add(entry);
    const hash: Hash = createHash('sha256');
    let size = 0;
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const bytes = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
      hash.update(bytes);
      size += bytes.byteLength;
      entry.push(bytes, false);
    };
    return {
      push: (piece) => {
        if (typeof piece === 'string') {
          pending.push(piece);
          pendingLength += piece.length;
          if (pendingLength >= 1 << 20) flush();
          return;
        }
        flush();
        hash.update(piece);
        size += piece.byteLength;
        entry.push(piece, false);
      },
      end: () => {
        flush();
        entry.push(new Uint8Array(0), true);
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
