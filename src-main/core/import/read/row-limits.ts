import { AppError } from '../../app-error';

/** The refusal of a file with more rows than the limit; the same sentence whichever reader counts them. */
export function tooManyRows(fileName: string, maxRows: number): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `The file "${fileName}" has more than ${maxRows.toLocaleString('en-US')} rows, over the import limit; split it into smaller files.`,
    { maxRows },
  );
}
