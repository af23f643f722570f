// The parts of a workbook, unpacked once, checked as they stream, and handed to exceljs's
// streaming reader as a zip of stored (uncompressed) records:
// - every part is unpacked here and only here, so that its real size and checksum are
//   checked in the same single pass that the reader reads: a directory that lies about a
//   size, data that is corrupt, or a part that unpacks past the limit (a zip bomb) stops the
//   read with one clear sentence, after at most the limit has been unpacked, a chunk at a time;
// - the XML is checked for declared entities and gigantic text runs (xml-part-guard.ts)
//   before the reader's parser sees it;
// - the parts come in the order the reader needs them (workbook, relationships, shared
//   strings, styles, then the sheets in tab order), under the names it expects, so that it
//   reads every sheet in place rather than parking it in a temporary file.
// A stored record tells the reader its size up front; the data that follows is exactly that
// size or the stream fails.
import { crc32, createInflateRaw } from 'node:zlib';
import { AppError } from '../../app-error';
import { throwIfCancelled } from './read-progress';
import { damaged, type ZipEntry } from './read-zip-directory';
import { formatByteSize } from './import-limits';
import { XmlPartGuard } from './xml-part-guard';

export interface RepackPart {
  /** The name the reader will see, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** The part in the client's zip, or null for a part made up here (an empty shared-strings list). */
  entry: ZipEntry | null;
  /** Text for a made-up part. */
  text?: string;
}

export interface RepackOptions {
  fileName: string;
  maxUnpackedBytes: number;
  maxTextRunBytes: number;
  maxCellChars: number;
  signal?: AbortSignal;
  /** Bytes of the client's file read so far, for progress: an estimate, scaled to the file's size. */
  onBytes?: (bytesRead: number) => void;
}

// Compressed bytes handed to zlib at a time, and the size of what it hands back. Not small:
// zlib hands back one chunk per turn of the event loop, and the main thread, busy judging
// rows, turns the loop only every few milliseconds while the reader's worker waits for the
// bytes. Not large either: each chunk is a buffer of its own until a collection frees it, and
// at 1 MB they held the benchmark's peak some 25 MB higher (BENCHMARKS.md).
const FEED_BYTES = 256 * 1024;
const OUTPUT_CHUNK = 256 * 1024;
const UTF8_NAMES = 0x0800;

function localHeader(name: string, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(/[^\x20-\x7e]/.test(name) ? UTF8_NAMES : 0, 6);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

function endOfDirectory(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
}

function tooLarge(fileName: string, limit: number, part: string): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `The workbook "${fileName}" unpacks to more than ${formatByteSize(limit)}, over the import limit; it was not imported.`,
    {
      part,
      maxUnpackedBytes: limit,
    },
  );
}

/** Unpacks a deflated part chunk by chunk, feeding zlib only as fast as the chunks are taken. */
export async function* inflateChunks(data: Buffer, fileName: string, partName: string): AsyncGenerator<Buffer> {
  const inflate = createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  let fed = 0;
  const feed = (): void => {
    while (fed < data.length) {
      const end = Math.min(fed + FEED_BYTES, data.length);
      const more = inflate.write(data.subarray(fed, end));
      fed = end;
      if (!more) {
        inflate.once('drain', feed);
        return;
      }
    }
    inflate.end();
  };
  feed();
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) yield chunk;
  } catch {
    throw damaged(fileName, `the part "${partName}" does not unpack`);
  } finally {
    inflate.destroy();
  }
}

/**
 * The stored zip the reader reads: each part's local record (sizes from the client's
 * directory, checked against what really unpacks), its unpacked data, and an end record.
 */
export async function* repackZipParts(
  bytes: Uint8Array,
  parts: readonly RepackPart[],
  options: RepackOptions,
): AsyncGenerator<Buffer> {
  const { fileName, maxUnpackedBytes, signal } = options;
  const totalCompressed = parts.reduce((sum, p) => sum + (p.entry?.compressedSize ?? 0), 0);
  let compressedDone = 0;
  let unpackedTotal = 0;
  const report = (compressed: number) =>
    options.onBytes?.(
      totalCompressed > 0
        ? Math.floor((bytes.byteLength * Math.min(compressed, totalCompressed)) / totalCompressed)
        : 0,
    );
  for (const part of parts) {
    throwIfCancelled(signal);
    const guard = new XmlPartGuard(fileName, part.name, options.maxTextRunBytes, options.maxCellChars);
    if (!part.entry) {
      const data = Buffer.from(part.text ?? '', 'utf8');
      guard.check(data);
      yield localHeader(part.name, data.length, crc32(data));
      yield data;
      continue;
    }
    const entry = part.entry;
    if (entry.encrypted) throw damaged(fileName, `the part "${entry.name}" is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw damaged(fileName, `the part "${entry.name}" uses an unknown compression`);
    const declared = entry.uncompressedSize;
    if (unpackedTotal + declared > maxUnpackedBytes) throw tooLarge(fileName, maxUnpackedBytes, entry.name);
    if (declared > 0xffffffff) throw tooLarge(fileName, 0xffffffff, entry.name);
    yield localHeader(part.name, declared, entry.crc32);
    const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
    const chunks = entry.method === 0 ? storedChunks(data) : inflateChunks(data, fileName, entry.name);
    let size = 0;
    let crc = 0;
    for await (const chunk of chunks) {
      throwIfCancelled(signal);
      size += chunk.length;
      // More than the directory said: the reader was promised `declared` bytes, and a part
      // that keeps growing is how a zip bomb hides from a check of the directory.
      if (size > declared) throw damaged(fileName, `the part "${entry.name}" unpacks to more than its directory says`);
      crc = crc32(chunk, crc);
      guard.check(chunk);
      report(compressedDone + (declared > 0 ? (entry.compressedSize * size) / declared : entry.compressedSize));
      yield chunk;
    }
    if (size !== declared || crc >>> 0 !== entry.crc32 >>> 0)
      throw damaged(fileName, `the part "${entry.name}" is corrupt`);
    unpackedTotal += size;
    compressedDone += entry.compressedSize;
    report(compressedDone);
  }
  yield endOfDirectory();
}

/** A stored part in the chunks an unpacked one comes in. */
export async function* storedChunks(data: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += OUTPUT_CHUNK)
    yield data.subarray(at, Math.min(at + OUTPUT_CHUNK, data.length));
}
