// exceljs's streaming reader, run in a worker thread, so that its XML parsing (most of the
// time an .xlsx import takes) runs on the other core while the main thread judges and stores
// the rows it has already been handed. Plain JavaScript importing nothing of ours but the
// plain-JavaScript sheet parser beside it, because the same file is loaded as a worker under
// tsx (CLI, web server), vitest, and from the Electron main process bundled by electron-vite:
// none of these would load TypeScript in a new thread. exceljs reads the zip, the shared
// strings and the styles; each sheet's XML is read by xlsx-sheet-parser.mjs, which tells a
// sheet that breaks off part way from a whole one (exceljs's own sheet reading does not).
//
// The main thread (read-xlsx.ts) keeps every check of the file: it unpacks and checks the
// zip (repack-zip-parts.ts) and hands the worker the stored zip it makes, a few hundred
// kilobytes at a time, when asked. The worker hands back each sheet's rows as plain values
// (RawCell: text, number, boolean, Date, error) in batches, and waits when the main thread
// has not taken the last few, so that neither side holds more than a little of the file.
//
// One thread reads one workbook after another: starting a thread and loading exceljs in it
// costs 0.3-0.4 s (under tsx), which every import paid while the thread was started for it.
// So exceljs is loaded once, when the thread starts, and the thread then waits for a 'start',
// reads that workbook, says 'done' and waits for the next. The main thread keeps a thread
// that finished cleanly for the next import (xlsx-row-worker-client.ts) and stops one that
// failed or was left part way; what belongs to one read (its listener, its input stream)
// ends with it.
//
// Messages, worker -> main: need (more zip bytes), sheet (part number), rows (a batch),
// sheet-end, done, failed (message). Main -> worker: start (a new workbook), bytes (an
// ArrayBuffer, transferred), end, taken (a batch).
import { Readable } from 'node:stream';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { SheetDamage, sheetRowPieces } from './xlsx-sheet-parser.mjs';

/** Marks the workerData of this worker, so that importing the file elsewhere starts nothing. */
export const XLSX_ROW_WORKER = 'loyalty-desk.xlsx-row-worker';

// Row batches the main thread may have been sent and not yet taken, before the worker waits.
const BATCHES_AHEAD = 4;
// XML handed over at a time: the rows of a piece are encoded as soon as it is parsed (RowBatchBuilder).
const PIECE_BYTES = 16 * 1024;
// Rows per message to the main thread.
const BATCH_ROWS = 1000;

// A batch of rows crosses to the main thread as typed arrays (moved, not copied) and one list
// of the batch's distinct texts: cloning each cell as a value of its own cost more than
// exceljs's parsing. Per cell a kind and a number: the number itself, a date's time, or the
// index of its text; errors, which are rare, go in a list of their own.
// Kind 0 is an empty cell: a new Uint8Array is all zeros.
const NUMBER = 1;
const TEXT = 2;
const TRUE = 3;
const FALSE = 4;
const DATE = 5;
const ERROR = 6;

/**
 * Rows encoded as the sheet parser hands them over, a small piece of XML at a time, into
 * arrays that grow; taken as one batch once enough rows are in it. Encoding each piece at once
 * lets its row objects die young (with exceljs's parser, at 64 KB a piece, a quarter of a
 * megabyte of them outlived every scavenge, and collecting the worker took a fifth of its
 * time); posting many pieces' rows together keeps the messages few.
 */
export class RowBatchBuilder {
  constructor(rowCapacity = 1024, cellCapacity = 8 * 1024) {
    this.allocate(rowCapacity, cellCapacity);
  }

  /** Rows in the batch being built. */
  get rowCount() {
    return this.count;
  }

  allocate(rowCapacity, cellCapacity) {
    this.numbers = new Uint32Array(rowCapacity);
    this.widths = new Uint32Array(rowCapacity);
    // Kind 0 is an empty cell: a new Uint8Array is all zeros.
    this.kinds = new Uint8Array(cellCapacity);
    this.values = new Float64Array(cellCapacity);
    this.count = 0;
    this.size = 0;
    this.texts = [];
    this.textIndex = new Map();
    this.errors = [];
  }

