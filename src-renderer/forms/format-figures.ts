// Figures of scoring written the local way, without a float: basis points as a percentage,
// minor units as decimal text for an input field.
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { decimalSeparatorOf } from '../../src-main/core/money/parse-decimal';

/** 11876 basis points -> "118.76%" (en) or "118,76%" (pl): Intl reads the decimal string exactly. */
export function formatBasisPoints(bp: number, locale: string): string {
  let format = percents.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    percents.set(locale, format);
  }
  return format.format(minorToDecimalString(bp, 4) as unknown as number);
}

/** One format per locale: a table formats a percent per row, and making the format costs more than using it. */
const percents = new Map<string, Intl.NumberFormat>();

/** Minor units as the text an input shows for editing, e.g. 15000000 -> "150000,00" in pl-PL. */
export function decimalInputText(value: number, scale: number, locale: string): string {
  const text = minorToDecimalString(value, scale);
  return scale > 0 ? text.replace('.', decimalSeparatorOf(locale)) : text;
}

/** Points with a sign, for adjustments and differences: "+120", "−45", "0". */
export function formatSignedPoints(points: number, formatInteger: (n: number) => string): string {
  if (points > 0) return `+${formatInteger(points)}`;
  if (points < 0) return `−${formatInteger(-points)}`;
  return formatInteger(0);
}
