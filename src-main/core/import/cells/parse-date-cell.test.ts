import { describe, expect, it } from 'vitest';
import { BAD_DATE_MESSAGE, parseDateCell, parseDateText, slashIsMonthFirst } from './parse-date-cell';

const pl = { locale: 'pl-PL', date1904: false };
const date = (cell: Parameters<typeof parseDateCell>[0], context = pl) => {
  const r = parseDateCell(cell, context);
  return r.ok ? r.value : r.code;
};

describe('parseDateCell', () => {
  it('takes a date cell (UTC midnight) as its calendar date', () => {
    expect(date(new Date(Date.UTC(2026, 7, 5)))).toBe('2026-08-05');
    expect(date(new Date(Date.UTC(2026, 11, 31)))).toBe('2026-12-31');
    // a date-time cell keeps its day
    expect(date(new Date(Date.UTC(2026, 7, 5, 23, 59)))).toBe('2026-08-05');
    expect(date(new Date(Number.NaN))).toBe('BAD_DATE');
  });

  it('reads Excel serial numbers in a date column', () => {
    expect(date(46239)).toBe('2026-08-05');
    expect(date(46239.75)).toBe('2026-08-05');
    expect(date(61)).toBe('1900-03-01');
    expect(date(0)).toBe('BAD_DATE');
    expect(date(-5)).toBe('BAD_DATE');
    expect(date(3e6)).toBe('BAD_DATE');
  });

  it('reads serials of a 1904 workbook from its own epoch', () => {
    expect(date(44777, { locale: 'pl-PL', date1904: true })).toBe('2026-08-05');
  });

  it.each([
    ['05.08.2026', '2026-08-05'],
    ['5.8.2026', '2026-08-05'],
    ['2026-08-05', '2026-08-05'],
    ['2026-8-5', '2026-08-05'],
    ['05/08/2026', '2026-08-05'],
    ['05-08-2026', '2026-08-05'],
    ['2026/08/05', '2026-08-05'],
    ['2026.08.05', '2026-08-05'],
    ['  05.08.2026  ', '2026-08-05'],
    ['05.08.2026 r.', '2026-08-05'],
    ['05.08.2026\u00A0r.', '2026-08-05'],
    ['2026-08-05 00:00:00', '2026-08-05'],
    ['2026-08-05T14:30', '2026-08-05'],
    ['05.08.2026 14:30:15', '2026-08-05'],
    ['29.02.2028', '2028-02-29'],
  ])('reads the text %j', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it.each([
    '31.02.2026',
    '29.02.2026',
    '31.04.2026',
    '00.01.2026',
    '01.13.2026',
    '2026-02-30',
    '05.08.26',
    '5 August 2026',
    'tomorrow',
    '2026-08-05Z',
    '2026-08-05T10:00:00+02:00',
    '05.08-2026',
    '20260805',
    '1899-12-31',
  ])('refuses %j as BAD_DATE with the expected formats', (text) => {
    expect(parseDateCell(text, pl)).toEqual({ ok: false, code: 'BAD_DATE', message: BAD_DATE_MESSAGE });
  });

  it('refuses booleans', () => {
    expect(date(true)).toBe('BAD_DATE');
  });

  it('reads slashes month first only for en-US', () => {
    expect(slashIsMonthFirst('en-US')).toBe(true);
    expect(slashIsMonthFirst('en-GB')).toBe(false);
    expect(parseDateText('10/05/2026', 'en-US')).toBe('2026-10-05');
    expect(parseDateText('10/05/2026', 'en-GB')).toBe('2026-05-10');
    expect(parseDateText('10.05.2026', 'en-US')).toBe('2026-05-10');
    expect(parseDateText('13/05/2026', 'en-US')).toBe(null);
  });
});