  /** Room for `rows` more rows and `cells` more cells, the arrays doubled as needed. */
  reserve(rows, cells) {
    if (this.count + rows > this.numbers.length) {
      const length = Math.max(this.numbers.length * 2, this.count + rows);
      for (const name of ['numbers', 'widths']) {
        const grown = new Uint32Array(length);
        grown.set(this[name].subarray(0, this.count));
        this[name] = grown;
      }
    }
    if (this.size + cells > this.kinds.length) {
      const length = Math.max(this.kinds.length * 2, this.size + cells);
      const kinds = new Uint8Array(length);
      kinds.set(this.kinds.subarray(0, this.size));
      const values = new Float64Array(length);
      values.set(this.values.subarray(0, this.size));
      this.kinds = kinds;
      this.values = values;
    }
  }

  text(at, text) {
    let index = this.textIndex.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, index);
    }
    this.kinds[at] = TEXT;
    this.values[at] = index;
  }

  /** A RawCell, as xlsx-sheet-parser.mjs reads it. */
  raw(at, cell) {
    if (cell === null) return;
    if (typeof cell === 'number') {
      this.kinds[at] = NUMBER;
      this.values[at] = cell;
    } else if (typeof cell === 'string') this.text(at, cell);
    else if (typeof cell === 'boolean') this.kinds[at] = cell ? TRUE : FALSE;
    else if (cell instanceof Date) {
      this.kinds[at] = DATE;
      this.values[at] = cell.getTime();
    } else {
      this.kinds[at] = ERROR;
      this.values[at] = this.errors.length;
      this.errors.push(cell);
    }
  }

  /** Appends rows already read as RawCells (`{ number, cells }`, as xlsx-sheet-parser.mjs gives them). */
  addCells(rows) {
    const count = rows.length;
    let cellsNeeded = 0;
    for (let r = 0; r < count; r++) cellsNeeded += rows[r].cells.length;
    this.reserve(count, cellsNeeded);
    for (let r = 0; r < count; r++) {
      const { number, cells } = rows[r];
      let width = cells.length;
      while (width > 0 && cells[width - 1] === null) width--;
      this.numbers[this.count] = number;
      this.widths[this.count++] = width;
      for (let c = 0; c < width; c++) this.raw(this.size++, cells[c]);
    }
  }

  /**
   * The rows added since the last take, as a batch for postMessage and the buffers to move; the builder starts afresh.
   */
  take() {
    const batch = {
      type: 'rows',
      numbers: this.numbers.subarray(0, this.count),
      widths: this.widths.subarray(0, this.count),
      kinds: this.kinds.subarray(0, this.size),
      values: this.values.subarray(0, this.size),
      texts: this.texts,
      errors: this.errors,
    };
    const transfer = [this.numbers.buffer, this.widths.buffer, this.kinds.buffer, this.values.buffer];
    // The next batch is most likely the size of this one.
    this.allocate(Math.max(16, this.count), Math.max(64, this.size));
    return { batch, transfer };
  }
}

/**
 * A batch back to rows of RawCells, in the main thread, one row when it is wanted: a whole
 * batch of row objects made at once would outlive the main thread's scavenges.
 */
export function* rowsOfBatch(batch) {
  const { numbers, widths, kinds, values, texts, errors } = batch;
  let at = 0;
  for (let r = 0; r < numbers.length; r++) {
    const cells = new Array(widths[r]);
    for (let c = 0; c < cells.length; c++, at++) {
      switch (kinds[at]) {
        case NUMBER:
          cells[c] = values[at];
          break;
        case TEXT:
          cells[c] = texts[values[at]];
          break;
        case TRUE:
          cells[c] = true;
          break;
        case FALSE:
          cells[c] = false;
          break;
        case DATE:
          cells[c] = new Date(values[at]);
          break;
        case ERROR:
          cells[c] = errors[values[at]];
          break;
        default:
          cells[c] = null;
      }
    }
    yield { row: numbers[r], cells };
  }
}

