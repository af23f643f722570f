// The largest tables of an audit package (sales lines, approved lines, the ledger: nine tenths of a year's rows)
// checked as their CSV is read, without rebuilding them in SQLite on the thread that checks the chain and the seals:
// each seal's digest re-derived from the rows' values as SQLite's json_array writes them (JSON.stringify writes
// integers, text and null the same way), every row found inside a seal, and for the ledger the chain pass itself
// (verify-ledger.ts's, fed from the CSV). The recomputation's thread rebuilds these tables for itself, so on a year's
// package the first thread's path is shorter by the rebuild of three million rows.
//
// This only ever says "whole" or "not sure". A table is whole when every value has the type SQLite would keep in its
// column as it stands (a whole number that a double holds exactly in an INTEGER column, text in a TEXT column, or
// NULL), its rows come in rising rowid order, no two of its seals overlap, each seal covers rows, every line
// re-derived equals what the seal hashed, and (the ledger) the chain holds. Anything else (a REAL, a blob, a number
// where text belongs, a row no seal covers, a digest that differs) sends the table to the usual path: rebuilt in
// SQLite and checked as a live file is, which names the row and the seal. Why "whole" here means whole there too:
// JSON.stringify and json_array each write a value as JSON that reads back as that value, so lines equal to the
// sealed ones hold the sealed values, which SQLite, given values of its columns' own types, keeps unchanged.
import { createHash, type Hash } from 'node:crypto';
import type { LedgerProblem } from '../ledger/ledger-views';
import { HASHED_COLUMNS } from '../ledger/ledger-hash';
import { ledgerChain, type ChainPass } from '../ledger/verify-ledger';
import { CsvError, csvPieces, parseCsvHeader, parseCsvRecords, pieceText, type CsvValue } from './table-csv';

/** The tables checked as they are read, when the recomputation rebuilds them on a thread of its own. */
export const CHECKED_AS_READ: ReadonlySet<string> = new Set(['sales_lines', 'approved_lines', 'ledger_entries']);

/** A seal of record_seals as this check needs it. */
export interface SealOfTable {
  id: number;
  columns: string;
  first_rowid: number;
  last_rowid: number;
  row_count: number;
  digest: string;
}

export interface TableAsRead {
  /** Whole as described above; false: the table is to be rebuilt and checked the usual way. */
  whole: boolean;
  /** Rows read (all of them, when whole). */
  rows: number;
  /** For the ledger, when whole: the chain pass, as verifyLedger would have made it. */
  chain?: ChainPass;
  /** The table's columns as its CSV names them, and the rows asked for by rowid, as read. */
  header: string[];
  kept: CsvValue[][];
}

/** Where lines are handed to the hash in pieces of about this many characters, as db/seal-rows.ts does. */
const PIECE = 1 << 16;

class NotWhole extends Error {}

/** A control character but the line feed, or a backslash: JSON escapes them, and SQLite may escape them otherwise. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL_OR_BACKSLASH = /[\u0000-\u0009\u000b-\u001f\\]/;

/**
 * The first `count` fields of a record as JSON (without its brackets), taken from the CSV's own text: a quoted text
 * with no doubled quote, backslash or control character is already a JSON string, and whole numbers are written
 * alike; an empty field (NULL) becomes null. Text that does not read back as these values as JSON (a number not
 * written as SQLite writes it, a line feed inside quotes) makes a line that differs from the sealed one, so the table
 * goes to the usual checks: never a false "whole".
 */
function rawFields(text: string, values: readonly CsvValue[], starts: Int32Array, count: number, end: number): string {
  const stop = count < values.length ? starts[count]! - 1 : end;
  let out = '';
  let from = starts[0]!;
  for (let i = 0; i < count; i++) {
    if (values[i] !== null) continue;
    out += `${text.slice(from, starts[i])}null`;
    from = starts[i]!;
  }
  return out + text.slice(from, stop);
}

