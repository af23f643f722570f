// Types of xlsx-row-worker.mjs, a plain JavaScript file so that it can be loaded as a worker.
import type { CellError, RawCell, RawRow } from './raw-table';

export declare const XLSX_ROW_WORKER: string;

/** exceljs's cell value -> our RawCell: rich text and hyperlinks flattened, a formula's cached result taken. */
export declare function rawCellFromExcel(value: unknown): RawCell;

/** What the worker sends the main thread. */
export type RowWorkerMessage =
  | { type: 'need' }
  | { type: 'sheet'; part: number }
  | RowBatch
  | { type: 'sheet-end' }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** What the main thread sends the worker. */
export type RowWorkerCommand = { type: 'bytes'; bytes: ArrayBuffer } | { type: 'end' } | { type: 'taken' };

/** Rows as they cross from the worker: typed arrays and the batch's distinct texts. */
export interface RowBatch {
  type: 'rows';
  numbers: Uint32Array;
  widths: Uint32Array;
  kinds: Uint8Array;
  values: Float64Array;
  texts: string[];
  errors: CellError[];
}

export declare function encodeRowBatch(numbers: readonly number[], rows: readonly (readonly RawCell[])[]): { batch: RowBatch; transfer: ArrayBuffer[] };

export declare function decodeRowBatch(batch: RowBatch): RawRow[];
