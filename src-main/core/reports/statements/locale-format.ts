// Numbers, money, percents and dates in the program's locale for the documents participants read. Intl formatters
// are made once per locale and currency (making one costs more than formatting a thousand numbers, and a batch
// formats millions); amounts go in as exact decimal strings, never through a float.
import { minorToDecimalString } from '../../money/minor-units';

export interface LocaleFormat {
  points(n: number): string;
  /** A signed figure: "+123", "−45" (a sign on the positive side too, for a bonus or a cut). */
  signed(n: number): string;
  money(minor: number): string;
  /** Basis points (10,000 = 100%) as a percent with two decimals. */
  percentBp(bp: number): string;
  /** A whole percent. */
  pct(n: number): string;
  /** YYYY-MM-DD as the locale writes a day. */
  day(iso: string): string;
  /** An instant as the locale writes a day and time, in UTC as recorded. */
  instant(iso: string): string;
  /** YYYY-MM as the locale names the month. */
  month(period: string): string;
}

const cache = new Map<string, LocaleFormat>();

export function localeFormat(locale: string, currency: string, minorDigits: number): LocaleFormat {
  const key = `${locale}|${currency}|${minorDigits}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // Grouped always, as formatInteger does: a column of "3500" and "29 904" reads ragged.
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: 'always' });
  const signed = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
    useGrouping: 'always',
  });
  const money = new Intl.NumberFormat(locale, {
    useGrouping: 'always',
    style: 'currency',
    currency,
    minimumFractionDigits: minorDigits,
    maximumFractionDigits: minorDigits,
  });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const wholePercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  // Intl formats a decimal string exactly (the typings know only numbers and bigints).
  const exact = (text: string) => text as unknown as number;
  const format: LocaleFormat = {
    points: (n) => integer.format(n),
    signed: (n) => signed.format(n),
    money: (minor) => money.format(exact(minorToDecimalString(minor, minorDigits))),
    percentBp: (bp) => percent.format(exact(minorToDecimalString(bp, 4))),
    pct: (n) => wholePercent.format(exact(minorToDecimalString(n, 2))),
    day: (iso) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    instant: (iso) => instant.format(new Date(iso)),
    month: (period) => month.format(new Date(`${period}-01T00:00:00Z`)),
  };
  cache.set(key, format);
  return format;
}
