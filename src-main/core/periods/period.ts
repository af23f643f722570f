// Periods are calendar months written `YYYY-MM`; sales dates are calendar dates `YYYY-MM-DD`.
// Both stay strings: a sale on 2026-10-31 belongs to October whatever the machine's time zone.

export type Period = string;
export type CalendarDate = string;

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriod(text: string): boolean {
  return PERIOD_RE.test(text);
}

export function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  return makeCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** Returns `YYYY-MM-DD` for a real date, or null for e.g. 31 February. */
export function makeCalendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
  if (Number.isNaN(value.getTime())) return null;
  // A cell holding a date-time near midnight may arrive a few ms off; round to the nearest minute first.
  const rounded = new Date(Math.round(value.getTime() / 60000) * 60000);
  return makeCalendarDate(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}
