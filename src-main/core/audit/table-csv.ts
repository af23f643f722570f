// One table as CSV, and back. The encoding keeps what SQLite holds exactly, so that a table rebuilt from it seals to
// the same digest (db/seal-rows.ts tells a REAL 5.0 from an INTEGER 5 and a blob from text):
// - UTF-8, no BOM, fields separated by ',', rows ended by '\n', a header row of the column names;
// - TEXT always in double quotes, a quote doubled inside ("" is the empty text); line breaks kept inside the quotes;
// - NULL is an empty field without quotes;
// - INTEGER as its digits; REAL with a decimal point or an exponent (printf %!.17g: exact);
// - BLOB as X followed by its bytes in hexadecimal, without quotes.
// A table without an integer primary key gets a first column named rowid, so that rows come back under their rowids.
// Each line is made by SQLite itself, many lines to a chunk of bytes, which is several times faster than reading the
// values into JavaScript and writing them there.
import type Database from 'better-sqlite3';
import { isAscii } from 'node:buffer';

export const CSV_ENCODING_NOTE = [
  'CSV encoding: UTF-8, comma separated, one header row, rows end with a line feed.',
  'Text is always in double quotes (a quote inside is doubled); "" is the empty text.',
  'An empty field without quotes is NULL (no value).',
  'Whole numbers are written as digits; a REAL number has a decimal point or an exponent.',
  'A BLOB is X followed by its bytes in hexadecimal, without quotes.',
  'A table without an integer id column has a first column rowid: the row number SQLite gave the row.',
].join('\n');

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

/** The columns of a table and whether its rowid must be written as a column of its own. */
export function tableColumns(sqlite: Database.Database, table: string): { columns: string[]; withRowid: boolean } {
  const info = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
  const keys = info.filter((c) => c.pk > 0);
  const aliased = keys.length === 1 && /^integer$/i.test(keys[0]!.type);
  return { columns: info.map((c) => c.name), withRowid: !aliased };
}

function fieldSql(name: string): string {
  const c = name === 'rowid' ? 'rowid' : `"${name.replace(/"/g, '""')}"`;
  return `CASE typeof(${c}) WHEN 'integer' THEN CAST(${c} AS TEXT) WHEN 'text' THEN '"' || replace(${c}, '"', '""') || '"' WHEN 'null' THEN '' WHEN 'real' THEN printf('%!.17g', ${c}) ELSE 'X' || hex(${c}) END`;
}

export type CsvValue = string | number | bigint | Buffer | null;

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;

/** An unquoted field as its value: NULL, an integer, a real or a blob. */
function bareValue(text: string, exact: boolean): CsvValue {
  if (text === '') return null;
  const first = text.charCodeAt(0);
  if (first === 88 /* X */) return Buffer.from(text.slice(1), 'hex');
  // Digits only (after a sign) is an INTEGER; anything else a REAL as SQLite wrote it (printf %!.17g), never money.
  let integer = true;
  for (let i = first === 45 /* - */ ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      integer = false;
      break;
    }
  }
  if (!integer) return Number(text);
  // A Number is bound as a REAL, which only a column of INTEGER affinity turns back into an integer; past 2^53 a
  // Number is not exact either. Elsewhere an integer goes to SQLite as a BigInt.
  return exact || text.length >= 16 ? BigInt(text) : Number(text);
}

export class CsvError extends Error {}

/**
 * Reads CSV text as the encoding above, calling `row` with each record's values; `text` holds whole records. Returns
 * the number of records. Quoted fields are found with indexOf, not character by character.
 */
export function parseCsvRecords(
  text: string,
  /**
   * Each record's values, where its text starts and ends (before its line feed), and whether a quoted field of it
   * held a doubled quote.
   */
  row: (values: CsvValue[], start: number, end: number, doubled: boolean) => void,
  width: number,
  exactIntegers: readonly boolean[] = [],
  options: {
    /**
     * One array for every record, refilled: `row` must take what it keeps before it returns. Millions of arrays
     * made and dropped cost a year's package a second of garbage collection in each thread.
     */
    reuse?: boolean;
    /** Fields not wanted, read as null without being made into a value (a quoted one is still read whole). */
    skip?: readonly boolean[];
    /** Filled with where each field of the record starts in `text`, before `row` is called. */
    starts?: Int32Array;
  } = {},
): number {
  let at = 0;
  let count = 0;
  const end = text.length;
  const reuse = options.reuse === true;
  const skip = options.skip ?? [];
  const starts = options.starts;
  let values: CsvValue[] = new Array<CsvValue>(width);
  let field = 0;
  let start = 0;
  let doubled = false;
  while (at < end) {
    let value: CsvValue;
    if (field === 0) {
      start = at;
      doubled = false;
    }
    if (starts) starts[field] = at;
    if (skip[field] === true && text.charCodeAt(at) === QUOTE) {
      // Past the quoted text without taking it: a doubled quote inside is two quotes in a row.
      let close = text.indexOf('"', at + 1);
      while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
        doubled = true;
        close = text.indexOf('"', close + 2);
      }
      if (close < 0) throw new CsvError(`a quoted text that never ends, after record ${count}`);
      value = null;
      at = close + 1;
    } else if (text.charCodeAt(at) === QUOTE) {
      let close = text.indexOf('"', at + 1);
      let piece = '';
      let from = at + 1;
      // A doubled quote is a quote inside the text.
      while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
        doubled = true;
        piece += text.slice(from, close + 1);
        from = close + 2;
        close = text.indexOf('"', from);
      }
      if (close < 0) throw new CsvError(`a quoted text that never ends, after record ${count}`);
      value = piece + text.slice(from, close);
      at = close + 1;
    } else {
      let stop = at;
      while (stop < end) {
        const c = text.charCodeAt(stop);
        if (c === COMMA || c === NEWLINE) break;
        stop++;
      }
      value = skip[field] === true ? null : bareValue(text.slice(at, stop), exactIntegers[field] === true);
      at = stop;
    }
    if (field >= width) throw new CsvError(`record ${count + 1} has more than ${width} fields`);
    values[field++] = value;
    const sep = text.charCodeAt(at);
    if (sep === COMMA) {
      at++;
      continue;
    }
    if (sep !== NEWLINE && at < end) throw new CsvError(`record ${count + 1} has text after a closing quote`);
    if (field !== width) throw new CsvError(`record ${count + 1} has ${field} fields, not ${width}`);
    row(values, start, at, doubled);
    count++;
    if (!reuse) values = new Array<CsvValue>(width);
    field = 0;
    at++;
  }
  if (field !== 0) throw new CsvError(`the last record is cut short`);
  return count;
}

