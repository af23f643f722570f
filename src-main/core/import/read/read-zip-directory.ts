// The central directory of a zip (an .xlsx is one), read from the bytes before any
// unpacking: it tells at once whether the file is whole (a truncated download loses the
// directory at its end), whether it is a workbook, and how large it claims to unpack.
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../app-error';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the part's local record starts, and where the next record (or the directory) starts. */
  localOffset: number;
  recordEnd: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function damaged(fileName: string, why: string): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    `The file "${fileName}" is damaged and cannot be read (${why}); ask the client to send it again.`,
    { why },
  );
}

function u64(view: DataView, at: number): number {
  // Offsets and sizes above 2^53 do not occur in files we accept (they are far over the limits).
  return Number(view.getBigUint64(at, true));
}

/** Reads the zip's directory; refuses a truncated or damaged zip with FILE_UNREADABLE. */
export function readZipDirectory(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.byteLength;
  let eocd = -1;
  for (let at = length - 22; at >= Math.max(0, length - 22 - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged(fileName, 'the end of the zip archive is missing, as when a download stops early');
  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  let directoryEnd = eocd;
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR)
      throw damaged(fileName, 'its zip64 directory is missing');
    const zip64 = u64(view, locator + 8);
    if (zip64 + 56 > length || view.getUint32(zip64, true) !== ZIP64_EOCD)
      throw damaged(fileName, 'its zip64 directory is missing');
    count = u64(view, zip64 + 32);
    directorySize = u64(view, zip64 + 40);
    directoryOffset = u64(view, zip64 + 48);
    directoryEnd = zip64;
  }
  if (directoryOffset + directorySize > directoryEnd) throw damaged(fileName, 'its directory points outside the file');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directoryEnd || view.getUint32(at, true) !== CENTRAL)
      throw damaged(fileName, 'its directory is broken');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    // A damaged length would read the name, extra field or comment past the directory (or the
    // file's end, a RangeError rather than a refusal): the entry must fit in the directory.
    if (at + 46 + nameLength + extraLength + commentLength > directoryEnd)
      throw damaged(fileName, 'its directory is broken');
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8');
    // Zip64 sizes live in an extra field, in this order, for those set to 0xFFFFFFFF above.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        // Each value is read only from inside its own field: one that claims less than it holds is damaged.
        const fieldEnd = Math.min(field + size, extraEnd);
        const next = (): number => {
          if (field + 8 > fieldEnd) throw damaged(fileName, 'its directory is broken');
          field += 8;
          return u64(view, field - 8);
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      extra += 4 + size;
    }
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL)
      throw damaged(fileName, `the part "${name}" is missing`);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > directoryOffset) throw damaged(fileName, `the part "${name}" is cut short`);
    entries.push({
      name,
      method,
      encrypted: (flags & 1) === 1,
      crc32,
      compressedSize,
      uncompressedSize,
      localOffset,
      recordEnd: directoryOffset,
      dataStart,
    });
    at = extraEnd + commentLength;
  }
  // A record runs to the next one (its data descriptor, if any, included).
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  byOffset.forEach((entry, i) => {
    entry.recordEnd = byOffset[i + 1]?.localOffset ?? directoryOffset;
  });
  return entries;
}

/** Unpacks one (small) part of the zip, such as xl/workbook.xml, refusing to grow past `maxBytes`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string, maxBytes: number): Buffer {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw damaged(fileName, `the part "${entry.name}" uses an unknown compression`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `The file "${fileName}" unpacks to more than the import limit allows; it was not imported.`,
        { part: entry.name },
      );
    }
    throw damaged(fileName, `the part "${entry.name}" does not unpack`);
  }
}
