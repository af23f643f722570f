import { describe, expect, it } from 'vitest';
import { calendarDateFromExcelSerial, calendarDateFromUtcDate, daysInMonth, makeCalendarDate } from './period';

/** What Date's own UTC fields say, the reference for the arithmetic in period.ts. */
function byDate(ms: number): string | null {
  const r = new Date(Math.round(ms / 60000) * 60000);
  const [y, m, d] = [r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate()];
  return y < 1900 || y > 2999 ? null : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

describe('calendar dates', () => {
  it('reads a date cell as the calendar day Date itself gives, across the supported years', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1899, 0, 1); ms < Date.UTC(3001, 0, 1); ms += 86_400_000 * 2 + 7919) {
      if (calendarDateFromUtcDate(new Date(ms)) !== byDate(ms)) wrong.push(new Date(ms).toISOString());
    }
    expect(wrong).toEqual([]);
    // A date-time a few ms before midnight belongs to the next day.
    expect(calendarDateFromUtcDate(new Date(Date.UTC(2026, 9, 5) - 3))).toBe('2026-10-05');
    expect(calendarDateFromUtcDate(new Date(Number.NaN))).toBe(null);
  });

  it('knows the days of every month, leap years included', () => {
    const wrong: string[] = [];
    for (let y = 1890; y < 3010; y++)
      for (let m = 0; m <= 13; m++)
        if (daysInMonth(y, m) !== new Date(Date.UTC(y, m, 0)).getUTCDate()) wrong.push(`${y}-${m}`);
    expect(wrong).toEqual([]);
    expect(makeCalendarDate(2028, 2, 29)).toBe('2028-02-29');
    expect(makeCalendarDate(2100, 2, 29)).toBe(null);
    expect(makeCalendarDate(2026, 1, 5)).toBe('2026-01-05');
    expect(calendarDateFromExcelSerial(46300)).toBe('2026-10-05');
  });
});
