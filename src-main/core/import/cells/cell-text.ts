import { calendarDateFromUtcDate } from '../../periods/period';
import { isCellError, type RawCell } from '../read/raw-table';

/** A cell's value as text, the way the operator will find it in the file; for problem reports. */
export function cellToText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  // Excel shows booleans in capitals.
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  // An Invalid Date has no ISO text (toISOString throws): it shows as Excel shows what is no date.
  if (cell instanceof Date)
    return calendarDateFromUtcDate(cell) ?? (Number.isNaN(cell.getTime()) ? '#####' : cell.toISOString());
  if (isCellError(cell)) return cell.error;
  return '';
}

/** Long values are cut in reports: the row and column lead to the whole value in the file. */
export function shortenForReport(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
