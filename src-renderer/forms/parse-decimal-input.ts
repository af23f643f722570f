// Amounts the coordinator types ("1 500,50", "1,500.50", "150000") turned into integers of a
// fixed scale without a float in between: money into minor units, percentages into basis
// points. The style guide forbids parseFloat on money, and a typed amount with more decimals
// than the scale allows is refused rather than rounded, as the import does.
import { MAX_SAFE_AMOUNT } from '../../src-main/core/money/minor-units';

export type DecimalInput = { ok: true; value: number } | { ok: false; problem: 'empty' | 'notANumber' | 'tooManyDecimals' | 'negative' | 'tooLarge' };

// Spaces of every kind and apostrophes group thousands in pl-PL, ru-RU, fr-FR and de-CH.
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009']/g;

/** The decimal separator of a locale: "," for pl-PL and ru-RU, "." for en-GB. */
export function decimalSeparatorOf(locale: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

/**
 * Which of "." and "," is the decimal point in `digits` (already without spaces): the last
 * one when both appear; the only one when it is not followed by groups of exactly three
 * digits; else the locale decides.
 */
function splitDecimal(body: string, localeDecimal: string): { whole: string; fraction: string } | null {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let decimal: string | null = null;
  if (dots > 0 && commas > 0) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const after = body.slice(body.indexOf(sep) + 1);
    decimal = after.length === 3 && sep !== localeDecimal ? null : sep;
  } else if (dots + commas > 1) decimal = null;
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  let whole = body;
  let fraction = '';
  if (decimal) {
    const at = body.lastIndexOf(decimal);
    whole = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (fraction.includes('.') || fraction.includes(',')) return null;
  }
  // Grouping separators must sit between groups of three digits.
  const groupChars = group ? [group] : ['.', ','];
  for (const g of groupChars) {
    if (whole.includes(g)) {
      const parts = whole.split(g);
      if (!/^\d{1,3}$/.test(parts[0] ?? '') || parts.slice(1).some((p) => !/^\d{3}$/.test(p))) return null;
      whole = parts.join('');
    }
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') return null;
  return { whole: whole || '0', fraction };
}

/** Parses a decimal typed in `locale` into an integer of `scale` decimal places, exactly. */
export function parseDecimalInput(text: string, scale: number, locale: string, options: { allowNegative?: boolean } = {}): DecimalInput {
  let body = text.replace(GROUPING_SPACES, '');
  if (body === '') return { ok: false, problem: 'empty' };
  let negative = false;
  if (/^[-\u2212]/.test(body)) {
    negative = true;
    body = body.slice(1);
  }
  const split = splitDecimal(body, decimalSeparatorOf(locale));
  if (!split) return { ok: false, problem: 'notANumber' };
  if (split.fraction.length > scale) return { ok: false, problem: 'tooManyDecimals' };
  if (negative && !options.allowNegative) return { ok: false, problem: 'negative' };
  const digits = (split.whole + split.fraction.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return { ok: false, problem: 'tooLarge' };
  const magnitude = Number(BigInt(digits));
  // The core's one limit for points and amounts: past it the core would refuse the value anyway.
  if (magnitude > MAX_SAFE_AMOUNT) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/** A whole number such as points: a decimal of scale 0. */
export function parseWholeInput(text: string, locale: string, options: { allowNegative?: boolean } = {}): DecimalInput {
  return parseDecimalInput(text, 0, locale, options);
}