/** The header line's column names. */
export function parseCsvHeader(line: string): string[] {
  const names: string[] = [];
  parseCsvRecords(`${line}\n`, (v) => names.push(...v.map(String)), line.split(',').length);
  return names;
}

/**
 * Splits CSV bytes into pieces of whole records of about `size` bytes: a line feed ends a record only outside quotes,
 * which an even count of quotes before it tells (a quote inside text is doubled, so the count stays right).
 */
export function* csvPieces(bytes: Uint8Array, size = 8 << 20): Generator<Uint8Array> {
  let start = 0;
  let quotes = 0;
  let scanned = 0;
  while (start < bytes.length) {
    let target = Math.min(start + size, bytes.length);
    if (target >= bytes.length) {
      yield bytes.subarray(start);
      return;
    }
    for (;;) {
      // Count the quotes up to the candidate line feed.
      let nl = bytes.indexOf(NEWLINE, target);
      if (nl < 0) nl = bytes.length - 1;
      for (let i = scanned; i < nl; i++) if (bytes[i] === QUOTE) quotes++;
      scanned = nl;
      if (quotes % 2 === 0 || nl >= bytes.length - 1) {
        yield bytes.subarray(start, nl + 1);
        start = nl + 1;
        scanned = nl + 1;
        break;
      }
      target = nl + 1;
    }
  }
}

/** Rows per aggregate read: a few megabytes of CSV at a time. */
const ROWS_PER_READ = 20_000;

/**
 * Rows of `table` in rowid order as byte chunks of many lines each, each chunk made whole by SQLite (group_concat of
 * `lineSql`, cast to a BLOB so that it reaches JavaScript as UTF-8 bytes, never as a string per row).
 */
export function* rowChunks(sqlite: Database.Database, table: string, lineSql: string): Generator<Buffer> {
  const bounds = sqlite.prepare(`SELECT MIN(rowid), MAX(rowid) FROM "${table}"`).raw().get() as [
    number | null,
    number | null,
  ];
  if (bounds[0] === null || bounds[1] === null) return;
  const read = sqlite
    .prepare(
      `SELECT CAST(group_concat(${lineSql}, '' ORDER BY rowid) AS BLOB) FROM "${table}" WHERE rowid >= ? AND rowid < ?`,
    )
    .pluck();
  for (let from = bounds[0]; from <= bounds[1]; from += ROWS_PER_READ) {
    const chunk = read.get(from, from + ROWS_PER_READ) as Buffer | null;
    if (chunk) yield chunk;
  }
}

/** The table's CSV: its header line and its rows' chunks. */
export function csvChunks(
  sqlite: Database.Database,
  table: string,
): { header: string; columns: string[]; chunks: Generator<Buffer> } {
  const { columns, withRowid } = tableColumns(sqlite, table);
  const all = withRowid ? ['rowid', ...columns] : columns;
  const header = `${all.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\n`;
  return {
    header,
    columns: all,
    chunks: rowChunks(sqlite, table, `${all.map(fieldSql).join(` || ',' || `)} || char(10)`),
  };
}

/** A piece of CSV (csvPieces) as text: most are ASCII, which latin1 reads as UTF-8 would, several times faster. */
export function pieceText(piece: Uint8Array): string {
  const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  return isAscii(chunk) ? chunk.toString('latin1') : chunk.toString('utf8');
}

/**
 * Every record of a table's CSV as parseCsvRecords reads them, piece by piece, each refilling one array (the caller
 * takes what it keeps). `start` is given the header's names first, and gives what reads each record and the fields
 * to skip.
 */
export function readCsvTable(
  bytes: Uint8Array,
  start: (header: readonly string[]) => { row: (values: CsvValue[]) => void; skip?: readonly boolean[] },
): void {
  const nl = bytes.indexOf(NEWLINE);
  if (nl < 0) throw new CsvError('the table has no header line');
  const header = parseCsvHeader(Buffer.from(bytes.subarray(0, nl)).toString('utf8'));
  const { row, skip } = start(header);
  for (const piece of csvPieces(bytes.subarray(nl + 1)))
    parseCsvRecords(pieceText(piece), row, header.length, [], { reuse: true, ...(skip ? { skip } : {}) });
}
