// A sheet's merged areas, found before its rows are judged. An .xlsx lists its <mergeCell>
// elements after the rows, and exceljs's streaming reader skips them; the pipeline must know
// them while it judges the rows, or else keep every row until the end of the sheet (some
// 60 MB and a second of garbage collection on a 200,000-row file). So each sheet part is
// unpacked once more, on zlib's threads, and only searched for the merge marks, ahead of the
// reader. The reading pass (repack-zip-parts.ts) keeps every check of the part's size and
// checksum; this pass stops quietly at the declared size and leaves the refusal to it.
import { AppError } from '../../app-error';
import { EXCEL_MAX_ROWS } from './import-limits';
import { inflateChunks, storedChunks } from './repack-zip-parts';
import type { MergedArea } from './raw-table';
import { throwIfCancelled } from './read-progress';
import type { ZipEntry } from './read-zip-directory';

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const MERGE_MARK = Buffer.from('mergeCell');
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
// A <mergeCell> element is far shorter than this: one cut between two chunks is found in the seam.
const SEAM = 512;
// Real sheets merge titles and a few labels; past these, checking every row against every area costs too much.
const MAX_MERGED_AREAS = 100_000;
const MAX_MERGED_ROWS = 4 * EXCEL_MAX_ROWS;

/** Collects <mergeCell> elements from a sheet's XML, chunk by chunk. */
class MergeCollector {
  private readonly areas = new Map<string, MergedArea>();
  private tail: Buffer = Buffer.alloc(0);
  private rowsCovered = 0;

  constructor(
    private readonly fileName: string,
    private readonly sheetName: string,
  ) {}

  add(chunk: Buffer): void {
    // Native searches first: most chunks hold rows only and are passed over at once.
    if (chunk.indexOf(MERGE_MARK) >= 0) this.collect(Buffer.concat([this.tail, chunk]));
    else if (this.tail.length > 0) {
      const seam = Buffer.concat([this.tail, chunk.subarray(0, SEAM)]);
      if (seam.indexOf(MERGE_MARK) >= 0) this.collect(seam);
    }
    this.tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - SEAM)));
  }

  list(): MergedArea[] {
    return [...this.areas.values()];
  }

  private collect(xml: Buffer): void {
    // latin1 maps bytes one to one: a cut UTF-8 character cannot break a match.
    for (const m of xml.toString('latin1').matchAll(MERGE_CELL)) {
      const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = m;
      const ref = m[3] ? `${c1}${r1}:${c2}${r2}` : `${c1}${r1}`;
      if (this.areas.has(ref)) continue;
      const top = Math.min(Number.parseInt(r1, 10), Number.parseInt(r2, 10));
      const bottom = Math.max(Number.parseInt(r1, 10), Number.parseInt(r2, 10));
      this.rowsCovered += bottom - top + 1;
      if (this.areas.size >= MAX_MERGED_AREAS || this.rowsCovered > MAX_MERGED_ROWS) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `The sheet "${this.sheetName}" of "${this.fileName}" has more merged cells than can be checked; unmerge the cells and save the file again.`,
          {
            sheet: this.sheetName,
          },
        );
      }
      this.areas.set(ref, {
        ref,
        top,
        bottom,
        left: Math.min(columnNumber(c1), columnNumber(c2)),
        right: Math.max(columnNumber(c1), columnNumber(c2)),
      });
    }
  }
}

export interface MergeScanOptions {
  fileName: string;
  sheetName: string;
  maxUnpackedBytes: number;
  signal?: AbortSignal;
}

/** The merged areas of one sheet part of the client's zip. */
export async function scanMergedAreas(
  bytes: Uint8Array,
  entry: ZipEntry,
  options: MergeScanOptions,
): Promise<MergedArea[]> {
  const collector = new MergeCollector(options.fileName, options.sheetName);
  // A part that cannot be read is refused by the reading pass, with the sentence that fits.
  if (
    entry.encrypted ||
    (entry.method !== 0 && entry.method !== 8) ||
    entry.uncompressedSize > options.maxUnpackedBytes
  )
    return [];
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  const chunks = entry.method === 0 ? storedChunks(data) : inflateChunks(data, options.fileName, entry.name);
  let size = 0;
  let next: IteratorResult<Buffer>;
  for (;;) {
    try {
      next = await chunks.next();
    } catch {
      // Data that does not unpack: the reading pass says so.
      return collector.list();
    }
    if (next.done) break;
    size += next.value.length;
    if (size > entry.uncompressedSize) break;
    try {
      throwIfCancelled(options.signal);
      collector.add(next.value);
    } catch (error) {
      await chunks.return(undefined);
      throw error;
    }
  }
  await chunks.return(undefined);
  return collector.list();
}
