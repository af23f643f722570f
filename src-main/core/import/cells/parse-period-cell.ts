// A month `YYYY-MM` from a cell: "2026-10", "10.2026", "2026/10", a date in the month (a date
// cell, as Excel makes of a typed "2026-10", a serial, or dated text), or 202610.
import { calendarDateFromExcelSerial, calendarDateFromUtcDate, periodOfDate, type Period } from '../../periods/period';
import type { CellParseContext, CellParseResult, FilledCell } from '../table/field-definitions';
import { parseDateText } from './parse-date-cell';
import { normalizeSpaces } from '../read/raw-table';

const YEAR_MONTH = /^(\d{4})[-./](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-./](\d{4})$/;

function makePeriod(year: number, month: number): Period | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month a text names, or null; for cells and for wide-form headers such as "2026-10". */
export function periodFromText(text: string, locale: string): Period | null {
  const s = normalizeSpaces(text).trim();
  const ym = YEAR_MONTH.exec(s);
  if (ym) return makePeriod(Number.parseInt(ym[1] ?? '', 10), Number.parseInt(ym[2] ?? '', 10));
  const my = MONTH_YEAR.exec(s);
  if (my) return makePeriod(Number.parseInt(my[2] ?? '', 10), Number.parseInt(my[1] ?? '', 10));
  const date = parseDateText(s, locale);
  return date ? periodOfDate(date) : null;
}

export function parsePeriodCell(
  cell: FilledCell,
  context: Pick<CellParseContext, 'locale' | 'date1904'>,
): CellParseResult<Period> {
  let period: Period | null = null;
  if (cell instanceof Date) {
    const date = calendarDateFromUtcDate(cell);
    period = date ? periodOfDate(date) : null;
  } else if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 190001 && cell <= 299912)
      period = makePeriod(Math.trunc(cell / 100), cell % 100);
    else {
      const date = calendarDateFromExcelSerial(context.date1904 ? cell + 1462 : cell);
      period = date ? periodOfDate(date) : null;
    }
  } else if (typeof cell === 'string') period = periodFromText(cell, context.locale);
  return period
    ? { ok: true, value: period }
    : { ok: false, code: 'BAD_PERIOD', message: 'is not a month (expected YYYY-MM, or a date in the month)' };
}
