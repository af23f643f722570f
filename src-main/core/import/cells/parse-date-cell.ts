import {
  calendarDateFromExcelSerial,
  calendarDateFromUtcDate,
  makeCalendarDate,
  type CalendarDate,
} from '../../periods/period';
import type { CellParseContext, CellParseResult, FilledCell } from '../table/field-definitions';
import { normalizeSpaces } from '../read/raw-table';

export const BAD_DATE_MESSAGE = 'is not a date (expected dd.mm.yyyy or yyyy-mm-dd)';

// Days between the 1900 and 1904 date systems' epochs.
const DATE1904_OFFSET = 1462;

// An optional time after the date, as ERP exports write it ("2026-10-05 00:00:00"); a time
// with a zone offset is an instant, not a calendar date, and is refused.
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-./])(\d{1,2})\2(\d{1,2})${TIME}$`);
// Polish writers add "r." (roku) after the year: "05.10.2026 r.".
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?:\s*r\.?)?${TIME}$`);

/** Only the United States writes month first: 10/05/2026 is 5 October there and 10 May elsewhere. */
export function slashIsMonthFirst(locale: string): boolean {
  return /^en[-_]US$/i.test(locale);
}

export function parseDateText(text: string, locale: string): CalendarDate | null {
  const s = normalizeSpaces(text).trim().replace(/\s+/g, ' ');
  const ymd = YEAR_FIRST.exec(s);
  if (ymd)
    return makeCalendarDate(
      Number.parseInt(ymd[1] ?? '', 10),
      Number.parseInt(ymd[3] ?? '', 10),
      Number.parseInt(ymd[4] ?? '', 10),
    );
  const dmy = DAY_FIRST.exec(s);
  if (dmy) {
    const first = Number.parseInt(dmy[1] ?? '', 10);
    const second = Number.parseInt(dmy[3] ?? '', 10);
    const year = Number.parseInt(dmy[4] ?? '', 10);
    const monthFirst = dmy[2] === '/' && slashIsMonthFirst(locale);
    return monthFirst ? makeCalendarDate(year, first, second) : makeCalendarDate(year, second, first);
  }
  return null;
}

/**
 * A calendar date `YYYY-MM-DD` from a date cell, an Excel serial number (a date column whose
 * format was lost, or a workbook read before its styles) or a text date.
 */
export function parseDateCell(
  cell: FilledCell,
  context: Pick<CellParseContext, 'locale' | 'date1904'>,
): CellParseResult<CalendarDate> {
  let date: CalendarDate | null = null;
  if (cell instanceof Date) date = calendarDateFromUtcDate(cell);
  else if (typeof cell === 'number')
    date = calendarDateFromExcelSerial(context.date1904 ? cell + DATE1904_OFFSET : cell);
  else if (typeof cell === 'string') date = parseDateText(cell, context.locale);
  return date ? { ok: true, value: date } : { ok: false, code: 'BAD_DATE', message: BAD_DATE_MESSAGE };
}
