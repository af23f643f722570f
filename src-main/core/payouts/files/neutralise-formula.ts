// A payout file carries participants' names and codes, which anyone who can get a name into a
// client's file controls. A spreadsheet that opens a CSV cell "=HYPERLINK(...)" runs it as a
// formula; OWASP's advice (CSV Injection) is to prefix such a cell with an apostrophe, which
// Excel and LibreOffice then show as text. Only text we did not make goes through here:
// amounts, points and dates are formatted by us from numbers, so a negative amount's "-" is
// never touched.

// = + - @ start formulas in Excel and LibreOffice; a leading tab or carriage return can hide
// one from a reader and some spreadsheet apps strip it before parsing.
const FORMULA_START = /^[=+\-@\t\r]/;

function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** For CSV: text that could start a formula gets a leading apostrophe; other text is unchanged. */
export function neutraliseCsvText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
