// Reads an .xlsx with exceljs's streaming WorkbookReader, so that large sales workbooks are
// read sheet by sheet and row by row rather than built whole in memory. Gaps of the
// streaming reader are filled here: sheet names come from read-workbook-index.ts, merged
// areas (which it skips) are picked out of the sheet's XML as it streams past, and the zip
// is handed over with its parts in the order the reader needs (see orderedParts).
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../app-error';
import { formatByteSize, type ImportLimits } from './import-limits';
import type { CellError, MergedArea, RawCell, RawRow, SheetSource, TableSource } from './raw-table';
import type { WorkbookIndex } from './read-workbook-index';
import type { ZipEntry } from './read-zip-directory';
import { verifyZipParts } from './verify-zip-parts';

// The parts of exceljs's streaming classes that we use; its typings do not declare them.
interface StreamRow {
  number: number;
  values: unknown[] | Record<number, unknown>;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
  /** The XML chunks of the sheet part; read lazily when the rows are first iterated. */
  iterator: AsyncIterable<Buffer | string>;
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

function rowCells(values: StreamRow['values']): RawCell[] {
  const list = Array.isArray(values) ? values : Object.assign([], values);
  const cells: RawCell[] = [];
  for (let col = 1; col < list.length; col++) cells.push(rawCellFromExcel(list[col]));
  return cells;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;

/**
 * Passes the sheet's XML through unchanged while noting its <mergeCell> elements (they come
 * after the rows) and counting its unpacked size against the limit.
 */
async function* watchSheetXml(
  chunks: AsyncIterable<Buffer | string>,
  merges: Map<string, MergedArea>,
  countBytes: (n: number) => void,
): AsyncGenerator<Buffer | string> {
  let tail = '';
  for await (const chunk of chunks) {
    countBytes(chunk.length);
    // latin1 maps bytes one to one, so a UTF-8 character cut between chunks cannot break a match.
    const text = tail + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    for (const m of text.matchAll(MERGE_CELL)) {
      const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = m;
      const ref = m[3] ? `${c1}${r1}:${c2}${r2}` : `${c1}${r1}`;
      if (!merges.has(ref)) {
        const top = Number.parseInt(r1, 10);
        const bottom = Number.parseInt(r2, 10);
        merges.set(ref, { ref, top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(columnNumber(c1), columnNumber(c2)), right: Math.max(columnNumber(c1), columnNumber(c2)) });
      }
    }
    tail = text.slice(-512);
    yield chunk;
  }
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** A stored (uncompressed) zip record, for a part the workbook lacks. */
function storedRecord(name: string, text: string): Buffer {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(text);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/**
 * The zip's records, re-ordered without unpacking: workbook, relationships, shared strings
 * and styles first, then the sheets in the workbook's tab order. exceljs's reader parks any
 * sheet that comes before those parts in a temporary file and reads it at the end, and on
 * that path it was seen to lose the workbook part (files from Excel and openpyxl put the
 * sheets first). In this order every sheet is read in place, and "the first sheet" is the
 * first tab. A workbook without shared strings (openpyxl writes inline strings) gets an
 * empty list, since the reader treats a missing one as "not yet read".
 */
function partsToRead(entries: readonly ZipEntry[], index: WorkbookIndex): (ZipEntry | null)[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const parts: (ZipEntry | null)[] = [];
  for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', SHARED_STRINGS, 'xl/styles.xml']) {
    const entry = byName.get(name);
    if (entry) parts.push(entry);
    else if (name === SHARED_STRINGS) parts.push(null); // stands for the empty list made up below
  }
  for (const sheet of index.sheets) {
    const entry = byName.get(sheet.path);
    if (entry) parts.push(entry);
  }
  return parts;
}

function* orderedParts(bytes: Uint8Array, parts: readonly (ZipEntry | null)[]): Generator<Buffer> {
  for (const entry of parts) {
    yield entry
      ? Buffer.from(bytes.buffer, bytes.byteOffset + entry.localOffset, entry.recordEnd - entry.localOffset)
      : storedRecord(SHARED_STRINGS, '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  }
  // An end-of-directory record, so that the reader stops here.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

function readError(fileName: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new AppError('FILE_UNREADABLE', `The file "${fileName}" is damaged and cannot be read as an Excel workbook; ask the client to send it again.`, { why });
}

/** An .xlsx (already checked to be a whole zip with a workbook in it) as a table source. */
export function readXlsxTable(bytes: Uint8Array, fileName: string, entries: readonly ZipEntry[], index: WorkbookIndex, limits: ImportLimits): TableSource {
  return {
    format: 'xlsx',
    sheetNames: index.sheets.map((s) => s.name),
    date1904: index.date1904,
    async *sheets(): AsyncGenerator<SheetSource> {
      const parts = partsToRead(entries, index);
      await verifyZipParts(bytes, parts.filter((p): p is ZipEntry => p !== null), fileName, limits.maxUnpackedBytes);
      const input = Readable.from(orderedParts(bytes, parts));
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        // Styles tell date cells from numbers; hyperlinks are read as their text.
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'emit',
      }) as unknown as StreamWorkbook;
      // The 'entry' event announces each sheet's part number just before the sheet is handed over.
      let partNumber = '';
      reader.on('entry', (entry) => {
        if (entry.type === 'worksheet' && entry.id !== undefined) partNumber = entry.id;
      });
      let unpacked = 0;
      const countBytes = (n: number) => {
        unpacked += n;
        if (unpacked > limits.maxUnpackedBytes) {
          throw new AppError('FILE_TOO_LARGE', `The workbook "${fileName}" unpacks to more than ${formatByteSize(limits.maxUnpackedBytes)}, over the import limit; it was not imported.`, {
            maxUnpackedBytes: limits.maxUnpackedBytes,
          });
        }
      };
      try {
        for await (const event of reader.parse()) {
          if (event.eventType !== 'worksheet') continue;
          const worksheet = event.value as StreamWorksheet;
          const info = index.sheets.find((s) => s.path === `xl/worksheets/sheet${partNumber}.xml`);
          const merges = new Map<string, MergedArea>();
          worksheet.iterator = watchSheetXml(worksheet.iterator, merges, countBytes);
          yield {
            name: info?.name ?? worksheet.name,
            hidden: info?.hidden ?? false,
            async *rows(): AsyncGenerator<RawRow> {
              try {
                for await (const row of worksheet) yield { row: row.number, cells: rowCells(row.values) };
              } catch (error) {
                throw readError(fileName, error);
              }
            },
            mergedAreas: () => [...merges.values()],
            // An unread sheet is drained by exceljs when the next part is asked for.
            skip: () => undefined,
          };
        }
      } catch (error) {
        throw readError(fileName, error);
      }
    },
  };
}
