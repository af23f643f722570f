// Money in a spreadsheet cell: the one place an amount becomes a double.

/** "0.00" for 2 minor digits, "0" for none: every amount shows all its minor digits, no more. */
export function amountNumberFormat(minorDigits: number): string {
  return minorDigits > 0 ? `0.${'0'.repeat(minorDigits)}` : '0';
}

/**
 * An amount as the number a spreadsheet cell stores. A cell holds a double, so this is the one
 * place money becomes one: the division of two exact integers is correctly rounded, which makes
 * it the double nearest to the decimal amount, and JavaScript (and so exceljs) writes that
 * double back as the shortest text that reads as it again: 12345 / 100 is written "123.45".
 * Below 2^51 minor units that text is always the exact decimal.
 */
export function minorToCellNumber(minor: number, minorDigits: number): number {
  return minor / 10 ** minorDigits;
}
