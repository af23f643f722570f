// Reads an .xlsx with exceljs's streaming WorkbookReader, so that large sales workbooks are
// read sheet by sheet and row by row rather than built whole in memory. Gaps of the
// streaming reader are filled here: sheet names come from read-workbook-index.ts, merged
// areas (which it skips) are found ahead of the rows by scan-merged-areas.ts, and the zip
// is unpacked and checked by repack-zip-parts.ts, which hands the reader its parts in the
// order it needs. Reading reports progress, stops on cancel and gives the event loop turns
// (read-progress.ts).
import { AppError } from '../../app-error';
import { EXCEL_MAX_ROWS, maxXmlTextRunBytes, type ImportLimits } from './import-limits';
import type { MergedArea, RawRow, SheetSource, TableSource } from './raw-table';
import { cancelledError, ReadPacer, type ReadProgress } from './read-progress';
import type { WorkbookIndex, WorkbookSheetInfo } from './read-workbook-index';
import type { ZipEntry } from './read-zip-directory';
import { repackZipParts, type RepackPart } from './repack-zip-parts';
import { scanMergedAreas } from './scan-merged-areas';
import { tooManyRows } from './row-limits';
import { XlsxRowWorker } from './xlsx-row-worker-client';

import { rowsOfBatch, type SheetDamageReport } from './xlsx-row-worker.mjs';

const SHARED_STRINGS = 'xl/sharedStrings.xml';

interface SheetPart {
  info: WorkbookSheetInfo;
  entry: ZipEntry;
}

/**
 * Each sheet's merged areas, scanned from the start of the read, one sheet after another,
 * visible sheets first (the pipeline wants the first visible sheet with a header, unless
 * told otherwise): the first scan runs while the reader is still on the shared strings.
 */
class MergeScans {
  private readonly controllers: AbortController[];
  private readonly results: Promise<readonly MergedArea[]>[];

  constructor(bytes: Uint8Array, fileName: string, sheets: readonly SheetPart[], limits: ImportLimits) {
    this.controllers = sheets.map(() => new AbortController());
    this.results = new Array<Promise<readonly MergedArea[]>>(sheets.length);
    const order = sheets
      .map((_, k) => k)
      .sort((a, b) => Number(sheets[a]?.info.hidden) - Number(sheets[b]?.info.hidden));
    let previous: Promise<unknown> = Promise.resolve();
    for (const k of order) {
      const { info, entry } = sheets[k] as SheetPart;
      const signal = (this.controllers[k] as AbortController).signal;
      const scan = previous.then(() =>
        signal.aborted
          ? []
          : scanMergedAreas(bytes, entry, {
              fileName,
              sheetName: info.name,
              maxUnpackedBytes: limits.maxUnpackedBytes,
              signal,
            }),
      );
      // Whoever asks for the areas gets the error; a sheet passed over has nobody asking.
      scan.catch(() => undefined);
      this.results[k] = scan;
      previous = scan.catch(() => undefined);
    }
  }

  areas(k: number): Promise<readonly MergedArea[]> {
    return this.results[k] ?? Promise.resolve([]);
  }

  /** Stops the scan of a sheet that will not be read. */
  drop(k: number): void {
    this.controllers[k]?.abort();
  }

  stop(): void {
    for (const controller of this.controllers) controller.abort();
  }
}

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
function partsToRead(entries: readonly ZipEntry[], index: WorkbookIndex): { parts: RepackPart[]; sheets: SheetPart[] } {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const parts: RepackPart[] = [];
  for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', SHARED_STRINGS, 'xl/styles.xml']) {
    const entry = byName.get(name.toLowerCase());
    if (entry) parts.push({ name, entry });
    else if (name === SHARED_STRINGS) parts.push({ name, entry: null, text: EMPTY_SHARED_STRINGS });
  }
  const sheets: SheetPart[] = [];
  for (const info of index.sheets) {
    const entry = byName.get(info.path.toLowerCase());
    // Chart sheets and dialog sheets hold no cells.
    if (!entry || !/^xl\/worksheets\/[^/]+\.xml$/i.test(info.path)) continue;
    const part: RepackPart = { name: `xl/worksheets/sheet${sheets.length + 1}.xml`, entry };
    sheets.push({ info, entry });
    parts.push(part);
  }
  return { parts, sheets };
}

/** The refusal of a workbook one of whose sheets has XML that breaks part way: nothing of the file is taken. */
function sheetDamaged(fileName: string, sheetName: string, damage: SheetDamageReport): AppError {
  const past = damage.row > 0 ? `past row ${damage.row.toLocaleString('en-US')}` : 'from its first row';
  const where =
    damage.kind === 'reference'
      ? `${damage.why} (line ${damage.line}, column ${damage.column} of its XML)`
      : damage.kind === 'unfinished'
        ? `its XML cannot be read ${past}: it ends unfinished at byte ${damage.offset.toLocaleString('en-US')} (${damage.why})`
        : `its XML cannot be read ${past}: it is malformed at line ${damage.line}, column ${damage.column} (${damage.why})`;
  return new AppError(
    'FILE_DAMAGED',
    `The sheet "${sheetName}" of "${fileName}" is damaged: ${where}; the file was not imported, ask the client to send it again.`,
    {
      sheet: sheetName,
      row: damage.row,
      line: damage.line,
      column: damage.column,
      offset: damage.offset,
      why: damage.why,
    },
  );
}

function readError(fileName: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new AppError(
    'FILE_UNREADABLE',
    `The file "${fileName}" is damaged and cannot be read as an Excel workbook; ask the client to send it again.`,
    { why },
  );
}

/** An .xlsx (already checked to be a whole zip with a workbook in it) as a table source. */
export function readXlsxTable(
  bytes: Uint8Array,
  fileName: string,
  entries: readonly ZipEntry[],
  index: WorkbookIndex,
  limits: ImportLimits,
  progress: ReadProgress = {},
): TableSource {
  return {
    format: 'xlsx',
    sheetNames: index.sheets.map((s) => s.name),
    date1904: index.date1904,
    async *sheets(): AsyncGenerator<SheetSource> {
      const { parts, sheets } = partsToRead(entries, index);
      const merges = new MergeScans(bytes, fileName, sheets, limits);
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
      const worker = new XlsxRowWorker(input, (why, damage) =>
        damage
          ? sheetDamaged(fileName, sheets[damage.part - 1]?.info.name ?? `Sheet${damage.part}`, damage)
          : readError(fileName, new Error(why)),
      );
      const onAbort = () => {
        merges.stop();
        worker.fail(cancelledError());
      };
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
          const k = message.part - 1;
          const info = sheets[k]?.info;
          const name = info?.name ?? `Sheet${message.part}`;
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
                  if (batch.type !== 'rows')
                    throw readError(fileName, new Error(`unexpected ${batch.type} inside a sheet`));
                  worker.send({ type: 'taken' });
                  for (const raw of rowsOfBatch(batch)) {
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
            mergedAreas: () => merges.areas(k),
            skip: () => {
              started = true;
              merges.drop(k);
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
        merges.stop();
        worker.close();
        void input.return(undefined);
      }
    },
  };
}
