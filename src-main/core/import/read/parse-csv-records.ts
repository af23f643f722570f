import { AppError } from '../../app-error';

export interface CsvRecord {
  /** 1-based: the row Excel shows when it opens the file (a quoted line break stays inside the record). */
  record: number;
  /** The line of the file where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvParseOptions {
  separator: string;
  maxFieldChars: number;
  /** Stop after this many records (separator detection reads only the top of the file). */
  maxRecords?: number;
  /** On an unclosed quote: refuse the file (reading it), or stop quietly (sniffing its top). */
  lenient?: boolean;
  /** Characters one record may span: a line that never ends is refused rather than split into millions of fields. */
  maxRecordChars?: number;
  /** Set to the text offset just past each record before it is yielded, for progress. */
  position?: { offset: number };
}

/**
 * Splits CSV text into records, RFC 4180 style: a field that starts with a quote runs to the
 * closing quote, with "" for a quote and separators and line breaks kept inside; a quote in
 * the middle of an unquoted field is an ordinary character (`12" pipe`), as Excel reads it.
 */
export function* parseCsvRecords(text: string, options: CsvParseOptions): Generator<CsvRecord> {
  const { separator, maxFieldChars } = options;
  const maxRecordChars = options.maxRecordChars ?? Number.POSITIVE_INFINITY;
  const length = text.length;
  let i = 0;
  let line = 1;
  let record = 0;
  while (i < length && (options.maxRecords === undefined || record < options.maxRecords)) {
    const startLine = line;
    const recordStart = i;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          const chunkEnd = close < 0 ? length : close;
          // Judged before the text is taken: a quote never closed would otherwise take the rest of the file.
          if (field.length + (chunkEnd - i) > maxFieldChars) {
            if (options.lenient) return;
            throw new AppError(
              'FILE_TOO_LARGE',
              `The CSV file cannot be read: the field that starts on line ${quoteLine} runs past ${maxFieldChars} characters, probably because a quote is not closed.`,
              { line: quoteLine, maxFieldChars },
            );
          }
          field += text.slice(i, chunkEnd);
          line += countLineBreaks(text, i, chunkEnd);
          if (close < 0) {
            if (options.lenient) return;
            throw new AppError(
              'FILE_UNREADABLE',
              `The CSV file cannot be read: a quote opened on line ${quoteLine} is never closed.`,
              { line: quoteLine },
            );
          }
          if (text[close + 1] === '"') {
            field += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
      }
      // The unquoted part (all of an unquoted field; anything after a closing quote).
      const start = i;
      while (i < length) {
        const ch = text[i];
        if (ch === separator || ch === '\n' || ch === '\r') break;
        i++;
      }
      field += text.slice(start, i);
      if (field.length > maxFieldChars) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `The CSV file cannot be read: a field on line ${line} has more than ${maxFieldChars} characters.`,
          { line, maxFieldChars },
        );
      }
      fields.push(field);
      if (i - recordStart > maxRecordChars) {
        if (options.lenient) return;
        throw new AppError(
          'FILE_TOO_LARGE',
          `The CSV file cannot be read: the line that starts on line ${startLine} runs past ${maxRecordChars.toLocaleString('en-US')} characters without ending, over the import limit.`,
          { line: startLine, maxLineChars: maxRecordChars },
        );
      }
      if (i >= length) endOfRecord = true;
      else if (text[i] === separator) i++;
      else {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    record++;
    if (options.position) options.position.offset = i;
    yield { record, line: startLine, fields };
  }
}

/** Line breaks in text[from, to): \r\n, \n and a lone \r each end a line. Counted in place, without copying. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const ch = text.charCodeAt(at);
    if (ch === 10) count++;
    else if (ch === 13) {
      count++;
      if (text.charCodeAt(at + 1) === 10 && at + 1 < to) at++;
    }
  }
  return count;
}
