// Types of xlsx-row-worker.mjs, a plain JavaScript file so that it can be loaded as a worker.
import type { CellError, RawCell, RawRow } from './raw-table';

export declare const XLSX_ROW_WORKER: string;

/** What the worker sends the main thread. */
export type RowWorkerMessage =
  | { type: 'need' }
  | { type: 'sheet'; part: number }
  | RowBatch
  | { type: 'sheet-end' }
  | { type: 'done' }
  | { type: 'failed'; message: string; damage?: SheetDamageReport };

/** Where a sheet's XML broke (xlsx-sheet-parser.mjs): its part, the last row read whole, the place in the XML. */
export interface SheetDamageReport {
  part: number;
  why: string;
  row: number;
  line: number;
  column: number;
  /** Bytes of the sheet's XML read when it broke (all of them, for XML that ends unfinished). */
  offset: number;
  /**
   * The XML ended with elements left open (a part cut short, or a stray "&" that took the rest), was malformed, or
   * names a row or cell no sheet has.
   */
  kind: 'unfinished' | 'malformed' | 'reference';
}

/** What the main thread sends the worker: 'start' begins the next workbook. */
export type RowWorkerCommand =
  { type: 'start' } | { type: 'bytes'; bytes: ArrayBuffer } | { type: 'end' } | { type: 'taken' };

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

/** Rows of RawCells encoded as the sheet parser hands them over, taken as one batch when enough are in. */
export declare class RowBatchBuilder {
  constructor(rowCapacity?: number, cellCapacity?: number);
  readonly rowCount: number;
  addCells(rows: readonly { number: number; cells: readonly RawCell[] }[]): void;
  take(): { batch: RowBatch; transfer: ArrayBuffer[] };
}

/** A batch's rows, each decoded when it is wanted. */
export declare function rowsOfBatch(batch: RowBatch): Generator<RawRow>;
