// Decimal text and spreadsheet numbers -> exact decimals -> integer minor units.
// Everything here works on digit strings and BigInt: a float never carries an amount, so
// "1158.6" is 115860 grosze and not 115859.99999999999.
import { MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT_TEXT, minorToDecimalString } from './minor-units';

/** An exact decimal: digits only, `whole` without leading zeros ("0" at least), `fraction` without trailing zeros. */
export interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** How a text whose separator could mean two things ("1,234") was read. */
export interface AmbiguousReading {
  separator: ',' | '.';
  readAs: 'decimal' | 'thousands';
}

export type DecimalResult =
  { ok: true; value: Decimal; ambiguous: AmbiguousReading | null } | { ok: false; code: 'BAD_NUMBER'; message: string };

export type MinorResult =
  | { ok: true; minor: number; ambiguous: AmbiguousReading | null }
  | {
      ok: false;
      code: 'BAD_NUMBER' | 'TOO_MANY_DECIMALS' | 'AMOUNT_TOO_LARGE';
      message: string;
      params?: Record<string, string | number>;
    };

export type WholeNumberResult =
  | { ok: true; value: number; ambiguous: AmbiguousReading | null }
  | { ok: false; code: 'BAD_NUMBER' | 'AMOUNT_TOO_LARGE'; message: string; params?: Record<string, string | number> };

// Languages that write 1,234.56; the others we meet (pl, ru, nb, de, ...) write 1 234,56.
const DOT_DECIMAL_LANGUAGES = new Set(['en', 'ja', 'zh', 'ko', 'he', 'th']);

/** The decimal separator of a program locale such as "pl-PL" or "en-GB". */
export function decimalSeparatorOf(locale: string): ',' | '.' {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return DOT_DECIMAL_LANGUAGES.has(language) ? '.' : ',';
}

// Spaces that spreadsheets and ERPs put between thousands: NBSP, narrow NBSP, thin, figure, punctuation.
const SPACE_LIKE = /[\s\u00A0\u2007\u2008\u2009\u200A\u202F\u205F\u3000]+/g;
// Longest first, so that "руб." is removed whole and not as "руб" plus a stray dot.
const CURRENCY_MARKS = [
  'руб.',
  'руб',
  'р.',
  'rub',
  'zł',
  'zl',
  'pln',
  '₽',
  'kr.',
  'kr',
  'nok',
  'sek',
  'dkk',
  '€',
  'eur',
  '$',
  'usd',
  '£',
  'gbp',
];
const MINUS_SIGNS = ['-', '\u2212', '\u2013'];

const NOT_A_NUMBER = 'is not a number';

function stripCurrency(text: string): string {
  let s = text;
  for (const mark of CURRENCY_MARKS) {
    const lower = s.toLowerCase();
    if (lower.endsWith(mark)) {
      s = s.slice(0, s.length - mark.length).trim();
      break;
    }
  }
  for (const mark of CURRENCY_MARKS) {
    const lower = s.toLowerCase();
    if (lower.startsWith(mark)) {
      s = s.slice(mark.length).trim();
      break;
    }
  }
  return s;
}

function takeSign(text: string): { negative: boolean; rest: string } {
  const first = text.charAt(0);
  if (MINUS_SIGNS.includes(first)) return { negative: true, rest: text.slice(1).trim() };
  if (first === '+') return { negative: false, rest: text.slice(1).trim() };
  const last = text.charAt(text.length - 1);
  // SAP and some ledgers write a trailing minus: "12,30-".
  if (MINUS_SIGNS.includes(last)) return { negative: true, rest: text.slice(0, -1).trim() };
  return { negative: false, rest: text };
}

function makeDecimal(negative: boolean, wholeDigits: string, fractionDigits: string): Decimal {
  const whole = wholeDigits.replace(/^0+(?=\d)/, '') || '0';
  const fraction = fractionDigits.replace(/0+$/, '');
  // "-0,00" is zero, not a negative amount.
  const isZero = whole === '0' && fraction === '';
  return { negative: negative && !isZero, whole, fraction };
}

const GROUPED = (group: string) => new RegExp(`^\\d{1,3}(?:${group === '.' ? '\\.' : group}\\d{3})+$`);