export function checkTableAsRead(input: {
  table: string;
  bytes: Uint8Array;
  /** The app's columns of the table: declared type, and whether it is the rowid's alias. */
  columns: readonly { name: string; type: string; rowid: boolean }[];
  seals: readonly SealOfTable[];
  /** Rows whose values are wanted back (the ledger entries the payouts name). */
  keep?: ReadonlySet<number>;
  /** For the ledger: the entries whose hashes the approvals noted (verify-ledger.ts's approvalHeads). */
  chainKept?: ReadonlySet<number>;
  progress?: (bytes: number) => void;
}): TableAsRead {
  const { bytes, seals } = input;
  const nl = bytes.indexOf(10);
  const kept: CsvValue[][] = [];
  let rows = 0;
  let header: string[] = [];
  try {
    if (nl < 0) throw new NotWhole();
    header = parseCsvHeader(Buffer.from(bytes.subarray(0, nl)).toString('utf8'));
    const declared = new Map(input.columns.map((c) => [c.name, c]));
    if (header.some((name) => name !== 'rowid' && !declared.has(name))) throw new NotWhole();
    // SQLite's affinity: a declared type holding INT keeps integers; CHAR, CLOB or TEXT keeps text. No other column
    // is read here.
    const integer = header.map((name) => name !== 'rowid' && /INT/i.test(declared.get(name)!.type));
    if (header.some((name, i) => name !== 'rowid' && !integer[i] && !/CHAR|CLOB|TEXT/i.test(declared.get(name)!.type)))
      throw new NotWhole();
    const alias = input.columns.find((c) => c.rowid)?.name;
    const rowidAt = header.includes('rowid') ? header.indexOf('rowid') : alias ? header.indexOf(alias) : -1;
    if (rowidAt < 0) throw new NotWhole();

    const valid = (s: SealOfTable) =>
      typeof s.columns === 'string' &&
      typeof s.digest === 'string' &&
      [s.first_rowid, s.last_rowid, s.row_count].every(Number.isSafeInteger);
    if (!seals.every(valid)) throw new NotWhole();
    const ranges = [...seals].sort((a, b) => a.first_rowid - b.first_rowid);
    const derived = ranges.map((seal, i) => {
      if (i > 0 && seal.first_rowid <= ranges[i - 1]!.last_rowid) throw new NotWhole();
      const at = seal.columns.split(',').map((c) => (c === 'rowid' ? rowidAt : header.indexOf(c)));
      if (at.some((i) => i < 0)) throw new NotWhole();
      // The usual seal: the rowid, then every column in the table's order, which is the CSV's.
      const usual = at.length === header.length + 1 && at[0] === rowidAt && at.every((c, i) => i === 0 || c === i - 1);
      return { seal, at: usual ? null : at, hash: createHash('sha256') as Hash, piece: '', count: 0 };
    });

    const chain =
      input.table === 'ledger_entries'
        ? ledgerChain(header, input.chainKept ?? new Set(), (_: LedgerProblem) => {
            throw new NotWhole();
          })
        : null;
    // The ledger's columns in the order its hash covers them, then the hash: each row's JSON serves both checks.
    const hashed =
      chain !== null &&
      header.length === HASHED_COLUMNS.length + 1 &&
      HASHED_COLUMNS.every((c, i) => header[i] === c) &&
      header[HASHED_COLUMNS.length] === 'hash';
    const keep = input.keep ?? new Set<number>();
    let sealAt = 0;
    let lastRowid = -Infinity;
    const starts = new Int32Array(header.length);
    // Whether the piece being read holds no backslash and no control character but line feeds: then a record whose
    // quoted fields hold no doubled quote is already its JSON, but for its nulls (see rawFields).
    let plain = false;
    let text = '';
    const row = (values: CsvValue[], start: number, end: number, doubled: boolean) => {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null) continue;
        if (integer[i] || i === rowidAt ? !Number.isSafeInteger(v) : typeof v !== 'string') throw new NotWhole();
      }
      const rowid = values[rowidAt];
      if (typeof rowid !== 'number' || rowid <= lastRowid) throw new NotWhole();
      lastRowid = rowid;
      while (sealAt < derived.length && derived[sealAt]!.seal.last_rowid < rowid) sealAt++;
      const d = derived[sealAt];
      // A row no seal covers was added behind the app's back: the usual checks name it.
      if (!d || d.seal.first_rowid > rowid) throw new NotWhole();
      const raw = plain && !doubled;
      const n = values.length;
      let json: string;
      if (hashed) {
        // The entry's hashed content is its values but the last (the hash) as JSON: made once, for both checks.
        const inner = raw
          ? rawFields(text, values, starts, n - 1, end)
          : JSON.stringify(values.slice(0, -1)).slice(1, -1);
        chain!.entry(values, `[${inner}]`);
        const last = raw ? text.slice(starts[n - 1]!, end) : JSON.stringify(values[n - 1]);
        json = d.at ? JSON.stringify(d.at.map((i) => values[i])) : `[${rowid},${inner},${last}]`;
      } else {
        chain?.entry(values);
        json = d.at
          ? JSON.stringify(d.at.map((i) => values[i]))
          : raw
            ? `[${rowid},${rawFields(text, values, starts, n, end)}]`
            : `[${rowid},${JSON.stringify(values).slice(1)}`;
      }
      d.piece += `${json}\n`;
      d.count++;
      if (d.piece.length >= PIECE) {
        d.hash.update(d.piece);
        d.piece = '';
      }
      if (keep.has(rowid)) kept.push(values.slice());
      rows++;
    };
    for (const piece of csvPieces(bytes.subarray(nl + 1))) {
      text = pieceText(piece);
      plain = !CONTROL_OR_BACKSLASH.test(text);
      // One array refilled for every record: what is kept of it is copied.
      parseCsvRecords(text, row, header.length, [], { reuse: true, starts });
      input.progress?.(piece.byteLength);
    }
    for (const d of derived) {
      d.hash.update(d.piece);
      if (d.count === 0 || d.count !== d.seal.row_count || d.hash.digest('hex') !== d.seal.digest) throw new NotWhole();
    }
    return { whole: true, rows, header, kept, ...(chain ? { chain: chain.result() } : {}) };
  } catch (error) {
    // A CSV that cannot be read is the usual rebuild's to report, with its row.
    if (error instanceof NotWhole || error instanceof CsvError) return { whole: false, rows, header, kept: [] };
    throw error;
  }
}
