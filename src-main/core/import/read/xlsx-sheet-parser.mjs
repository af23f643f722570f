// A worksheet's XML -> rows of RawCells, in the reader's worker thread (xlsx-row-worker.mjs).
// It takes the place of exceljs's own worksheet parsing, which let damage through unsaid:
// - its SAX wrapper never closes the parser, so a sheet whose XML stops part way (a part cut
//   in half, or a stray "&" that swallows the rest of the sheet as an entity name) simply ended
//   there, and the rows read so far were imported as if they were all;
// - it read a number cell with parseFloat, so "963.72abc" became 963.72 and "0x10" became 0;
// - it read an ISO date cell (t="d") as a number (2026), and took any row number it was given.
// Here the parser is closed at the end of the part, so that XML that does not end properly is
// a SheetDamage (which the main thread turns into a refusal of the whole file), and a value
// that is not what its cell type says is an unreadable cell, which the row's judging names.
// Plain JavaScript with no import of ours, for the same reason as the worker itself.
import { StringDecoder } from 'node:string_decoder';

/** The most rows and columns a worksheet can have (Excel's limits). */
const MAX_SHEET_ROWS = 1_048_576;
const MAX_SHEET_COLUMNS = 16_384;
// The largest row number the batches carry (Uint32Array), with room to spare.
const MAX_ROW_NUMBER = 99_999_999;

/** The sheet's XML is cut short or malformed, or names a row or cell no sheet can have. */
/** @typedef {'unfinished' | 'malformed' | 'reference'} SheetDamageKind */

export class SheetDamage extends Error {
  /**
   * @param {string} why what is wrong, for the sentence
   * @param {{ row: number, line: number, column: number, offset: number, kind: SheetDamageKind }} where: the last row
   *   read whole, the place in the XML (line, column, bytes read), and what broke
   */
  constructor(why, where) {
    super(why);
    this.name = 'SheetDamage';
    this.why = why;
    this.where = where;
  }
}

// The XML's number text is plain decimal (digits, sign, point, exponent). Number() alone would
// also take "0x10", "0b1", " 12 " and "Infinity"; a look at each character rules those out
// more cheaply than a regular expression.
function numberOf(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 46 && c !== 45 && c !== 43 && c !== 101 && c !== 69) return Number.NaN;
  }
  const n = text.length === 0 ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

function unreadable(text, expected) {
  return { error: text, unreadable: expected };
}

// yyyy-mm-dd, optionally with a time of day and a zone, as ISO 8601 writes a date cell's value.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A t="d" cell: the date and time as written (the zone, if any, is left aside: a sheet's dates
 * are the days the client wrote), at UTC like every other date cell read; else unreadable.
 */
function isoDateCell(text) {
  const m = ISO_DATE.exec(text);
  if (!m) return unreadable(text, 'date');
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((p) => (p === undefined ? 0 : Number(p)));
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 2026-02-30 over into March: such a day is not a date.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return unreadable(text, 'date');
  return date;
}

function booleanOf(text) {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return unreadable(text, 'boolean');
}

function joinRichText(runs) {
  return Array.isArray(runs) ? runs.map((run) => (typeof run?.text === 'string' ? run.text : '')).join('') : '';
}

/** A cell reference's row and column ("AB12" -> 12, 28); null when it is not one. */
function parseCellRef(ref) {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  if (i === 0 || i === ref.length || col > MAX_SHEET_COLUMNS) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    // No need to count further: it is past any row number already.
    if (row > MAX_ROW_NUMBER) return { row, col };
  }
  return { row, col };
}