/**
 * Reads the number body (digits and separators, no sign) by the rules of import-formats.md:
 * spaces group thousands; with both "," and "." the last one is the decimal separator; a
 * single separator followed by exactly three digits is ambiguous and read by the locale.
 */
function readBody(
  body: string,
  decimalSeparator: ',' | '.',
): { whole: string; fraction: string; ambiguous: AmbiguousReading | null } | null {
  if (!/^[\d ,.]+$/.test(body) || !/\d/.test(body)) return null;
  if (body.includes(' ')) {
    const m = /^(\d{1,3}(?: \d{3})+)(?:([.,])(\d+))?$/.exec(body);
    if (!m) return null;
    return { whole: (m[1] ?? '').replace(/ /g, ''), fraction: m[3] ?? '', ambiguous: null };
  }
  const commas = (body.match(/,/g) ?? []).length;
  const dots = (body.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = body.lastIndexOf(decimal);
    const wholePart = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (body.indexOf(decimal) !== at || !/^\d+$/.test(fraction) || !GROUPED(group).test(wholePart)) return null;
    return { whole: wholePart.split(group).join(''), fraction, ambiguous: null };
  }
  if (commas === 0 && dots === 0) return { whole: body, fraction: '', ambiguous: null };
  const separator: ',' | '.' = commas > 0 ? ',' : '.';
  if (commas + dots > 1) {
    // Two or more of the same separator can only be grouping: "1.234.567".
    if (!GROUPED(separator).test(body)) return null;
    return { whole: body.split(separator).join(''), fraction: '', ambiguous: null };
  }
  const [before = '', after = ''] = body.split(separator);
  if (after === '') return null;
  if (before === '') return { whole: '0', fraction: after, ambiguous: null };
  const couldBeGrouping = after.length === 3 && before.length <= 3 && !before.startsWith('0');
  if (!couldBeGrouping) return { whole: before, fraction: after, ambiguous: null };
  const readAs = separator === decimalSeparator ? 'decimal' : 'thousands';
  return readAs === 'decimal'
    ? { whole: before, fraction: after, ambiguous: { separator, readAs } }
    : { whole: before + after, fraction: '', ambiguous: { separator, readAs } };
}

/** Reads decimal text as people and ERPs write it: "1 234,56", "1.234,56", "(12,30)", "12,30 zł". */
export function parseDecimalText(text: string, locale: string): DecimalResult {
  let s = text.replace(SPACE_LIKE, ' ').trim();
  if (s === '') return { ok: false, code: 'BAD_NUMBER', message: NOT_A_NUMBER };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  let signs = 0;
  for (let pass = 0; pass < 2; pass++) {
    const signed = takeSign(s);
    if (signed.rest !== s) {
      if (signed.negative) {
        negative = !negative;
        signs++;
      }
      s = signed.rest;
    }
    s = stripCurrency(s);
  }
  if (signs > 1 || (paren && signs > 0)) return { ok: false, code: 'BAD_NUMBER', message: NOT_A_NUMBER };
  const body = readBody(s, decimalSeparatorOf(locale));
  if (!body) return { ok: false, code: 'BAD_NUMBER', message: NOT_A_NUMBER };
  return { ok: true, value: makeDecimal(negative, body.whole, body.fraction), ambiguous: body.ambiguous };
}

/**
 * The exact decimal a spreadsheet number stands for. String(n) is the shortest text that
 * reads back as the same double, so 1158.6 stays "1158.6". Beyond 15 significant digits we
 * use the 15 that Excel itself shows and computes with: a formula's cached
 * 0.30000000000000004 is the 0.3 the client sees, not an amount with 17 decimals.
 */
export function decimalFromNumber(value: number): DecimalResult {
  if (!Number.isFinite(value)) return { ok: false, code: 'BAD_NUMBER', message: NOT_A_NUMBER };
  // The common case, read straight from the shortest text: no exponent and at most 15 digits,
  // so nothing is rounded and the text has no leading or trailing zeros to strip. A sales
  // file has one such number in every cell of its amount and quantity columns.
  const quick = quickDecimalFromNumber(value);
  if (quick) return { ok: true, value: quick, ambiguous: null };
  let text = String(value);
  const significant = text.replace(/e.*$/i, '').replace(/[-.]/g, '').replace(/^0+/, '');
  if (significant.length > 15) text = value.toPrecision(15);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return { ok: false, code: 'BAD_NUMBER', message: NOT_A_NUMBER };
  const digits = (m[2] ?? '') + (m[3] ?? '');
  // Position of the decimal point within `digits`, moved by the exponent.
  const point = (m[2] ?? '').length + Number.parseInt(m[4] ?? '0', 10);
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = point <= 0 ? 1 : point;
  return { ok: true, value: makeDecimal(m[1] === '-', padded.slice(0, at), padded.slice(at)), ambiguous: null };
}

