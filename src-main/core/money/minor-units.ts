// Money and points are integers: money in the currency's minor units, points whole.
// Doubles hold integers exactly only up to 2^53 (about 9.007 x 10^15). The one limit for
// every number of points and every amount in minor units is the largest 14-digit number:
// a sum of any two (up to ninety) such values is still exact, so a sum can be formed and then
// checked; and a spreadsheet shows it exactly: Excel keeps 15 significant digits, and
// LibreOffice's "0.00" format already shows the 15-digit 9999999999999.99 as
// 10000000000000.00, while every 14-digit amount (999999999999.99) reads and shows as written.
// 2^51 (22517998136852.48, 16 digits) would not. See amount-limit.ts for the checks.
export const MAX_SAFE_AMOUNT = 99_999_999_999_999;
/** The limit as sentences write it: 99,999,999,999,999. */
export const MAX_SAFE_AMOUNT_TEXT = String(MAX_SAFE_AMOUNT).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function isSafeAmount(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) <= MAX_SAFE_AMOUNT;
}

/** Rounds toward zero, as the reference program's `trunc` does: trunc(-24.6) = -24. */
export function truncDiv(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  // A double quotient is exact enough to truncate while both sides are far below 2^53;
  // beyond that, divide as big integers. `+ 0` turns -0 into 0.
  if (Math.abs(numerator) < 2 ** 45 && Math.abs(denominator) < 2 ** 20) {
    return Math.trunc(numerator / denominator) + 0;
  }
  return Number(BigInt(numerator) / BigInt(denominator)) + 0;
}

/** trunc(a * b / d), exact on integers even where a * b passes 2^53. */
export function mulTruncDiv(a: number, b: number, d: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return truncDiv(product, d);
  if (d === 0) throw new RangeError('division by zero');
  return Number((BigInt(a) * BigInt(b)) / BigInt(d)) + 0;
}

/** trunc(x * pct / 100), computed exactly on integers. */
export function percentOf(value: number, pct: number): number {
  return mulTruncDiv(value, pct, 100);
}

/** Formats minor units as a plain decimal string with a dot, e.g. 14330, 2 -> "143.30". */
export function minorToDecimalString(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits > 0 ? abs.slice(0, abs.length - digits) : abs;
  const frac = digits > 0 ? abs.slice(abs.length - digits) : '';
  return `${negative ? '-' : ''}${whole}${digits > 0 ? '.' + frac : ''}`;
}

// Made once per locale and currency: a table of 2,000 rows formats tens of thousands of figures, and building an
// Intl.NumberFormat costs far more than using one.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** Formats minor units in a locale and currency, e.g. 14330 PLN pl-PL -> "143,30 zł". */
export function formatMoney(minor: number, currency: string, digits: number, locale: string): string {
  // Intl accepts a decimal string and formats it without passing through a float.
  const text = minorToDecimalString(minor, digits);
  const format = numberFormat(
    `money|${locale}|${currency}|${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: 'always',
      }),
  );
  return format.format(text as unknown as number);
}

/**
 * Thousands are grouped always: Polish and Russian leave four digits ungrouped by default ("3500" above "29 904"),
 * which makes a column of figures ragged.
 */
export function formatInteger(value: number, locale: string): string {
  const format = numberFormat(
    `integer|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: 'always' }),
  );
  // Intl writes a negative zero (a sum of nothing negated, a truncated -0.4) as "-0"; a figure of nothing is 0.
  return format.format(value === 0 ? 0 : value);
}
