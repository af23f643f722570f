// Reads the audit package's zip: the central directory at its end names every entry, and each is inflated by Node's
// zlib (several times faster than inflating in JavaScript, which counts over the hundreds of megabytes of a year's
// tables) and checked against its CRC-32. Anything that is not a whole, readable zip is thrown as a sentence.
import { crc32, inflateRawSync } from 'node:zlib';

export class ZipUnreadable extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The zip's entries by name; those `wanted` refuses are not inflated (nor checked against their CRC). `each` sees
 * each entry as soon as it is inflated and checked, and gives what to keep of it (the same bytes, or a copy it shares).
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean = () => true,
  each: (name: string, content: Uint8Array) => Uint8Array = (_, content) => content,
): Record<string, Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 65,557 bytes (22 bytes and a comment of at most 65,535); a zip cut short has none.
  let end = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 65_557); at--) {
    if (buf.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0)
    throw new ZipUnreadable('it is not a whole zip file (it may have been cut short, or it is not a zip at all)');
  const count = buf.readUInt16LE(end + 10);
  const directorySize = buf.readUInt32LE(end + 12);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || at + directorySize > end)
    throw new ZipUnreadable('its table of contents is damaged or in a form this version does not read');
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL)
      throw new ZipUnreadable(`entry ${i + 1} of its table of contents is damaged`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL)
      throw new ZipUnreadable(`the entry ${name} is not where its table of contents says`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (start + compressed > buf.length) throw new ZipUnreadable(`the entry ${name} is cut short`);
    const data = buf.subarray(start, start + compressed);
    let content: Buffer;
    try {
      if (method === 0) content = data;
      // Inflated into one buffer of the size the directory gives: zlib's default 16 KB pieces are otherwise copied
      // together once more (about 2 s over a year's package). A size no deflate stream of this length can reach
      // (at most 1,032 times its length) is not allocated: the CRC and size check below refuse that entry anyway.
      else if (method === 8)
        content = inflateRawSync(data, { chunkSize: Math.max(64, Math.min(size, compressed * 1032 + 64)) });
      else
        throw new ZipUnreadable(
          `the entry ${name} is compressed with method ${method}, which this version does not read`,
        );
    } catch (error) {
      if (error instanceof ZipUnreadable) throw error;
      throw new ZipUnreadable(`the entry ${name} cannot be inflated (${(error as Error).message})`);
    }
    if (content.length !== size || crc32(content) !== crc)
      throw new ZipUnreadable(`the entry ${name} is damaged: its bytes do not match the zip's own check`);
    entries[name] = each(name, content);
  }
  return entries;
}
