import { describe, expect, it } from 'vitest';
import { parsePeriodCell, periodFromText } from './parse-period-cell';

const context = { locale: 'pl-PL', date1904: false };

describe('parsePeriodCell', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026-1', '2026-01'],
    ['2026/10', '2026-10'],
    ['10.2026', '2026-10'],
    ['1/2026', '2026-01'],
    ['15.10.2026', '2026-10'],
    ['2026-10-31', '2026-10'],
    [' 2026-10 ', '2026-10'],
  ])('reads the text %j as %s', (text, period) => {
    expect(parsePeriodCell(text, context)).toEqual({ ok: true, value: period });
  });

  it('reads a date cell, an Excel serial and a YYYYMM number as the month', () => {
    expect(parsePeriodCell(new Date(Date.UTC(2026, 9, 1)), context)).toEqual({ ok: true, value: '2026-10' });
    // 46296 is 2026-10-01 in the 1900 date system.
    expect(parsePeriodCell(46296, context)).toEqual({ ok: true, value: '2026-10' });
    expect(parsePeriodCell(202610, context)).toEqual({ ok: true, value: '2026-10' });
  });

  it.each(['2026-13', 'październik', '13.2026', '31.02.2026', 'Q4 2026'])('refuses %j', (text) => {
    expect(parsePeriodCell(text, context)).toMatchObject({ ok: false, code: 'BAD_PERIOD' });
  });

  it('reads a wide-form header the same way, and nothing else as a month', () => {
    expect(periodFromText('2026-09', 'pl-PL')).toBe('2026-09');
    expect(periodFromText('2026-09-01', 'pl-PL')).toBe('2026-09');
    expect(periodFromText('Rep code', 'pl-PL')).toBeNull();
    expect(periodFromText('Total', 'pl-PL')).toBeNull();
  });
});
