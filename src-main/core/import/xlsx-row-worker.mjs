// exceljs's streaming reader, run in a worker thread, so that its XML parsing (most of the
// time an .xlsx import takes) runs on the other core while the main thread judges and stores
// the rows it has already been handed. Plain JavaScript with no import of ours, because the
// same file is loaded as a worker under tsx (CLI, web server), vitest, and from the Electron
// main process bundled by electron-vite: none of these would load TypeScript in a new thread.
//
// The main thread (read-xlsx.ts) keeps every check of the file: it unpacks and checks the
// zip (repack-zip-parts.ts) and hands the worker the stored zip it makes, a few hundred
// kilobytes at a time, when asked. The worker hands back each sheet's rows as plain values
// (RawCell: text, number, boolean, Date, error) in batches, and waits when the main thread
// has not taken the last few, so that neither side holds more than a little of the file.
//
// Messages, worker -> main: need (more zip bytes), sheet (part number), rows (a batch),
// sheet-end, done, failed (message). Main -> worker: bytes (an ArrayBuffer, transferred),
// end, taken (a batch).
import { Readable } from 'node:stream';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Marks the workerData of this worker, so that importing the file elsewhere starts nothing. */
export const XLSX_ROW_WORKER = 'loyalty-desk.xlsx-row-worker';

// Row batches the main thread may have been sent and not yet taken, before the worker waits.
const BATCHES_AHEAD = 8;
const PIECE_BYTES = 64 * 1024;

function joinRichText(runs) {
  return Array.isArray(runs) ? runs.map((run) => (typeof run?.text === 'string' ? run.text : '')).join('') : '';
}

/** exceljs's cell value -> our RawCell: rich text and hyperlinks flattened, a formula's cached result taken. */
export function rawCellFromExcel(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  if ('richText' in value) return joinRichText(value.richText);
  if ('error' in value && typeof value.error === 'string') return { error: value.error };
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    const result = value.result;
    // The streaming reader turns an error result ("#N/A") into NaN, as it does a missing one.
    if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
      const formula = typeof value.formula === 'string' && value.formula !== '' ? value.formula : typeof value.sharedFormula === 'string' ? value.sharedFormula : '';
      return { error: formula ? `=${formula}` : '=?', uncalculated: true };
    }
    return rawCellFromExcel(result);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : joinRichText(value.text?.richText);
  return null;
}

/** The row's cells from column A to its last cell with a value (as exceljs's `values` would give them). */
export function rowCells(row) {
  // `_cells` read directly spares building exceljs's `values` array for every row.
  const direct = row._cells;
  if (Array.isArray(direct)) {
    let last = direct.length - 1;
    while (last >= 0 && (direct[last] === undefined || direct[last]?.value === null || direct[last]?.value === undefined)) last--;
    const cells = new Array(last + 1);
    for (let i = 0; i <= last; i++) cells[i] = rawCellFromExcel(direct[i]?.value);
    return cells;
  }
  const values = row.values;
  const list = Array.isArray(values) ? values : Object.assign([], values);
  const cells = new Array(Math.max(0, list.length - 1));
  for (let col = 1; col < list.length; col++) cells[col - 1] = rawCellFromExcel(list[col]);
  return cells;
}

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

/** Rows (numbers and RawCell lists) -> a batch for postMessage, and the buffers to move. */
export function encodeRowBatch(numbers, rows) {
  let size = 0;
  for (const cells of rows) size += cells.length;
  const kinds = new Uint8Array(size);
  const values = new Float64Array(size);
  const widths = new Uint32Array(rows.length);
  const texts = [];
  const textIndex = new Map();
  const errors = [];
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    widths[r] = cells.length;
    for (let c = 0; c < cells.length; c++, at++) {
      const cell = cells[c];
      if (cell === null) continue;
      if (typeof cell === 'number') {
        kinds[at] = NUMBER;
        values[at] = cell;
      } else if (typeof cell === 'string') {
        let index = textIndex.get(cell);
        if (index === undefined) {
          index = texts.length;
          texts.push(cell);
          textIndex.set(cell, index);
        }
        kinds[at] = TEXT;
        values[at] = index;
      } else if (typeof cell === 'boolean') kinds[at] = cell ? TRUE : FALSE;
      else if (cell instanceof Date) {
        kinds[at] = DATE;
        values[at] = cell.getTime();
      } else {
        kinds[at] = ERROR;
        values[at] = errors.length;
        errors.push(cell);
      }
    }
  }
  const batch = { type: 'rows', numbers: Uint32Array.from(numbers), widths, kinds, values, texts, errors };
  return { batch, transfer: [batch.numbers.buffer, widths.buffer, kinds.buffer, values.buffer] };
}

/** A batch back to rows of RawCells, in the main thread. */
export function decodeRowBatch(batch) {
  const { numbers, widths, kinds, values, texts, errors } = batch;
  const rows = new Array(numbers.length);
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
    rows[r] = { row: numbers[r], cells };
  }
  return rows;
}

async function readWorkbook(port) {
  const { default: ExcelJS } = await import('exceljs');
  const inbox = {};
  port.on('message', (message) => {
    if (message.type === 'taken') inbox.onTaken?.();
    else inbox.onInput?.(message);
  });
  const input = new Readable({
    // Ahead of the parser by this much at most: the main thread's delivery comes a turn of
    // its event loop after the request, so a second one is asked for before the first runs out.
    highWaterMark: 2 << 20,
    read() {
      port.postMessage({ type: 'need' });
    },
  });
  inbox.onInput = (message) => {
    if (message.type === 'end') {
      input.push(null);
      return;
    }
    // In pieces: exceljs parses each piece it is given into one batch of rows, and batches
    // this size die young (a larger batch outlives a scavenge and costs full collections).
    const bytes = Buffer.from(message.bytes);
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) input.push(bytes.subarray(at, Math.min(at + PIECE_BYTES, bytes.length)));
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
  reader.on('entry', (entry) => {
    if (entry.type === 'worksheet' && entry.id !== undefined) partNumber = Number(entry.id);
  });
  for await (const event of reader.parse()) {
    if (event.eventType !== 'worksheet') continue;
    // Rows are read at once, whether or not the main thread wants the sheet: waiting for its
    // word left exceljs's unzipper running on, and it was seen to lose the next sheet.
    port.postMessage({ type: 'sheet', part: partNumber });
    // Batches of events, one batch per chunk of XML: iterating these skips a generator per row.
    for await (const batch of event.value.parse()) {
      const numbers = [];
      const rows = [];
      for (const item of batch) {
        if (item.eventType !== 'row') continue;
        numbers.push(item.value.number);
        rows.push(rowCells(item.value));
      }
      if (numbers.length === 0) continue;
      const { batch: encoded, transfer } = encodeRowBatch(numbers, rows);
      port.postMessage(encoded, transfer);
      ahead++;
      if (ahead >= BATCHES_AHEAD) await new Promise((go) => (resume = go));
    }
    port.postMessage({ type: 'sheet-end' });
  }
  port.postMessage({ type: 'done' });
}

if (!isMainThread && parentPort && workerData?.role === XLSX_ROW_WORKER) {
  const port = parentPort;
  readWorkbook(port).catch((error) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
}
