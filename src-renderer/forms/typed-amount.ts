// Amounts and points the coordinator types, read by the core's own parser (core/money), so
// that a form accepts exactly what the core and the import accept and reads it the same: the
// same separators for a locale, the same refusal of more decimals than the scale, the same
// one limit. Here the core's result is only named the way the form words its problems.
import { decimalToMinor, parseDecimalText } from '../../src-main/core/money/parse-decimal';

export type TypedAmount =
  | { ok: true; value: number }
  | { ok: false; problem: 'empty' | 'notANumber' | 'tooManyDecimals' | 'negative' | 'tooLarge' };

/** A decimal typed in `locale` as an integer of `scale` decimal places (minor units, basis points), exactly. */
export function readTypedAmount(
  text: string,
  scale: number,
  locale: string,
  options: { allowNegative?: boolean } = {},
): TypedAmount {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  const decimal = parseDecimalText(text, locale);
  if (!decimal.ok) return { ok: false, problem: 'notANumber' };
  const minor = decimalToMinor(decimal.value, scale);
  if (!minor.ok)
    return {
      ok: false,
      problem:
        minor.code === 'TOO_MANY_DECIMALS'
          ? 'tooManyDecimals'
          : minor.code === 'AMOUNT_TOO_LARGE'
            ? 'tooLarge'
            : 'notANumber',
    };
  if (minor.minor < 0 && !options.allowNegative) return { ok: false, problem: 'negative' };
  return { ok: true, value: minor.minor };
}

/** A whole number such as points: a decimal of scale 0. */
export function readTypedWhole(text: string, locale: string, options: { allowNegative?: boolean } = {}): TypedAmount {
  return readTypedAmount(text, 0, locale, options);
}