/** Reads one workbook, its bytes and 'taken' coming by the port; resolves once every sheet was sent. */
async function readWorkbook(port, ExcelJS, SaxesParser) {
  const inbox = {};
  // This read's own listener, removed when it ends: what the main thread still sends for it
  // afterwards (a late 'taken') reaches nobody.
  const onMessage = (message) => {
    if (message.type === 'taken') inbox.onTaken?.();
    else if (message.type === 'bytes' || message.type === 'end') inbox.onInput?.(message);
  };
  port.on('message', onMessage);
  const input = new Readable({
    // Ahead of the parser by this much at most (two deliveries): the main thread's delivery
    // comes a turn of its event loop after the request, so a second one is asked for before
    // the first runs out.
    highWaterMark: 512 << 10,
    read() {
      port.postMessage({ type: 'need' });
    },
  });
  try {
    inbox.onInput = (message) => {
      if (message.type === 'end') {
        input.push(null);
        return;
      }
      // In pieces: each piece is parsed into one run of rows, and rows of a piece this size
      // die young (see RowBatchBuilder).
      const bytes = Buffer.from(message.bytes);
      for (let at = 0; at < bytes.length; at += PIECE_BYTES)
        input.push(bytes.subarray(at, Math.min(at + PIECE_BYTES, bytes.length)));
    };
    let ahead = 0;
    let resume = null;
    inbox.onTaken = () => {
      ahead--;
      if (resume && ahead < BATCHES_AHEAD) {
        const go = resume;
        resume = null;
        go();
      }
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell date cells from numbers; hyperlinks are read as their text.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'emit',
    });
    // The 'entry' event announces each sheet's part number just before the sheet is handed over.
    let partNumber = 0;
    const builder = new RowBatchBuilder();
    reader.on('entry', (entry) => {
      if (entry.type === 'worksheet' && entry.id !== undefined) partNumber = Number(entry.id);
    });
    for await (const event of reader.parse()) {
      if (event.eventType !== 'worksheet') continue;
      // Rows are read at once, whether or not the main thread wants the sheet: waiting for its
      // word left exceljs's unzipper running on, and it was seen to lose the next sheet.
      port.postMessage({ type: 'sheet', part: partNumber });
      const post = async () => {
        const { batch: encoded, transfer } = builder.take();
        port.postMessage(encoded, transfer);
        ahead++;
        if (ahead >= BATCHES_AHEAD) await new Promise((go) => (resume = go));
      };
      // The rows of each piece of XML together: iterating these skips a generator per row.
      // exceljs reads the zip, shared strings and styles; the sheet's XML is read by our parser.
      const sheet = event.value;
      try {
        for await (const rows of sheetRowPieces(sheet.iterator, sheet.workbook, SaxesParser)) {
          builder.addCells(rows);
          if (builder.rowCount >= BATCH_ROWS) await post();
        }
      } catch (error) {
        if (error instanceof SheetDamage) {
          // The main thread names the sheet by its part.
          error.part = partNumber;
        }
        throw error;
      }
      if (builder.rowCount > 0) await post();
      port.postMessage({ type: 'sheet-end' });
    }
  } finally {
    port.off('message', onMessage);
    // The unzipper stops at the zip's end record and may leave the stream unended: nothing of
    // this read may ask for bytes or push them into the next one.
    input.unpipe();
    input.destroy();
  }
}

if (!isMainThread && parentPort && workerData?.role === XLSX_ROW_WORKER) {
  const port = parentPort;
  // Loaded once, as the thread starts (before the first workbook if the thread was started ahead).
  const excel = Promise.all([import('exceljs'), import('saxes')]).then(([exceljs, saxes]) => ({
    ExcelJS: exceljs.default,
    SaxesParser: saxes.SaxesParser,
  }));
  // A failure to load is reported to each read that asks for it.
  excel.catch(() => undefined);
  let reading = false;
  port.on('message', (message) => {
    if (message.type !== 'start') return;
    if (reading) {
      port.postMessage({ type: 'failed', message: 'the reader was asked for a second workbook while reading one' });
      return;
    }
    reading = true;
    excel
      .then(({ ExcelJS, SaxesParser }) => readWorkbook(port, ExcelJS, SaxesParser))
      .then(
        () => {
          reading = false;
          port.postMessage({ type: 'done' });
        },
        (error) => {
          reading = false;
          const message = error instanceof Error ? error.message : String(error);
          const damage =
            error instanceof SheetDamage ? { part: error.part ?? 0, why: error.why, ...error.where } : undefined;
          port.postMessage({ type: 'failed', message, ...(damage ? { damage } : {}) });
        },
      );
  });
}
