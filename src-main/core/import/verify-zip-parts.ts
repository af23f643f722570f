// Unpacks the parts a workbook is read from once, discarding the output, before the streaming
// reader sees them: a part whose data is corrupt makes that reader wait forever (its unzip
// error never reaches the sheet being read), and a directory may lie about unpacked sizes.
// Checking every part's CRC and real size first keeps a bad file to one clear refusal, in
// bounded time and memory.
import { createInflateRaw, crc32 } from 'node:zlib';
import { AppError } from '../app-error';
import { formatByteSize } from './import-limits';
import { damaged, type ZipEntry } from './read-zip-directory';

async function unpackedSizeAndCrc(bytes: Uint8Array, entry: ZipEntry, budget: number, fileName: string): Promise<{ size: number; crc: number }> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  if (entry.method === 0) return { size: data.length, crc: crc32(data) };
  if (entry.method !== 8) throw damaged(fileName, `the part "${entry.name}" uses an unknown compression`);
  const inflate = createInflateRaw();
  let size = 0;
  let crc = 0;
  const done = (async () => {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        return 'too-large' as const;
      }
      crc = crc32(chunk, crc);
    }
    return 'ok' as const;
  })();
  inflate.end(data);
  try {
    if ((await done) === 'too-large') {
      throw new AppError('FILE_TOO_LARGE', `The workbook "${fileName}" unpacks to more than ${formatByteSize(budget)}, over the import limit; it was not imported.`, { part: entry.name });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(fileName, `the part "${entry.name}" does not unpack`);
  }
  return { size, crc };
}

/** Refuses with FILE_UNREADABLE a part that does not unpack to its recorded checksum, and with FILE_TOO_LARGE parts that unpack past the limit together. */
export async function verifyZipParts(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string, maxUnpackedBytes: number): Promise<void> {
  let total = 0;
  for (const entry of entries) {
    const { size, crc } = await unpackedSizeAndCrc(bytes, entry, maxUnpackedBytes - total, fileName);
    if (crc !== entry.crc32 || size !== entry.uncompressedSize) throw damaged(fileName, `the part "${entry.name}" is corrupt`);
    total += size;
  }
}
