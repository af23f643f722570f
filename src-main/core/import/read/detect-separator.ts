import { parseCsvRecords } from './parse-csv-records';

export const CSV_SEPARATORS = [';', '\t', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 256 * 1024;

/**
 * The separator that splits the top of the file into a steady number of columns. Counting
 * happens outside quotes (by parsing), so "1 234,56" in a `;` file does not make `,` win:
 * `,` would split the data rows but not the header, `;` splits every row alike. On a tie
 * the wider table wins, then the order `;`, tab, `,`.
 */
export function detectSeparator(text: string): CsvSeparator {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { separator: CsvSeparator; steady: number; width: number } | null = null;
  for (const separator of CSV_SEPARATORS) {
    const widths = new Map<number, number>();
    for (const { fields } of parseCsvRecords(sample, {
      separator,
      maxFieldChars: SAMPLE_CHARS,
      maxRecords: SAMPLE_RECORDS,
      lenient: true,
    })) {
      if (fields.length < 2) continue;
      widths.set(fields.length, (widths.get(fields.length) ?? 0) + 1);
    }
    let steady = 0;
    let width = 0;
    for (const [w, count] of widths) {
      if (count > steady || (count === steady && w > width)) {
        steady = count;
        width = w;
      }
    }
    if (steady === 0) continue;
    if (!best || steady > best.steady || (steady === best.steady && width > best.width))
      best = { separator, steady, width };
  }
  return best?.separator ?? ';';
}
