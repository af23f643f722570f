// Reads an .xlsx with exceljs's streaming WorkbookReader, so that large sales workbooks are
// read sheet by sheet and row by row rather than built whole in memory. Gaps of the
// streaming reader are filled here: sheet names come from read-workbook-index.ts, merged
// areas (which it skips) are picked out of the sheet's XML as it streams past, and the zip
// is unpacked and checked by repack-zip-parts.ts, which hands the reader its parts in the
// order it needs. Reading reports progress, stops on cancel and gives the event loop turns
// (read-progress.ts).
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../app-error';
import { EXCEL_MAX_ROWS, maxXmlTextRunBytes, type ImportLimits } from './import-limits';
import type { CellError, MergedArea, RawCell, RawRow, SheetSource, TableSource } from './raw-table';
import { cancelledError, ReadPacer, type ReadProgress } from './read-progress';
import type { WorkbookIndex, WorkbookSheetInfo } from './read-workbook-index';
import type { ZipEntry } from './read-zip-directory';
import { repackZipParts, type RepackPart } from './repack-zip-parts';
import { tooManyRows } from './row-limits';

// The parts of exceljs's streaming classes that we use; its typings do not declare them.
interface StreamRow {
  number: number;
  values: unknown[] | Record<number, unknown>;
  /** The row's cells by column (index 0 is column A); read directly, it spares building `values` for every row. */
  _cells?: ({ value: unknown } | undefined)[];
}
interface StreamWorksheet {
  /** The XML chunks of the sheet part; read lazily when the sheet is parsed. */
  iterator: AsyncIterable<Buffer | string>;
  /** Batches of events, one batch per chunk of XML: iterating these skips a generator per row. */
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}
interface StreamWorkbook {
  parse(): AsyncIterable<{ eventType: string; value: unknown }>;
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
}

function joinRichText(runs: unknown): string {
  return Array.isArray(runs) ? runs.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join('') : '';
}

/** exceljs's cell value -> our RawCell: rich text and hyperlinks flattened, a formula's cached result taken. */
export function rawCellFromExcel(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('richText' in v) return joinRichText(v['richText']);
  if ('error' in v && typeof v['error'] === 'string') return { error: v['error'] };
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = v['result'];
    // The streaming reader turns an error result ("#N/A") into NaN, as it does a missing one.
    if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
      const formula = typeof v['formula'] === 'string' && v['formula'] !== '' ? v['formula'] : typeof v['sharedFormula'] === 'string' ? v['sharedFormula'] : '';
      const error: CellError = { error: formula ? `=${formula}` : '=?', uncalculated: true };
      return error;
    }
    return rawCellFromExcel(result);
  }
  if ('text' in v) return typeof v['text'] === 'string' ? v['text'] : joinRichText((v['text'] as { richText?: unknown })?.richText);
  return null;
}

/** The row's cells from column A to its last cell with a value (as exceljs's `values` would give them). */
function rowCells(row: StreamRow): RawCell[] {
  const direct = row._cells;
  if (Array.isArray(direct)) {
    let last = direct.length - 1;
    while (last >= 0 && (direct[last] === undefined || direct[last]?.value === null || direct[last]?.value === undefined)) last--;
    const cells: RawCell[] = new Array<RawCell>(last + 1);
    for (let i = 0; i <= last; i++) cells[i] = rawCellFromExcel(direct[i]?.value);
    return cells;
  }
  const values = row.values;
  const list = Array.isArray(values) ? values : Object.assign([], values);
  const cells: RawCell[] = new Array<RawCell>(Math.max(0, list.length - 1));
  for (let col = 1; col < list.length; col++) cells[col - 1] = rawCellFromExcel(list[col]);
  return cells;
}

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

/**
 * Rejects the reader's pending waits when the input fails or the operator cancels. exceljs's
 * reader waits for its zip input and never learns that it failed (the failure is on our side
 * of the pipe), so every wait on it is raced against this. One listener per wait, removed
 * when it settles, so that a long read does not pile them up.
 */
class Tripwire {
  private failure: { error: unknown } | null = null;
  private readonly waiting = new Set<(error: unknown) => void>();

  trip(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    for (const reject of this.waiting) reject(error);
    this.waiting.clear();
  }

  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.failure) {
      promise.catch(() => undefined);
      return Promise.reject(this.failure.error);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      promise.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(reject);
          reject(error);
        },
      );
    });
  }

  guardIterable<T>(source: AsyncIterable<T>): AsyncIterable<T> {
    const guard = <R>(promise: Promise<R>) => this.guard(promise);
    return {
      [Symbol.asyncIterator]() {
        const iterator = source[Symbol.asyncIterator]();
        return {
          next: () => guard(iterator.next()),
          return: async (value?: unknown) => (iterator.return ? guard(iterator.return(value)) : { done: true as const, value: undefined as T }),
        };
      },
    };
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
      const tripwire = new Tripwire();
      const input = Readable.from(
        repackZipParts(bytes, parts, {
          fileName,
          maxUnpackedBytes: limits.maxUnpackedBytes,
          maxTextRunBytes: maxXmlTextRunBytes(limits),
          maxCellChars: limits.maxCellChars,
          signal: progress.signal,
          onBytes: (n) => (bytesRead = n),
        }),
      );
      input.on('error', (error) => tripwire.trip(error));
      const onAbort = () => tripwire.trip(cancelledError());
      progress.signal?.addEventListener('abort', onAbort, { once: true });
      if (progress.signal?.aborted) onAbort();
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        // Styles tell date cells from numbers; hyperlinks are read as their text.
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'emit',
      }) as unknown as StreamWorkbook;
      // The 'entry' event announces each sheet's part number just before the sheet is handed over.
      let partNumber = 0;
      reader.on('entry', (entry) => {
        if (entry.type === 'worksheet' && entry.id !== undefined) partNumber = Number(entry.id);
      });
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
      const events = reader.parse()[Symbol.asyncIterator]();
      try {
        for (;;) {
          const step = await tripwire.guard(events.next());
          if (step.done) break;
          if (step.value.eventType !== 'worksheet') continue;
          const worksheet = step.value.value as StreamWorksheet;
          const info = sheets[partNumber - 1]?.info;
          const name = info?.name ?? `Sheet${partNumber}`;
          const collector = merges[partNumber - 1];
          worksheet.iterator = tripwire.guardIterable(worksheet.iterator);
          yield {
            name,
            hidden: info?.hidden ?? false,
            async *rows(): AsyncGenerator<RawRow> {
              try {
                for await (const batch of worksheet.parse()) {
                  for (const event of batch) {
                    if (event.eventType !== 'row') continue;
                    const row = event.value as StreamRow;
                    const due = pacer.countRow();
                    rowLimit(row.number, name);
                    if (due) await pacer.checkpoint();
                    yield { row: row.number, cells: rowCells(row) };
                  }
                }
                pacer.report();
              } catch (error) {
                throw readError(fileName, error);
              }
            },
            mergedAreas: () => [...(collector?.areas.values() ?? [])],
            // An unread sheet is drained by exceljs when the next part is asked for.
            skip: () => undefined,
          };
        }
      } catch (error) {
        throw readError(fileName, error);
      } finally {
        progress.signal?.removeEventListener('abort', onAbort);
        input.destroy();
      }
    },
  };
}