const QUICK_LIMIT = 1e15;

function quickDecimalFromNumber(value: number): Decimal | null {
  if (Number.isInteger(value)) {
    if (Math.abs(value) >= QUICK_LIMIT) return null;
    return { negative: value < 0, whole: String(Math.abs(value)), fraction: '' };
  }
  const text = String(value);
  const negative = value < 0;
  // Sign, point and at most 15 digits; an exponent ("1e-7") takes the general path.
  if (text.length > (negative ? 17 : 16) || text.includes('e')) return null;
  const body = negative ? text.slice(1) : text;
  const point = body.indexOf('.');
  return { negative, whole: body.slice(0, point), fraction: body.slice(point + 1) };
}

/** A text or a spreadsheet number as an exact decimal. */
function parseDecimal(input: string | number, locale: string): DecimalResult {
  return typeof input === 'number' ? decimalFromNumber(input) : parseDecimalText(input, locale);
}

/** Minor units of an exact decimal; more decimals than the currency has is an error, never a rounding. */
export function decimalToMinor(value: Decimal, digits: number): MinorResult {
  if (value.fraction.length > digits) {
    return {
      ok: false,
      code: 'TOO_MANY_DECIMALS',
      message:
        digits === 0
          ? 'has decimals, but the currency has none'
          : `has ${value.fraction.length} decimals, but the currency has ${digits}`,
      params: { decimals: value.fraction.length, allowed: digits },
    };
  }
  const text = value.whole + value.fraction.padEnd(digits, '0');
  // Up to 15 digits a double holds the integer exactly; beyond, BigInt tells how far past the limit it is.
  const minor = text.length <= 15 ? Number.parseInt(text, 10) : BigInt(text);
  if (minor > MAX_SAFE_AMOUNT) {
    const largest = minorToDecimalString(MAX_SAFE_AMOUNT, digits);
    return {
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      message: `is more than ${largest}, the largest amount Loyalty Desk counts exactly`,
      params: { limit: largest },
    };
  }
  // Exact: an integer within the limit converts to a double without loss.
  const abs = Number(minor);
  return { ok: true, minor: value.negative ? -abs : abs, ambiguous: null };
}

/** Money text or a spreadsheet number -> integer minor units, exactly. */
export function parseDecimalToMinor(input: string | number, digits: number, locale: string): MinorResult {
  const decimal = parseDecimal(input, locale);
  if (!decimal.ok) return decimal;
  const minor = decimalToMinor(decimal.value, digits);
  return minor.ok ? { ...minor, ambiguous: decimal.ambiguous } : minor;
}

/**
 * Quantities and points: whole numbers. "5,0" and 5.0 are read as 5, because ERPs export
 * quantities with a decimal part of zeros; "5,5" is an error, never rounded.
 */
export function parseWholeNumber(input: string | number, locale: string): WholeNumberResult {
  // A whole number cell within the limit: nothing to read or round (-0 is 0).
  if (typeof input === 'number' && Number.isInteger(input) && Math.abs(input) <= MAX_SAFE_AMOUNT)
    return { ok: true, value: input === 0 ? 0 : input, ambiguous: null };
  const decimal = parseDecimal(input, locale);
  if (!decimal.ok) return decimal;
  if (decimal.value.fraction !== '') return { ok: false, code: 'BAD_NUMBER', message: 'is not a whole number' };
  const abs = BigInt(decimal.value.whole);
  if (abs > BigInt(MAX_SAFE_AMOUNT)) {
    return {
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      message: `is more than ${MAX_SAFE_AMOUNT_TEXT}, the largest number Loyalty Desk counts exactly`,
      params: { limit: MAX_SAFE_AMOUNT_TEXT },
    };
  }
  const value = Number(abs);
  return { ok: true, value: decimal.value.negative ? -value : value, ambiguous: decimal.ambiguous };
}
