// Periods are calendar months written `YYYY-MM`; sales dates are calendar dates `YYYY-MM-DD`.
// Both stay strings: a sale on 2026-10-31 belongs to October whatever the machine's time zone.

export type Period = string;
export type CalendarDate = string;

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  return PERIOD_RE.test(text);
}

/** Returns `YYYY-MM-DD` for a real date, or null for e.g. 31 February. */
export function makeCalendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  // Years are 1900-2999 here: four digits without padding. Called for every date cell of a file.
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? 31;
}

export function periodOfDate(date: CalendarDate): Period {
  return date.slice(0, 7);
}

export function previousPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug makes the epoch
 * the 30th, not the 31st). Only the whole-day part matters for a calendar date.
 */
export function calendarDateFromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.floor(serial) * 86400000 + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  return makeCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * exceljs and most readers hand date cells over as JS Dates at UTC midnight of the
 * written day; the UTC fields are the calendar date the client typed.
 */
export function calendarDateFromUtcDate(value: Date): CalendarDate | null {
  const time = value.getTime();
  if (Number.isNaN(time)) return null;
  // A cell holding a date-time near midnight may arrive a few ms off; round to the nearest minute first.
  const days = Math.floor((Math.round(time / 60000) * 60000) / 86400000);
  // A sales file's dates fall in a few dozen days: each day's text is made once and shared.
  const known = datesByDay.get(days);
  if (known !== undefined) return known;
  const { year, month, day } = civilFromDays(days);
  const date = makeCalendarDate(year, month, day);
  if (datesByDay.size >= 4096) datesByDay.clear();
  datesByDay.set(days, date);
  return date;
}

const datesByDay = new Map<number, CalendarDate | null>();

/**
 * The proleptic Gregorian date of a count of days since 1970-01-01, by arithmetic (Howard
 * Hinnant's civil_from_days): the same date as Date's UTC fields, without making a Date for
 * every date cell of a file.
 */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
