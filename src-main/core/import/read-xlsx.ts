// Reads an .xlsx with exceljs's streaming WorkbookReader, so that large sales workbooks are
// read sheet by sheet and row by row rather than built whole in memory. Gaps of the
// streaming reader are filled here: sheet names come from read-workbook-index.ts, merged
// areas (which it skips) are picked out of the sheet's XML as it streams past, and the zip
// is unpacked and checked by repack-zip-parts.ts, which hands the reader its parts in the
// order it needs. Reading reports progress, stops on cancel and gives the event loop turns
// (read-progress.ts).
import { AppError } from '../app-error';
import { EXCEL_MAX_ROWS, maxXmlTextRunBytes, type ImportLimits } from './import-limits';
import type { MergedArea, RawRow, SheetSource, TableSource } from './raw-table';
import { cancelledError, ReadPacer, type ReadProgress } from './read-progress';
import type { WorkbookIndex, WorkbookSheetInfo } from './read-workbook-index';
import type { ZipEntry } from './read-zip-directory';
import { repackZipParts, type RepackPart } from './repack-zip-parts';
import { tooManyRows } from './row-limits';
import { XlsxRowWorker } from './xlsx-row-worker-client';

import { decodeRowBatch } from './xlsx-row-worker.mjs';

export { rawCellFromExcel } from './xlsx-row-worker.mjs';

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

/** The sheet's <mergeCell> elements (they come after the rows), noted from the XML as it is unpacked. */
class MergeCollector {
  readonly areas = new Map<string, MergedArea>();
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
        throw new AppError('FILE_TOO_LARGE', `The sheet "${this.sheetName}" of "${this.fileName}" has more merged cells than can be checked; unmerge the cells and save the file again.`, {
          sheet: this.sheetName,
        });
      }
      this.areas.set(ref, { ref, top, bottom, left: Math.min(columnNumber(c1), columnNumber(c2)), right: Math.max(columnNumber(c1), columnNumber(c2)) });
    }
  }
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/**
 * The parts to hand over, in the order the reader needs: workbook relationships, workbook,
 * shared strings and styles first, then the sheets in the workbook's tab order. exceljs's
 * reader parks any sheet that comes before those parts in a temporary file and reads it at
 * the end, and on that path it was seen to lose the workbook part (files from Excel and
 * openpyxl put the sheets first). Sheets are renamed sheet1.xml, sheet2.xml, ... in tab order,
 * the only names the reader recognises, so that a sheet part named otherwise is read too. A
 * workbook without shared strings (openpyxl writes inline strings) gets an empty list, since
 * the reader treats a missing one as "not yet read".
 */
function partsToRead(entries: readonly ZipEntry[], index: WorkbookIndex): { parts: RepackPart[]; sheets: { info: WorkbookSheetInfo; part: RepackPart }[] } {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const parts: RepackPart[] = [];
  for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', SHARED_STRINGS, 'xl/styles.xml']) {
    const entry = byName.get(name.toLowerCase());
    if (entry) parts.push({ name, entry });
    else if (name === SHARED_STRINGS) parts.push({ name, entry: null, text: EMPTY_SHARED_STRINGS });
  }
  const sheets: { info: WorkbookSheetInfo; part: RepackPart }[] = [];
  for (const info of index.sheets) {
    const entry = byName.get(info.path.toLowerCase());
    // Chart sheets and dialog sheets hold no cells.
    if (!entry || !/^xl\/worksheets\/[^/]+\.xml$/i.test(info.path)) continue;
    const part: RepackPart = { name: `xl/worksheets/sheet${sheets.length + 1}.xml`, entry };
    sheets.push({ info, part });
    parts.push(part);
  }
  return { parts, sheets };
}

function readError(fileName: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new AppError('FILE_UNREADABLE', `The file "${fileName}" is damaged and cannot be read as an Excel workbook; ask the client to send it again.`, { why });
}

