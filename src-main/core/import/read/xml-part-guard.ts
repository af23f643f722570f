// Checks a workbook part's XML as it is unpacked, before any parser holds it:
// - a document type declaration (<!DOCTYPE, <!ENTITY) is refused outright: spreadsheets never
//   write one, and declared entities are how an "entity bomb" expands a small file into
//   gigabytes;
// - a run of text without any "<" longer than the limit is refused: that is one gigantic cell
//   or attribute, which an XML parser would otherwise gather whole into memory.
// Both checks look at each unpacked chunk with a few native searches, not byte by byte.
import { AppError } from '../../app-error';
import { formatByteSize } from './import-limits';

const DOCTYPE = Buffer.from('<!DOCTYPE');
const ENTITY = Buffer.from('<!ENTITY');
const LT = 0x3c;
// Enough of the previous chunk to find a marker cut in two between chunks.
const TAIL = Math.max(DOCTYPE.length, ENTITY.length) - 1;

export class XmlPartGuard {
  private sinceLastTag = 0;
  private tail: Buffer = Buffer.alloc(0);

  constructor(
    private readonly fileName: string,
    private readonly partName: string,
    private readonly maxTextRunBytes: number,
    private readonly maxCellChars: number,
  ) {}

  check(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.checkDeclarations(chunk);
    // Runs inside a chunk are shorter than the chunk; only a run across chunks can pass the
    // limit (chunks are far smaller than it), so the first and last "<" are all that is needed.
    const first = chunk.indexOf(LT);
    if (first < 0) {
      this.sinceLastTag += chunk.length;
      if (this.sinceLastTag > this.maxTextRunBytes || chunk.length > this.maxTextRunBytes) this.refuseRun();
      return;
    }
    if (this.sinceLastTag + first > this.maxTextRunBytes) this.refuseRun();
    if (chunk.length > this.maxTextRunBytes) this.checkEveryRun(chunk);
    this.sinceLastTag = chunk.length - chunk.lastIndexOf(LT) - 1;
  }

  private checkDeclarations(chunk: Buffer): void {
    const seam = this.tail.length > 0 ? Buffer.concat([this.tail, chunk.subarray(0, TAIL)]) : null;
    for (const marker of [DOCTYPE, ENTITY]) {
      if (chunk.indexOf(marker) >= 0 || (seam && seam.indexOf(marker) >= 0)) {
        throw new AppError(
          'FILE_NOT_SUPPORTED',
          `The workbook "${this.fileName}" cannot be imported: its part "${this.partName}" declares XML entities (a DOCTYPE), which Excel never writes and which can hide an entity bomb; open it in Excel, save it as .xlsx and import that file.`,
          { part: this.partName },
        );
      }
    }
    this.tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - TAIL)));
  }

  /** For a chunk larger than the limit (a small limit in tests): every run in it. */
  private checkEveryRun(chunk: Buffer): void {
    let at = chunk.indexOf(LT);
    while (at >= 0) {
      const next = chunk.indexOf(LT, at + 1);
      if ((next < 0 ? chunk.length : next) - at - 1 > this.maxTextRunBytes) this.refuseRun();
      at = next;
    }
  }

  private refuseRun(): never {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The workbook "${this.fileName}" has a cell (or other entry) with more than ${formatByteSize(this.maxTextRunBytes)} of text in its part "${this.partName}", over the import limit of ${this.maxCellChars.toLocaleString('en-US')} characters a cell; it was not imported.`,
      { part: this.partName, maxCellChars: this.maxCellChars },
    );
  }
}
