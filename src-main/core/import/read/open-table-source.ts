import { detectFileFormat } from './detect-file-format';
import type { ImportLimits } from './import-limits';
import type { TableSource } from './raw-table';
import { readCsvTable } from './read-csv';
import type { ReadProgress } from './read-progress';
import { readWorkbookIndex } from './read-workbook-index';
import { readXlsxTable } from './read-xlsx';

/**
 * The file as rows of cells, whichever format its bytes turn out to be; refuses what cannot be
 * read. Its rows report progress and stop on cancel through `progress`.
 */
export function openTableSource(
  fileName: string,
  bytes: Uint8Array,
  locale: string,
  limits: ImportLimits,
  progress: ReadProgress = {},
): TableSource {
  const detected = detectFileFormat(fileName, bytes, limits);
  if (detected.format === 'csv') return readCsvTable(bytes, locale, limits, progress, fileName);
  const index = readWorkbookIndex(bytes, detected.entries, fileName);
  return readXlsxTable(bytes, fileName, detected.entries, index, limits, progress);
}