/** An .xlsx (already checked to be a whole zip with a workbook in it) as a table source. */
export function readXlsxTable(bytes: Uint8Array, fileName: string, entries: readonly ZipEntry[], index: WorkbookIndex, limits: ImportLimits, progress: ReadProgress = {}): TableSource {
  return {
    format: 'xlsx',
    sheetNames: index.sheets.map((s) => s.name),
    date1904: index.date1904,
    async *sheets(): AsyncGenerator<SheetSource> {
      const { parts, sheets } = partsToRead(entries, index);
      const merges = sheets.map(({ info, part }) => {
        const collector = new MergeCollector(fileName, info.name);
        part.onChunk = (chunk) => collector.add(chunk);
        return collector;
      });
      let bytesRead = 0;
      const pacer = new ReadPacer(progress, () => bytesRead);
      const input = repackZipParts(bytes, parts, {
        fileName,
        maxUnpackedBytes: limits.maxUnpackedBytes,
        maxTextRunBytes: maxXmlTextRunBytes(limits),
        maxCellChars: limits.maxCellChars,
        signal: progress.signal,
        onBytes: (n) => (bytesRead = n),
      });
      // exceljs parses in a worker thread (xlsx-row-worker.mjs) while this thread judges the rows it has.
      const worker = new XlsxRowWorker(input, (why) => readError(fileName, new Error(why)));
      const onAbort = () => worker.fail(cancelledError());
      progress.signal?.addEventListener('abort', onAbort, { once: true });
      if (progress.signal?.aborted) onAbort();
      const rowLimit = (row: number, sheetName: string) => {
        if (row > EXCEL_MAX_ROWS) {
          throw new AppError(
            'FILE_TOO_LARGE',
            `The sheet "${sheetName}" of "${fileName}" has a row numbered ${row.toLocaleString('en-US')}, past the ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows a workbook can have; it was not imported.`,
            { row, maxRows: EXCEL_MAX_ROWS },
          );
        }
        if (pacer.rowsRead > limits.maxRows) throw tooManyRows(fileName, limits.maxRows);
      };
      try {
        for (;;) {
          const message = await worker.next();
          if (message.type === 'done') break;
          if (message.type !== 'sheet') continue;
          const info = sheets[message.part - 1]?.info;
          const name = info?.name ?? `Sheet${message.part}`;
          const collector = merges[message.part - 1];
          // The worker sends every sheet's rows; those of a sheet passed over are taken unread.
          let started = false;
          let ended = false;
          yield {
            name,
            hidden: info?.hidden ?? false,
            async *rows(): AsyncGenerator<RawRow> {
              if (started) return;
              started = true;
              try {
                for (;;) {
                  const batch = await worker.next();
                  if (batch.type === 'sheet-end') break;
                  if (batch.type !== 'rows') throw readError(fileName, new Error(`unexpected ${batch.type} inside a sheet`));
                  worker.send({ type: 'taken' });
                  for (const raw of decodeRowBatch(batch)) {
                    const due = pacer.countRow();
                    rowLimit(raw.row, name);
                    if (due) await pacer.checkpoint();
                    yield raw;
                  }
                }
                ended = true;
                pacer.report();
              } catch (error) {
                throw readError(fileName, error);
              }
            },
            mergedAreas: () => [...(collector?.areas.values() ?? [])],
            skip: () => {
              started = true;
            },
          };
          // Rows not read (a sheet passed over, or left part way) are taken up to the sheet's end.
          while (!ended) {
            const rest = await worker.next();
            if (rest.type === 'rows') worker.send({ type: 'taken' });
            else if (rest.type === 'sheet-end') ended = true;
            else throw readError(fileName, new Error(`unexpected ${rest.type} inside a sheet`));
          }
        }
      } catch (error) {
        throw readError(fileName, error);
      } finally {
        progress.signal?.removeEventListener('abort', onAbort);
        worker.close();
        void input.return(undefined);
      }
    },
  };
}