/** A row's r attribute: a whole number, or NaN. */
function rowNumberOf(text) {
  if (text.length === 0 || text.length > 8) return text.length === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return Number.NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

function localName(name) {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const INLINE = 3;

/**
 * The sheet's rows, as `{ number, cells }` with cells[0] column A, in lists of the rows whose
 * end came in each piece of XML. `workbook` is exceljs's WorkbookReader, whose shared strings,
 * styles and date system have been read by then. Throws SheetDamage.
 */
export async function* sheetRowPieces(iterator, workbook, SaxesParser) {
  const sharedStrings = workbook.sharedStrings ?? [];
  const styles = workbook.styles;
  const date1904 = Boolean(workbook.properties?.model?.date1904);
  // Whether each style shows a date, by its number: a few styles serve a whole sheet.
  const dateStyles = new Map();
  const isDateStyle = (id) => {
    let date = dateStyles.get(id);
    if (date === undefined) {
      const numFmt = styles?.getStyleModel?.(id)?.numFmt;
      date = typeof numFmt === 'string' && /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
      dateStyles.set(id, date);
    }
    return date;
  };

  const parser = new SaxesParser();
  let failure = null;
  parser.on('error', (error) => {
    failure ??= error;
  });

  let rows = [];
  let inSheetData = false;
  let lastRow = 0;
  let row = null;
  let rowStyle = 0;
  let lastCol = 0;
  let cell = null;
  let capture = NONE;
  let phonetic = 0;
  let damage = null;
  let bytes = 0;

  const refuse = (why) => {
    damage ??= new SheetDamage(why, {
      row: lastRow,
      line: parser.line,
      column: parser.column,
      offset: bytes,
      kind: 'reference',
    });
  };

  const valueOf = (c) => {
    const { t, v } = c;
    if (c.f !== null) {
      // openpyxl writes a formula with an empty <v/>: never calculated, as one without it.
      if (v === null || v === '') return { error: c.f ? `=${c.f}` : '=?', uncalculated: true };
      if (t === 'str') return v;
      if (t === 'b') return booleanOf(v);
      // An error result ("#N/A") is a formula without a usable result, as before.
      if (t === 'e') return { error: c.f ? `=${c.f}` : '=?', uncalculated: true };
      const n = numberOf(v);
      return n === n ? n : unreadable(v, 'number');
    }
    if (v === null) return null;
    switch (t) {
      case 's': {
        const index = numberOf(v);
        const text = Number.isInteger(index) && index >= 0 ? sharedStrings[index] : undefined;
        if (typeof text === 'string') return text;
        if (text && typeof text === 'object') return joinRichText(text.richText);
        // The workbook's list of texts lacks the one the cell names: that part is damaged
        // (cut short, say), and every text cell after the cut would be wrong or missing.
        refuse(
          `${c.ref ? `its cell ${c.ref}` : 'a cell'} names text number ${v} of the workbook's shared strings, which holds only ${sharedStrings.length}`,
        );
        return null;
      }
      case 'inlineStr':
      case 'str':
        return v;
      case 'e':
        return { error: v };
      case 'b':
        return booleanOf(v);
      case 'd':
        return isoDateCell(v);
      default: {
        // An empty <v/> holds nothing, as an empty cell.
        if (v === '') return null;
        const n = numberOf(v);
        if (n !== n) return unreadable(v, 'number');
        const style = c.s || rowStyle;
        if (style && isDateStyle(style)) {
          const time = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
          const date = new Date(time);
          // A serial past the range of a Date (1e308, found by the fuzz) stays the number it is:
          // as an Invalid Date it reached reports that write dates as text, and broke them.
          return Number.isNaN(date.getTime()) ? n : date;
        }
        return n;
      }
    }
  };

  parser.on('opentag', (node) => {
    if (damage) return;
    switch (localName(node.name)) {
      case 'sheetData':
        inSheetData = true;
        break;
      case 'row': {
        if (!inSheetData) break;
        const r = node.attributes.r;
        const number = r === undefined ? lastRow + 1 : rowNumberOf(r);
        // A number past the sheet's rows but still a number is left to the main thread's limit
        // check (read-xlsx.ts), which names it; one that is no row number at all stops here.
        if (!(number >= 1 && number <= MAX_ROW_NUMBER)) {
          refuse(
            `it has a row numbered "${r ?? number}", outside the 1 to ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows a sheet can have`,
          );
          break;
        }
        const s = node.attributes.s;
        rowStyle = s === undefined ? 0 : Number.parseInt(s, 10) || 0;
        row = { number, cells: [] };
        lastCol = 0;
        break;
      }
      case 'c': {
        if (!row) break;
        const ref = node.attributes.r;
        let col = lastCol + 1;
        if (ref !== undefined) {
          const parsed = parseCellRef(ref);
          if (parsed === null || parsed.row < 1 || parsed.row > MAX_ROW_NUMBER) {
            refuse(`it has a cell referenced "${ref}", which is not a cell of a sheet`);
            break;
          }
          col = parsed.col;
        }
        lastCol = col;
        const s = node.attributes.s;
        cell = {
          col,
          ref,
          t: node.attributes.t,
          s: s === undefined ? 0 : Number.parseInt(s, 10) || 0,
          v: null,
          f: null,
        };
        break;
      }
      case 'v':
        if (cell) {
          cell.v = '';
          capture = VALUE;
        }
        break;
      case 'f':
        if (cell) {
          cell.f = '';
          capture = FORMULA;
        }
        break;
      case 'is':
        if (cell) cell.v = '';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        // Text runs of an inline string, without its phonetic guide.
        if (cell && cell.v !== null && phonetic === 0) capture = INLINE;
        break;
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    if (capture === VALUE || capture === INLINE) cell.v += text;
    else if (capture === FORMULA) cell.f += text;
  });
  parser.on('closetag', (node) => {
    if (damage) return;
    switch (localName(node.name)) {
      case 'v':
      case 'f':
      case 't':
        capture = NONE;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c':
        if (row && cell) {
          const value = valueOf(cell);
          if (value !== null) row.cells[cell.col - 1] = value;
        }
        cell = null;
        capture = NONE;
        break;
      case 'row':
        if (row) {
          // Holes (cells the file leaves out) are empty cells.
          const cells = row.cells;
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          rows.push(row);
          lastRow = row.number;
        }
        row = null;
        break;
      case 'sheetData':
        inSheetData = false;
        break;
      default:
        break;
    }
  });

  const failed = (atEnd, line = parser.line, column = parser.column) => {
    if (damage) return damage;
    const why = failure.message.replace(/^\d+:\d+: /, '');
    return new SheetDamage(why, {
      row: lastRow,
      line,
      column,
      offset: bytes,
      kind: atEnd ? 'unfinished' : 'malformed',
    });
  };
  // Characters cut between two pieces of the part are joined before the parser sees them.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of iterator) {
    bytes += chunk.length;
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (failure || damage) throw failed(false);
    if (rows.length > 0) {
      yield rows;
      rows = [];
    }
  }
  parser.write(decoder.end());
  if (failure || damage) throw failed(false);
  // Where the XML ends: closing the parser forgets it.
  const { line, column } = parser;
  // Closing is what tells a sheet that ends part way (unclosed elements) from a whole one.
  parser.close();
  if (failure || damage) throw failed(true, line, column);
  if (rows.length > 0) yield rows;
}
