import { decodeText } from './detect-encoding';
import { CSV_SEPARATORS, detectSeparator, type CsvSeparator } from './detect-separator';
import type { ImportLimits } from './import-limits';
import { parseCsvRecords } from './parse-csv-records';
import type { RawCell, RawRow, SheetSource, TableSource } from './raw-table';
import { ReadPacer, throwIfCancelled, type ReadProgress } from './read-progress';
import { tooManyRows } from './row-limits';

// Excel honours a first line "sep=;" and hides it; we do the same.
const SEPARATOR_HINT = /^sep=(.)\r?\n/i;
// ERP exports write ="00123" to keep a text's leading zeros when Excel opens the file.
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;

function toCell(field: string): RawCell {
  if (field === '') return null;
  const wrapped = EXCEL_TEXT_FORMULA.exec(field);
  return wrapped ? (wrapped[1] ?? '') : field;
}

function csvSeparatorName(separator: string): string {
  return separator === '\t' ? 'tab' : separator;
}

/**
 * A CSV file as a one-sheet table of text cells; rows are the file's records, numbered as
 * Excel shows them. Progress counts records and estimates bytes from the characters parsed.
 */
export function readCsvTable(
  bytes: Uint8Array,
  locale: string,
  limits: ImportLimits,
  progress: ReadProgress = {},
  fileName = 'the file',
): TableSource {
  throwIfCancelled(progress.signal);
  const decoded = decodeText(bytes, locale);
  let text = decoded.text;
  let separator: CsvSeparator | null = null;
  const hint = SEPARATOR_HINT.exec(text);
  if (hint && (CSV_SEPARATORS as readonly string[]).includes(hint[1] ?? '')) {
    separator = hint[1] as CsvSeparator;
    text = text.slice(hint[0].length);
  }
  const chosen = separator ?? detectSeparator(text);
  const sheet: SheetSource = {
    name: null,
    hidden: false,
    async *rows(): AsyncGenerator<RawRow> {
      const position = { offset: 0 };
      const pacer = new ReadPacer(progress, () =>
        text.length > 0 ? Math.floor((bytes.byteLength * position.offset) / text.length) : bytes.byteLength,
      );
      const records = parseCsvRecords(text, {
        separator: chosen,
        maxFieldChars: limits.maxCellChars,
        maxRecordChars: limits.maxLineChars,
        position,
      });
      for (const { record, fields } of records) {
        if (pacer.countRow()) await pacer.checkpoint();
        if (pacer.rowsRead > limits.maxRows) throw tooManyRows(fileName, limits.maxRows);
        yield { row: record, cells: fields.map(toCell) };
      }
      pacer.report(bytes.byteLength);
    },
    mergedAreas: () => Promise.resolve([]),
    skip: () => undefined,
  };
  return {
    format: 'csv',
    sheetNames: [],
    date1904: false,
    encoding: decoded.bom ? `${decoded.encoding} (BOM)` : decoded.encoding,
    separator: csvSeparatorName(chosen),
    async *sheets() {
      yield sheet;
    },
  };
}
